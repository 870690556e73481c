package org.pchatdr.portal.change;

import java.util.Set;

/** Where a change request stands. */
public enum ChangeState {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED,
    IMPLEMENTING,
    IMPLEMENTED,
    FAILED,
    BACKED_OUT,
    REVIEWED,
    CLOSED,
    CANCELLED;

    /** States in which the request still claims its pools and window (conflicts). */
    public static final Set<ChangeState> PLANNED = Set.of(SUBMITTED, APPROVED, IMPLEMENTING);

    /** Implementation ended: the review is written now. */
    public boolean ended() {
        return this == IMPLEMENTED || this == FAILED || this == BACKED_OUT;
    }
}
