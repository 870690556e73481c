package org.pchatdr.portal.run;

/** Where one step of a run is. */
public enum StepState {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    FAILED,
    SKIPPED;

    /** Done or skipped: the next step may start. */
    public boolean isFinished() {
        return this == DONE || this == SKIPPED;
    }
}
