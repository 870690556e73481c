package org.pchatdr.portal.approval;

import java.util.EnumSet;
import java.util.Set;
import org.pchatdr.portal.base.Role;

/**
 * One kind of subject an administrator sets an approval policy for, as its feature contributes it.
 *
 * @param kind the approval kind, such as {@code run:DRILL}
 * @param labelKey the translation key of its name on the policy page
 * @param actingRole the role of the people who request and execute such subjects: only they can
 *     be the requester or the executor, whom separation of duties leaves out (decision 014)
 * @param fields the policy fields beyond the number of approvers and the validity, which every kind
 *     has, that mean something for this kind
 */
public record PolicyKind(String kind, String labelKey, Role actingRole, Set<Field> fields) {

    /** Policy fields that only some kinds use. */
    public enum Field {
        /** Whether the person who executes the subject may count among its approvers. */
        EXECUTOR_MAY_APPROVE,
        /** How long approvers have to ratify an emergency start (runs of kind DISASTER). */
        RATIFICATION_WINDOW,
        /** Whether the data-loss gate is skipped (drills only: an exercise gives up no real data). */
        DATA_LOSS_GATE_WAIVER
    }

    public PolicyKind {
        fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
    }

    public boolean has(Field field) {
        return fields.contains(field);
    }

    /** {@code wanted}, where fields that do not apply to this kind keep their {@code current} value. */
    ApprovalPolicy limit(ApprovalPolicy wanted, ApprovalPolicy current) {
        return new ApprovalPolicy(
                wanted.requiredApprovers(),
                has(Field.EXECUTOR_MAY_APPROVE) ? wanted.executorMayApprove() : current.executorMayApprove(),
                wanted.validity(),
                has(Field.RATIFICATION_WINDOW) ? wanted.ratificationWindow() : current.ratificationWindow(),
                has(Field.DATA_LOSS_GATE_WAIVER) ? wanted.dataLossGateWaived() : current.dataLossGateWaived());
    }
}
