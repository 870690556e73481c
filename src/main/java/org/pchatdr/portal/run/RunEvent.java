package org.pchatdr.portal.run;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/**
 * A transition of a run, for the audit trail: every request, decision, start, step change and end.
 * {@code message}, when there is one, is what each reader sees in their language (issue 12); the
 * recorder stores its English rendering as {@code details}.
 */
public record RunEvent(String actor, Action transition, long runId, String pool, String details, AuditMessage message)
        implements AuditableEvent.OfTransition {

    public RunEvent(String actor, Action transition, long runId, String pool, String details) {
        this(actor, transition, runId, pool, details, null);
    }

    public enum Action {
        RUN_REQUESTED,
        RUN_APPROVED,
        RUN_REJECTED,
        RUN_APPROVAL_WITHDRAWN,
        RUN_APPROVAL_EXPIRED,
        RUN_STARTED,
        RUN_EMERGENCY_STARTED,
        RUN_RATIFIED,
        RUN_RATIFICATION_OVERDUE,
        DATA_LOSS_RECORDED,
        DATA_LOSS_ACCEPTED,
        STEP_STARTED,
        STEP_DONE,
        STEP_FAILED,
        STEP_RETRIED,
        STEP_SKIP_REQUESTED,
        STEP_SKIPPED,
        RUN_ABORTED,
        RUN_FAILED,
        RUN_COMPLETED
    }

    @Override
    public String target() {
        return "run " + runId + " (" + pool + ")";
    }
}
