package org.pchatdr.portal.approval;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.ui.RunFixtures;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.AccountStandings;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Separation of duties that can be satisfied (decision 014). Each test says who the enabled
 * approvers are, so that it knows exactly who holds which role, and puts every account back
 * afterwards ({@link AccountStandings}) for the tests that share the database.
 */
class SeparationOfDutiesTest extends KaribuTest {

    private static final String PLANNED = RunKind.PLANNED.approvalKind();

    @Autowired
    ApprovalPolicyService policies;

    @Autowired
    UserAccountService users;

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    private AccountStandings standings;

    @BeforeEach
    void rememberWhoHoldsWhichRole() {
        standings = AccountStandings.take(userAccounts);
    }

    @AfterEach
    void putEveryAccountBack() {
        standings.restore();
    }

    @Test
    void anAdministratorCannotRequireMoreApproversThanAreEligibleAtWorst() {
        // Four approvers, two of whom may also request and execute runs: at worst those two are
        // the requester and the executor of one run, and two approvers are left.
        approversAre("sod-carol", "sod-dave");
        givenAccount("sod-alice", Role.OPERATOR, Role.APPROVER);
        givenAccount("sod-bob", Role.OPERATOR, Role.APPROVER, Role.AUDITOR, Role.ADMIN);
        givenAccount("sod-oscar", Role.OPERATOR);
        signIn("sod-admin", Role.ADMIN);
        ApprovalPolicy before = policies.policy(PLANNED);
        navigate("admin/approval-policies");

        assertThat(GridKt._getFormattedRow(grid(), 2).subList(0, 3)).containsExactly("Planned runs", "1", "2");
        edit(2);
        assertThat(_get(IntegerField.class, spec -> spec.withId("policy-approvers"))
                        .getHelperText())
                .startsWith("2 eligible at worst");
        fillIn(_get(IntegerField.class, spec -> spec.withId("policy-approvers")), 3);
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(_get(Div.class, spec -> spec.withId("dialog-error")).getText())
                .isEqualTo("Separation of duties: this policy requires 3 approvers, but only 2 are eligible at worst"
                        + " (enabled approvers other than the requester and the executor). Give more people the"
                        + " approver role, or require fewer.");
        assertThat(policies.policy(PLANNED)).isEqualTo(before);

        fillIn(_get(IntegerField.class, spec -> spec.withId("policy-approvers")), 2);
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));
        assertThat(policies.policy(PLANNED).requiredApprovers()).isEqualTo(2);
        policies.changePolicy(PLANNED, policies.policy(PLANNED), before);
    }

    @Test
    void theRefusalSpeaksFrench() {
        approversAre("sod-carol");
        signIn("sod-admin", Role.ADMIN);
        navigate("admin/approval-policies");
        chooseLanguage(Locale.FRENCH);

        edit(2);
        fillIn(_get(IntegerField.class, spec -> spec.withId("policy-approvers")), 2);
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(_get(Div.class, spec -> spec.withId("dialog-error")).getText())
                .isEqualTo("Séparation des tâches : cette règle exige 2 approbateurs, mais un seul est éligible au"
                        + " pire (approbateurs actifs autres que le demandeur et l’exécutant). Donnez le rôle"
                        + " d’approbateur à plus de personnes, ou exigez-en moins.");
    }

    @Test
    void onePersonCountsOnceWhateverRolesTheyHold() {
        approversAre("sod-carol");
        givenAccount("sod-bob", Role.OPERATOR, Role.APPROVER, Role.AUDITOR, Role.ADMIN);
        signIn("sod-admin", Role.ADMIN);

        assertThat(users.countEnabledHolding(EnumSet.of(Role.APPROVER), List.of()))
                .isEqualTo(2);
        assertThat(users.countEnabledHolding(EnumSet.of(Role.APPROVER, Role.OPERATOR), List.of("SOD-BOB")))
                .as("left out by name, in any case")
                .isZero();
        assertThat(policies.eligibleApprovers(PLANNED))
                .as("bob may be the requester or the executor; carol is left")
                .isEqualTo(1);
    }

    @Test
    void aRunNobodyButItsRequesterCouldApproveIsRefused() {
        approversAre("sod-carol", "sod-dave");
        givenAccount("sod-alice", Role.OPERATOR, Role.APPROVER);
        givenAccount("sod-bob", Role.OPERATOR);
        signIn("sod-admin", Role.ADMIN);
        ApprovalPolicy before = policies.policy(PLANNED);
        policies.changePolicy(
                PLANNED,
                before,
                new ApprovalPolicy(
                        2, false, before.validity(), before.ratificationWindow(), before.dataLossGateWaived()));
        try {
            // Dave leaves after the policy was set: carol is the only approver besides alice.
            disable("sod-dave");
            RunFixtures fixtures = new RunFixtures(topologies, runs);

            assertThatThrownBy(() -> fixtures.request(fixtures.publishedContoso(), RunKind.PLANNED, "sod-alice"))
                    .isInstanceOfSatisfying(PortalException.class, e -> {
                        assertThat(e.code()).isEqualTo("approval_unsatisfiable");
                        assertThat(UI.getCurrent().getTranslation(Locale.ENGLISH, e.messageKey(), e.arguments()))
                                .isEqualTo("Separation of duties: its approval policy requires 2 approvers, but"
                                        + " besides you only one enabled approver exists, so the request could"
                                        + " never be approved. Ask an administrator.");
                        assertThat(UI.getCurrent().getTranslation(Locale.FRENCH, e.messageKey(), e.arguments()))
                                .startsWith("Séparation des tâches : sa règle d’approbation exige 2 approbateurs");
                    });
            assertThat(fixtures.request(fixtures.publishedContoso(), RunKind.PLANNED, "sod-bob")
                            .approvals()
                            .required())
                    .as("bob holds no approver role: carol and alice can approve his run")
                    .isEqualTo(2);
        } finally {
            signIn("sod-admin", Role.ADMIN);
            givenAccount("sod-dave", Role.APPROVER);
            policies.changePolicy(PLANNED, policies.policy(PLANNED), before);
        }
    }

    /** Makes {@code usernames} (approvers only) the only enabled approvers of this database. */
    private void approversAre(String... usernames) {
        standings.onlyApprovers(Set.of(usernames));
        for (String username : usernames) {
            givenAccount(username, Role.APPROVER);
        }
        TestAccounts.signOut();
    }

    private void disable(String username) {
        new TestAccounts(userAccounts).disable(username);
    }

    /** Grid cells with components are not part of Karibu's tree; the edit button is read from its cell. */
    private static void edit(int row) {
        _click((Button) GridKt._getCellComponent(grid(), row, "edit"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<PolicyKind> grid() {
        return _get(Grid.class, spec -> spec.withId("approval-policies"));
    }
}
