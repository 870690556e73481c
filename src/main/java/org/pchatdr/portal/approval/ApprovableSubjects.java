package org.pchatdr.portal.approval;

import java.util.List;
import java.util.Locale;

/**
 * What a feature whose subjects need approval (runs now; change requests and reviews later) tells
 * the approval module, so that the approval-policy page and API, the approvals inbox and its badge
 * work for it without knowing it: its policy kinds, and what waits on the signed-in approver.
 * Contributed as a Spring bean, in {@code @Order} (decisions 010 and 014); the approval module never
 * depends on the contributing feature.
 */
public interface ApprovableSubjects {

    /** Every policy kind of the feature, in the order the policy page lists them. */
    List<PolicyKind> policyKinds();

    /**
     * What waits on the signed-in user's decision, with its texts in {@code locale}. Called for
     * approvers only; the feature's own service still decides who may see what.
     */
    List<WaitingItem> waiting(Locale locale);

    /** How many items {@link #waiting} would list, without writing their texts: the badge's number. */
    int waitingCount();
}
