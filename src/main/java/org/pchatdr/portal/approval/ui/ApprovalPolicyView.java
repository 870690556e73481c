package org.pchatdr.portal.approval.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.approval.ApprovalPolicyService;
import org.pchatdr.portal.approval.PolicyKind;
import org.pchatdr.portal.approval.PolicyKind.Field;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.ActionDialog;

/**
 * Administrators set, per kind of subject the features contribute (each kind of run, later change
 * requests and reviews), how many approvers it takes and how long approvals hold. The page shows
 * how many approvers are eligible, which the service holds a policy to (decision 014), and only the
 * fields that apply to each kind.
 */
@Route(ApprovalPolicyView.PATH)
@Menu(title = "nav.approval-policies", order = 96)
@RolesAllowed(Roles.ADMIN)
class ApprovalPolicyView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "admin/approval-policies";

    private final ApprovalPolicyService policies;
    private final Grid<PolicyKind> grid = new Grid<>();

    ApprovalPolicyView(ApprovalPolicyService policies) {
        this.policies = policies;
        grid.setId("approval-policies");
        grid.addColumn(kind -> getTranslation(kind.labelKey()))
                .setHeader(getTranslation("policy.kind"))
                .setKey("kind");
        grid.addColumn(kind -> policy(kind).requiredApprovers())
                .setHeader(getTranslation("policy.approvers"))
                .setKey("approvers");
        grid.addColumn(kind -> policies.eligibleApprovers(kind.kind()))
                .setHeader(getTranslation("policy.eligible"))
                .setKey("eligible");
        grid.addColumn(kind -> kind.has(Field.EXECUTOR_MAY_APPROVE)
                        ? getTranslation(
                                policy(kind).executorMayApprove() ? "policy.executor.may" : "policy.executor.may-not")
                        : getTranslation("policy.not-applicable"))
                .setHeader(getTranslation("policy.executor"));
        grid.addColumn(kind -> policy(kind).validity().toHours()).setHeader(getTranslation("policy.validity"));
        grid.addColumn(kind -> kind.has(Field.RATIFICATION_WINDOW)
                        ? Long.toString(policy(kind).ratificationWindow().toHours())
                        : getTranslation("policy.not-applicable"))
                .setHeader(getTranslation("policy.ratification"));
        grid.addColumn(kind -> kind.has(Field.DATA_LOSS_GATE_WAIVER)
                        ? getTranslation(policy(kind).dataLossGateWaived() ? "policy.gate.waived" : "policy.gate.kept")
                        : getTranslation("policy.not-applicable"))
                .setHeader(getTranslation("policy.gate"));
        grid.addComponentColumn(this::editButton)
                .setKey("edit")
                .setAutoWidth(true)
                .setFlexGrow(0);
        // Issue 12: what the policy is about gets the width; the figures and yes/no columns share
        // the rest and wrap their headers and values, so nothing scrolls sideways at 1440 px.
        grid.getColumnByKey("kind").setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(policies.kinds());
        grid.setAllRowsVisible(true);
        add(new H2(getTranslation("policy.title")), new Paragraph(getTranslation("policy.explanation")), grid);
    }

    private ApprovalPolicy policy(PolicyKind kind) {
        return policies.policy(kind.kind());
    }

    private Component editButton(PolicyKind kind) {
        Button edit = new Button(getTranslation("policy.edit"), click -> openEditor(kind));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setId("edit-policy-" + kind.kind().replace(':', '-'));
        return edit;
    }

    private void openEditor(PolicyKind kind) {
        ApprovalPolicy seen = policy(kind);
        IntegerField approvers = number("policy.approvers", "policy-approvers", seen.requiredApprovers());
        approvers.setMax(ApprovalPolicy.MAX_APPROVERS);
        // Beside the field, so that the administrator sees the limit before the service refuses it.
        approvers.setHelperText(getTranslation("policy.eligible.hint", policies.eligibleApprovers(kind.kind())));
        Checkbox executor = new Checkbox(getTranslation("policy.executor"), seen.executorMayApprove());
        executor.setId("policy-executor");
        executor.setVisible(kind.has(Field.EXECUTOR_MAY_APPROVE));
        IntegerField validity = number(
                "policy.validity", "policy-validity", (int) seen.validity().toHours());
        IntegerField ratification = number("policy.ratification", "policy-ratification", (int)
                seen.ratificationWindow().toHours());
        ratification.setVisible(kind.has(Field.RATIFICATION_WINDOW));
        Checkbox gateWaived = new Checkbox(getTranslation("policy.gate.waive"), seen.dataLossGateWaived());
        gateWaived.setId("policy-gate-waived");
        gateWaived.setVisible(kind.has(Field.DATA_LOSS_GATE_WAIVER));
        // Hidden fields keep their value: the service keeps fields that do not apply as they are.
        new ActionDialog(
                        getTranslation("policy.edit.title", getTranslation(kind.labelKey())),
                        getTranslation("action.save"),
                        () -> policies.changePolicy(
                                kind.kind(),
                                seen,
                                new ApprovalPolicy(
                                        required(approvers),
                                        executor.getValue(),
                                        Duration.ofHours(required(validity)),
                                        Duration.ofHours(required(ratification)),
                                        gateWaived.getValue())),
                        () -> grid.getDataProvider().refreshAll(),
                        approvers,
                        executor,
                        validity,
                        ratification,
                        gateWaived)
                .open();
    }

    private IntegerField number(String labelKey, String id, int value) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        field.setMin(1);
        field.setStepButtonsVisible(true);
        field.setValue(value);
        return field;
    }

    /** An emptied field is a refusal the dialog shows; ranges are the policy's to judge. */
    private static int required(IntegerField field) {
        if (field.getValue() == null) {
            throw new PortalException(Kind.INVALID, "approval_policy_incomplete");
        }
        return field.getValue();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("policy.title") + " · " + getTranslation("app.title");
    }
}
