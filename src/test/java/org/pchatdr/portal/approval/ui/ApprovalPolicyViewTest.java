package org.pchatdr.portal.approval.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.approval.ApprovalPolicyService;
import org.pchatdr.portal.approval.PolicyKind;
import org.pchatdr.portal.approval.SampleSubjects;
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

        edit(RunKind.DISASTER.approvalKind());
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

        edit(RunKind.PLANNED.approvalKind());
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

    @Test
    void thePageListsEveryContributedKindWithTheFieldsThatApplyToIt() {
        signIn("policy-admin", Role.ADMIN);
        navigate("admin/approval-policies");

        assertThat(GridKt._findAll(grid()))
                .extracting(PolicyKind::kind)
                .containsExactly(
                        "run:CONFIGURATION",
                        "run:DRILL",
                        "run:PLANNED",
                        "run:DISASTER",
                        "change:LOW",
                        "change:MEDIUM",
                        "change:HIGH",
                        "change:EMERGENCY",
                        SampleSubjects.KIND);
        assertThat(GridKt._getFormattedRow(grid(), 1)).startsWith("Drills");

        edit("run:DRILL");
        assertThat(visible("policy-gate-waived", "policy-ratification", "policy-executor"))
                .containsExactly(true, false, true);
        edit("run:DISASTER");
        assertThat(visible("policy-gate-waived", "policy-ratification", "policy-executor"))
                .containsExactly(false, true, true);
        edit(SampleSubjects.KIND);
        assertThat(visible("policy-gate-waived", "policy-ratification", "policy-executor"))
                .containsExactly(false, false, false);
    }

    @Test
    void theNumberOfEligibleApproversShowsBesideTheRequiredNumber() {
        signIn("policy-admin", Role.ADMIN);
        int eligible = policies.eligibleApprovers(RunKind.PLANNED.approvalKind());
        navigate("admin/approval-policies");

        assertThat(GridKt._getFormattedRow(grid(), 2).get(2)).isEqualTo(Integer.toString(eligible));
        edit(RunKind.PLANNED.approvalKind());
        assertThat(_get(IntegerField.class, spec -> spec.withId("policy-approvers"))
                        .getHelperText())
                .isEqualTo(
                        eligible + " eligible at worst (enabled approvers other than the requester and the executor)");
    }

    /** Grid cells with components are not part of Karibu's tree; the edit button is read from its cell. */
    private static void edit(String kind) {
        List<PolicyKind> kinds = GridKt._findAll(grid());
        int row = kinds.stream().map(PolicyKind::kind).toList().indexOf(kind);
        _click((Button) GridKt._getCellComponent(grid(), row, "edit"));
    }

    /** Whether each field of the open dialog shows; then closes the dialog. */
    private static List<Boolean> visible(String... ids) {
        List<Boolean> shown = Arrays.stream(ids)
                .map(id ->
                        _find(Component.class, spec -> spec.withId(id)).stream().anyMatch(Component::isVisible))
                .toList();
        _click(_get(Button.class, spec -> spec.withText("Cancel")));
        return shown;
    }

    @SuppressWarnings("unchecked")
    private static Grid<PolicyKind> grid() {
        return _get(Grid.class, spec -> spec.withId("approval-policies"));
    }
}
