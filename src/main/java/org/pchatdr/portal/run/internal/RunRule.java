package org.pchatdr.portal.run.internal;

import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.RefusalRule;

/**
 * The rules of a run, each with the translated message code that explains a refusal: the run guards
 * its state machine with them, {@link RunRulebook} adds who may act (roles, four eyes, the executor).
 */
public enum RunRule implements RefusalRule {
    FINISHED("run_finished", Kind.CONFLICT),
    WRONG_STATE("run_wrong_state", Kind.CONFLICT),
    REASON_REQUIRED("run_reason_required", Kind.INVALID),
    STEP_UNKNOWN("run_step_unknown", Kind.NOT_FOUND),
    STEP_OUT_OF_ORDER("run_step_out_of_order", Kind.CONFLICT),
    STEP_WRONG_STATE("run_step_wrong_state", Kind.CONFLICT),
    SKIP_ALREADY_REQUESTED("run_skip_already_requested", Kind.CONFLICT),
    SKIP_NOT_REQUESTED("run_skip_not_requested", Kind.CONFLICT),
    SKIP_FOUR_EYES("run_skip_four_eyes", Kind.FORBIDDEN),
    SKIP_DATA_LOSS_GATE("run_skip_data_loss_gate", Kind.CONFLICT),
    EMERGENCY_NOT_DISASTER("run_emergency_not_disaster", Kind.FORBIDDEN),
    RATIFICATION_NOT_OWED("run_ratification_not_owed", Kind.CONFLICT),
    RATIFY_FOUR_EYES("run_ratify_four_eyes", Kind.FORBIDDEN),
    DATA_LOSS_GATE("run_data_loss_gate", Kind.CONFLICT),
    DATA_LOSS_NO_GATE("run_data_loss_no_gate", Kind.CONFLICT),
    DATA_LOSS_GATE_PASSED("run_data_loss_gate_passed", Kind.CONFLICT),
    DATA_LOSS_INCOMPLETE("run_data_loss_incomplete", Kind.INVALID),
    DATA_LOSS_ORDER("run_data_loss_order", Kind.INVALID),
    DATA_LOSS_FUTURE("run_data_loss_future", Kind.INVALID),
    DATA_LOSS_NOT_RECORDED("run_data_loss_not_recorded", Kind.CONFLICT),
    DATA_LOSS_ALREADY_ACCEPTED("run_data_loss_already_accepted", Kind.CONFLICT),
    DATA_LOSS_FOUR_EYES("run_data_loss_four_eyes", Kind.FORBIDDEN),
    ROLE_REQUIRED("run_role_required", Kind.FORBIDDEN),
    FOUR_EYES("four_eyes", Kind.FORBIDDEN),
    ALREADY_DECIDED("approval_duplicate", Kind.CONFLICT),
    NOTHING_TO_WITHDRAW("run_nothing_to_withdraw", Kind.CONFLICT),
    EXECUTOR_IS_APPROVER("run_executor_is_approver", Kind.FORBIDDEN),
    APPROVAL_LAPSED("run_approval_lapsed", Kind.CONFLICT),
    NOT_A_PENDING_DRILL("run_not_a_pending_drill", Kind.CONFLICT),
    /** Issue 13: a run a change request stands behind is approved by the change, never on its own. */
    SPONSORED("run_sponsored", Kind.CONFLICT);

    private final String code;
    private final Kind kind;

    RunRule(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
