package org.pchatdr.portal.run;

/** Where a run is; the last four are final and make the run read-only. */
public enum RunState {
    REQUESTED,
    APPROVED,
    IN_PROGRESS,
    COMPLETED,
    ABORTED,
    FAILED,
    REJECTED;

    public boolean isFinished() {
        return this == COMPLETED || this == ABORTED || this == FAILED || this == REJECTED;
    }
}
