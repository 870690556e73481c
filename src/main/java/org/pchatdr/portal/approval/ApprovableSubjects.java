package org.pchatdr.portal.approval;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /**
     * A value that changes whenever {@link #waiting} may answer differently for anyone, read with one
     * cheap query: the layout polls it to keep the inbox and its badge current (decision 012's way).
     * By default the count itself, which misses one item replacing another: override it.
     */
    default String waitingStamp() {
        return Integer.toString(waitingCount());
    }

    /**
     * The page of {@code subject} and its name in {@code locale} ("Run 12"), for an approver's recent
     * decisions; empty for a subject of another feature.
     */
    default Optional<SubjectLink> link(Subject subject, Locale locale) {
        return Optional.empty();
    }

    /** Where a subject's page is, without a leading slash, and its name. */
    record SubjectLink(String path, String title) {}
}
