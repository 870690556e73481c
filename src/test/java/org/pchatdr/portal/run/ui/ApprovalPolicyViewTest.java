package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.approval.ApprovalPolicyService;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class ApprovalPolicyViewTest extends KaribuTest {

    @Autowired
    ApprovalPolicyService policies;

    @Test
    void anAdministratorRequiresTwoApproversForDisasterRuns() {
        signIn("policy-admin", Role.ADMIN);
        ApprovalPolicy before = policies.policy(RunKind.DISASTER.approvalKind());
        navigate("admin/approval-policies");

        edit(RunKind.DISASTER);
        fillIn(_get(IntegerField.class, spec -> spec.withId("policy-approvers")), 2);
        fillIn(_get(IntegerField.class, spec -> spec.withId("policy-validity")), 4);
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        try {
            assertThat(policies.policy(RunKind.DISASTER.approvalKind()))
                    .isEqualTo(new ApprovalPolicy(
                            2,
                            before.executorMayApprove(),
                            Duration.ofHours(4),
                            before.ratificationWindow(),
                            before.dataLossGateWaived()));
            assertThat(policies.policy(RunKind.DRILL.approvalKind())).isEqualTo(ApprovalPolicy.DEFAULT);
        } finally {
            policies.changePolicy(
                    RunKind.DISASTER.approvalKind(), policies.policy(RunKind.DISASTER.approvalKind()), before);
        }
    }

    @Test
    void anOutOfRangeOrEmptyValueIsExplainedInTheDialogAndNothingChanges() {
        signIn("policy-admin", Role.ADMIN);
        ApprovalPolicy before = policies.policy(RunKind.PLANNED.approvalKind());
        navigate("admin/approval-policies");

        edit(RunKind.PLANNED);
        fillIn(_get(IntegerField.class, spec -> spec.withId("policy-approvers")), 9);
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));
        assertThat(_get(Div.class, spec -> spec.withId("dialog-error")).getText())
                .isEqualTo("An approval policy needs between 1 and 5 approvers.");

        fillIn(_get(IntegerField.class, spec -> spec.withId("policy-approvers")), null);
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));
        assertThat(_get(Div.class, spec -> spec.withId("dialog-error")).getText())
                .isEqualTo("Fill in every number.");

        assertThat(policies.policy(RunKind.PLANNED.approvalKind())).isEqualTo(before);
    }

    /** Grid cells with components are not part of Karibu's tree; the edit button is read from its cell. */
    @SuppressWarnings("unchecked")
    private static void edit(RunKind kind) {
        Grid<RunKind> grid = _get(Grid.class, spec -> spec.withId("approval-policies"));
        _click((Button) GridKt._getCellComponent(grid, kind.ordinal(), "edit"));
    }
}
