package org.pchatdr.portal.run.internal;

import java.util.Locale;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.RefusalRule;

/**
 * The rules of a run, each with the translated message code that explains a refusal: the run guards
 * its state machine with them, {@link RunRulebook} adds who may act (roles, four eyes, the executor).
 */
public enum RunRule implements RefusalRule {
    FINISHED(Kind.CONFLICT),
    WRONG_STATE(Kind.CONFLICT),
    REASON_REQUIRED(Kind.INVALID),
    STEP_UNKNOWN(Kind.NOT_FOUND),
    STEP_OUT_OF_ORDER(Kind.CONFLICT),
    STEP_WRONG_STATE(Kind.CONFLICT),
    SKIP_ALREADY_REQUESTED(Kind.CONFLICT),
    SKIP_NOT_REQUESTED(Kind.CONFLICT),
    SKIP_FOUR_EYES(Kind.FORBIDDEN),
    SKIP_DATA_LOSS_GATE(Kind.CONFLICT),
    EMERGENCY_NOT_DISASTER(Kind.FORBIDDEN),
    RATIFICATION_NOT_OWED(Kind.CONFLICT),
    RATIFY_FOUR_EYES(Kind.FORBIDDEN),
    DATA_LOSS_GATE(Kind.CONFLICT),
    DATA_LOSS_NO_GATE(Kind.CONFLICT),
    DATA_LOSS_GATE_PASSED(Kind.CONFLICT),
    DATA_LOSS_INCOMPLETE(Kind.INVALID),
    DATA_LOSS_ORDER(Kind.INVALID),
    DATA_LOSS_FUTURE(Kind.INVALID),
    DATA_LOSS_NOT_RECORDED(Kind.CONFLICT),
    DATA_LOSS_ALREADY_ACCEPTED(Kind.CONFLICT),
    DATA_LOSS_FOUR_EYES(Kind.FORBIDDEN),
    ROLE_REQUIRED(Kind.FORBIDDEN),
    FOUR_EYES(Kind.FORBIDDEN),
    ALREADY_DECIDED(Kind.CONFLICT),
    NOTHING_TO_WITHDRAW(Kind.CONFLICT),
    EXECUTOR_IS_APPROVER(Kind.FORBIDDEN),
    APPROVAL_LAPSED(Kind.CONFLICT),
    NOT_A_PENDING_DRILL(Kind.CONFLICT),
    /** Issue 13: a run a change request stands behind is approved by the change, never on its own. */
    SPONSORED(Kind.CONFLICT);

    private final Kind kind;

    RunRule(Kind kind) {
        this.kind = kind;
    }

    /**
     * The code of its message: {@code run_} and its name, {@code error.run_step_unknown}; four eyes and
     * one decision per person say the approval module's words.
     */
    @Override
    public String code() {
        return switch (this) {
            case FOUR_EYES -> "four_eyes";
            case ALREADY_DECIDED -> "approval_duplicate";
            default -> "run_" + name().toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
