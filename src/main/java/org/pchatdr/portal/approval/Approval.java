package org.pchatdr.portal.approval;

import java.time.Instant;

/**
 * One approver's decision on a subject. An approval counts while it is neither withdrawn nor
 * expired; a rejection stands until withdrawn. {@code withdrawable} turns false once the subject
 * went ahead (a run started) on the strength of it.
 */
public record Approval(
        long id,
        Subject subject,
        String kind,
        String approver,
        Decision decision,
        String comment,
        Instant decidedAt,
        Instant expiresAt,
        Instant withdrawnAt,
        boolean withdrawable) {

    public enum Decision {
        APPROVED,
        REJECTED
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /** An approval that counts at {@code now}. */
    public boolean countsAt(Instant now) {
        return decision == Decision.APPROVED && !isWithdrawn() && now.isBefore(expiresAt);
    }

    /** A rejection that stands. */
    public boolean isStandingRejection() {
        return decision == Decision.REJECTED && !isWithdrawn();
    }
}
