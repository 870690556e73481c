package org.pchatdr.portal.review;

import java.time.Instant;

/**
 * Something in an ended run that a reviewer must explain before signing off, named by {@code code}
 * ({@code STEP_SKIPPED:3}, {@code EMERGENCY_START} …), with the disposition written for it, if any.
 */
public record RunException(
        String code, Kind kind, Integer step, String disposition, String disposedBy, Instant disposedAt) {

    public enum Kind {
        /** A step was skipped with an approver's consent. */
        STEP_SKIPPED,
        /** A step failed and was tried again. */
        STEP_RETRIED,
        /** A step stayed failed: the run failed or was aborted on it. */
        STEP_FAILED,
        /** The run started before its approval (a disaster). */
        EMERGENCY_START,
        /** Data was given up for good, accepted in writing before F-4 or C-8. */
        DATA_LOSS_ACCEPTED,
        /** The run took longer than the pool's RTO target. */
        RTO_OVER_TARGET,
        /** The data-loss window was longer than the pool's RPO target. */
        RPO_OVER_TARGET,
        /** A step ended after every approval the run started on had lapsed. */
        STEP_OUT_OF_WINDOW
    }

    public boolean disposed() {
        return disposition != null;
    }
}
