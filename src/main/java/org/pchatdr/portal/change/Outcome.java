package org.pchatdr.portal.change;

/** How an implementation ended, and the state it leaves the request in. */
public enum Outcome {
    SUCCESSFUL(ChangeState.IMPLEMENTED),
    WITH_ISSUES(ChangeState.IMPLEMENTED),
    UNSUCCESSFUL(ChangeState.FAILED),
    BACKED_OUT(ChangeState.BACKED_OUT);

    private final ChangeState state;

    Outcome(ChangeState state) {
        this.state = state;
    }

    public ChangeState state() {
        return state;
    }
}
