package org.pchatdr.portal.review;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/**
 * A review decision or a finding's change, for the audit trail. {@code message}, when there is one,
 * is what each reader sees in their language (issue 12); its English is the stored details.
 */
public record ReviewEvent(
        String actor, Action transition, long runId, Long findingId, String details, AuditMessage message)
        implements AuditableEvent.OfTransition {

    public ReviewEvent(String actor, Action transition, long runId, Long findingId, String details) {
        this(actor, transition, runId, findingId, details, null);
    }

    public enum Action {
        REVIEW_SIGNED_OFF,
        REVIEW_RETURNED,
        FINDING_RECORDED,
        FINDING_CLOSED
    }

    @Override
    public String target() {
        return findingId == null ? "run " + runId : "finding " + findingId + " of run " + runId;
    }
}
