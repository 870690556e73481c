package org.pchatdr.portal.review;

import java.time.Instant;

/**
 * One moment of a run as its review shows it: who did {@code what} when, on which step, with the
 * text they wrote (reason, comment, pasted output, acceptance).
 */
public record TimelineEntry(Instant at, String who, What what, Integer step, String text) {

    public enum What {
        REQUESTED,
        APPROVED,
        REJECTED,
        WITHDRAWN,
        EMERGENCY_STARTED,
        STARTED,
        DATA_LOSS_RECORDED,
        DATA_LOSS_ACCEPTED,
        STEP_STARTED,
        STEP_DONE,
        STEP_FAILED,
        STEP_RETRIED,
        SKIP_REQUESTED,
        STEP_SKIPPED,
        RATIFIED,
        ENDED
    }
}
