package org.pchatdr.portal.review;

import org.pchatdr.portal.base.AuditableEvent;

/** A review decision or a finding's change, for the audit trail. */
public record ReviewEvent(String actor, Action transition, long runId, Long findingId, String details)
        implements AuditableEvent {

    public enum Action {
        REVIEW_SIGNED_OFF,
        REVIEW_RETURNED,
        FINDING_RECORDED,
        FINDING_CLOSED
    }

    @Override
    public String action() {
        return transition.name();
    }

    @Override
    public String target() {
        return findingId == null ? "run " + runId : "finding " + findingId + " of run " + runId;
    }
}
