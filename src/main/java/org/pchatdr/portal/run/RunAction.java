package org.pchatdr.portal.run;

import org.pchatdr.portal.base.Role;

/**
 * What someone may do to a run, each named as its REST path below {@code /api/v1/runs/{id}/}
 * ({@code steps/3/complete} for a step's action), as {@link RunView#actions()} lists them, and with
 * the role it takes.
 */
public enum RunAction {
    APPROVE("approve", Role.APPROVER, false),
    REJECT("reject", Role.APPROVER, false),
    WITHDRAW("withdraw", Role.APPROVER, false),
    START("start", Role.OPERATOR, false),
    EMERGENCY_START("emergency-start", Role.OPERATOR, false),
    RATIFY("ratify", Role.APPROVER, false),
    RECORD_DATA_LOSS("data-loss", Role.OPERATOR, false),
    ACCEPT_DATA_LOSS("data-loss/accept", Role.APPROVER, false),
    ABORT("abort", Role.OPERATOR, false),
    FAIL("fail", Role.OPERATOR, false),
    START_STEP("start", Role.OPERATOR, true),
    COMPLETE_STEP("complete", Role.OPERATOR, true),
    FAIL_STEP("fail", Role.OPERATOR, true),
    RETRY_STEP("retry", Role.OPERATOR, true),
    REQUEST_SKIP("request-skip", Role.OPERATOR, true),
    APPROVE_SKIP("approve-skip", Role.APPROVER, true);

    private final String path;
    private final Role role;
    private final boolean onStep;

    RunAction(String path, Role role, boolean onStep) {
        this.path = path;
        this.role = role;
        this.onStep = onStep;
    }

    /** The role it takes; holding it is necessary, never sufficient. */
    public Role role() {
        return role;
    }

    /** Whether it acts on one step of the run. */
    public boolean onStep() {
        return onStep;
    }

    /** Its name in {@link RunView#actions()}: the REST path, {@code step} filled in for a step's action. */
    public String name(int step) {
        return onStep ? "steps/" + step + "/" + path : path;
    }

    /** The action named {@code path}, on a step or on the whole run; the REST routes admit no other. */
    public static RunAction of(String path, boolean onStep) {
        for (RunAction action : values()) {
            if (action.onStep == onStep && action.path.equals(path)) {
                return action;
            }
        }
        throw new IllegalArgumentException(path);
    }

    /** Its name for an action on the whole run. */
    public String path() {
        return path;
    }
}
