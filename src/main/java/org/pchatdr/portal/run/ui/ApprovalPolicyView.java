package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.Arrays;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.approval.ApprovalPolicyService;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.ActionDialog;
import org.pchatdr.portal.run.RunKind;

/** Administrators set, per kind of run, how many approvers it takes and how long approvals hold. */
@Route("admin/approval-policies")
@Menu(title = "nav.approval-policies", order = 96)
@RolesAllowed(Roles.ADMIN)
class ApprovalPolicyView extends VerticalLayout implements HasDynamicTitle {

    private final ApprovalPolicyService policies;
    private final Grid<RunKind> grid = new Grid<>();

    ApprovalPolicyView(ApprovalPolicyService policies) {
        this.policies = policies;
        grid.setId("approval-policies");
        grid.addColumn(kind -> RunFormat.kind(this, kind)).setHeader(getTranslation("policy.kind"));
        grid.addColumn(kind -> policy(kind).requiredApprovers()).setHeader(getTranslation("policy.approvers"));
        grid.addColumn(kind -> getTranslation(
                        policy(kind).executorMayApprove() ? "policy.executor.may" : "policy.executor.may-not"))
                .setHeader(getTranslation("policy.executor"));
        grid.addColumn(kind -> policy(kind).validity().toHours()).setHeader(getTranslation("policy.validity"));
        grid.addColumn(kind -> policy(kind).ratificationWindow().toHours())
                .setHeader(getTranslation("policy.ratification"));
        grid.addColumn(kind -> kind == RunKind.DRILL
                        ? getTranslation(policy(kind).dataLossGateWaived() ? "policy.gate.waived" : "policy.gate.kept")
                        : getTranslation("policy.gate.always"))
                .setHeader(getTranslation("policy.gate"));
        grid.addComponentColumn(this::editButton).setKey("edit");
        grid.setItems(Arrays.asList(RunKind.values()));
        grid.setAllRowsVisible(true);
        add(new H2(getTranslation("policy.title")), new Paragraph(getTranslation("policy.explanation")), grid);
    }

    private ApprovalPolicy policy(RunKind kind) {
        return policies.policy(kind.approvalKind());
    }

    private Component editButton(RunKind kind) {
        Button edit = new Button(getTranslation("policy.edit"), click -> openEditor(kind));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setId("edit-policy-" + kind.name());
        return edit;
    }

    private void openEditor(RunKind kind) {
        ApprovalPolicy seen = policy(kind);
        IntegerField approvers = number("policy.approvers", "policy-approvers", seen.requiredApprovers());
        approvers.setMax(ApprovalPolicy.MAX_APPROVERS);
        Checkbox executor = new Checkbox(getTranslation("policy.executor"), seen.executorMayApprove());
        executor.setId("policy-executor");
        IntegerField validity = number(
                "policy.validity", "policy-validity", (int) seen.validity().toHours());
        IntegerField ratification = number("policy.ratification", "policy-ratification", (int)
                seen.ratificationWindow().toHours());
        // Only an exercise may skip the data-loss gate: a real failover always gives up real data.
        Checkbox gateWaived = new Checkbox(getTranslation("policy.gate.waive"), seen.dataLossGateWaived());
        gateWaived.setId("policy-gate-waived");
        gateWaived.setVisible(kind == RunKind.DRILL);
        new ActionDialog(
                        getTranslation("policy.edit.title", RunFormat.kind(this, kind)),
                        getTranslation("action.save"),
                        () -> policies.changePolicy(
                                kind.approvalKind(),
                                seen,
                                new ApprovalPolicy(
                                        required(approvers),
                                        executor.getValue(),
                                        Duration.ofHours(required(validity)),
                                        Duration.ofHours(required(ratification)),
                                        kind == RunKind.DRILL && gateWaived.getValue())),
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
