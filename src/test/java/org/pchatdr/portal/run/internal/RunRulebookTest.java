package org.pchatdr.portal.run.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.approval.SubjectApprovals;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunAction;
import org.pchatdr.portal.run.RunKind;

/**
 * The rulebook without Spring or a database: the executor rule of decision 013 with two approvers,
 * a withdrawn and an expired approval, and four eyes wherever someone decides.
 */
class RunRulebookTest {

    private static final Instant T = Instant.parse("2026-01-05T08:00:00Z");
    private static final Duration VALIDITY = Duration.ofHours(8);
    private static final ApprovalPolicy ONE_APPROVER_NOT_EXECUTOR =
            new ApprovalPolicy(1, false, VALIDITY, Duration.ofHours(24), false);

    private static final RunRulebook.Actor ALICE = actor("alice", Role.OPERATOR, Role.APPROVER);
    private static final RunRulebook.Actor BOB = actor("bob", Role.OPERATOR);
    private static final RunRulebook.Actor CAROL = actor("carol", Role.OPERATOR, Role.APPROVER);
    private static final RunRulebook.Actor DAVE = actor("dave", Role.APPROVER);
    private static final RunRulebook.Actor ERIN = actor("erin", Role.AUDITOR);
    private static final RunRulebook.Actor ROOT = actor("root", Role.ADMIN);

    private final List<Approval> decisions = new ArrayList<>();
    private ApprovalPolicy policy = ONE_APPROVER_NOT_EXECUTOR;

    @Test
    void withTwoApproversTheOneWhoAlsoOperatesMayNeitherStartNorExecuteAndAnotherOperatorMay() {
        Run run = requested(RunKind.DRILL);
        approved("carol", T);
        approved("dave", T);
        run.approve("dave", T);

        assertThat(refusal(run, CAROL, RunAction.START, 0)).isEqualTo(RunRule.EXECUTOR_IS_APPROVER);
        assertThat(allowed(run, BOB, T)).contains("start");
        run.start("bob", T.plusSeconds(60));

        assertThat(allowed(run, CAROL, T.plusSeconds(120)))
                .doesNotContain("steps/1/start", "fail", "steps/1/request-skip")
                .contains("abort");
        assertThat(refusal(run, CAROL, RunAction.START_STEP, 1)).isEqualTo(RunRule.EXECUTOR_IS_APPROVER);
        assertThat(allowed(run, BOB, T.plusSeconds(120)))
                .containsExactly("abort", "fail", "steps/1/start", "steps/1/request-skip");
    }

    @Test
    void anApproverWhoWithdrewBeforeTheStartMayExecuteOnTheOtherApproval() {
        Run run = requested(RunKind.DRILL);
        decisions.add(new Approval(
                1,
                subject(),
                kind(),
                "carol",
                Approval.Decision.APPROVED,
                null,
                T,
                T.plus(VALIDITY),
                T.plusSeconds(30),
                false));
        approved("dave", T.plusSeconds(60));
        run.approve("dave", T.plusSeconds(60));

        assertThat(allowed(run, CAROL, T.plusSeconds(90))).contains("start");
        run.start("carol", T.plusSeconds(90));
        assertThat(allowed(run, CAROL, T.plusSeconds(120))).contains("steps/1/start");
    }

    @Test
    void anApprovalThatExpiredBeforeTheStartBindsNobodyButOneInForceAtTheStartBindsForTheWholeRun() {
        Run run = requested(RunKind.DRILL);
        approved("carol", T);
        Instant later = T.plus(VALIDITY).plusSeconds(60);
        approved("dave", later);
        run.approve("dave", later);

        assertThat(allowed(run, CAROL, later)).contains("start");
        run.start("bob", later.plusSeconds(60));
        assertThat(allowed(run, CAROL, later.plusSeconds(120))).contains("steps/1/start");
        // Dave's approval was in force at the start: it binds him long after it would have expired.
        RunRulebook.Actor daveOperating = actor("dave", Role.OPERATOR, Role.APPROVER);
        assertThat(refusal(run, daveOperating, RunAction.START_STEP, 1, later.plus(Duration.ofDays(2))))
                .isEqualTo(RunRule.EXECUTOR_IS_APPROVER);
    }

    @Test
    void anApproverMayNotEmergencyStartTheRunTheyApprovedButMayAbortIt() {
        policy = new ApprovalPolicy(2, false, VALIDITY, Duration.ofHours(24), false);
        Run run = requested(RunKind.DISASTER);
        approved("carol", T);

        assertThat(refusal(run, CAROL, RunAction.EMERGENCY_START, 0)).isEqualTo(RunRule.EXECUTOR_IS_APPROVER);
        assertThat(refusal(run, CAROL, RunAction.START, 0)).isEqualTo(RunRule.WRONG_STATE);
        assertThat(allowed(run, CAROL, T)).containsExactly("withdraw", "abort");
        assertThat(allowed(run, BOB, T)).containsExactly("emergency-start", "abort");
    }

    @Test
    void aRatificationAfterAnEmergencyStartBindsTheRatifierAsAnApproval() {
        Run run = requested(RunKind.DISASTER);
        run.emergencyStart("bob", T, "site lost", T.plus(Duration.ofHours(24)));
        assertThat(refusal(run, BOB, RunAction.RATIFY, 0)).isEqualTo(RunRule.ROLE_REQUIRED);
        assertThat(refusal(run, ALICE, RunAction.RATIFY, 0)).isEqualTo(RunRule.RATIFY_FOUR_EYES);
        assertThat(allowed(run, CAROL, T)).contains("ratify", "steps/1/start");

        approved("carol", T.plusSeconds(600));
        run.ratified("carol", T.plusSeconds(600));
        assertThat(refusal(run, CAROL, RunAction.START_STEP, 1, T.plusSeconds(700)))
                .isEqualTo(RunRule.EXECUTOR_IS_APPROVER);
    }

    @Test
    void whenThePolicyLetsTheExecutorApproveTheApproverMayCarryItOut() {
        policy = new ApprovalPolicy(1, true, VALIDITY, Duration.ofHours(24), false);
        Run run = requested(RunKind.DRILL);
        approved("carol", T);
        run.approve("carol", T);

        assertThat(allowed(run, CAROL, T)).contains("start");
    }

    @Test
    void theRequesterNeverDecidesOnTheirOwnRunAndOnePersonDecidesOnce() {
        Run run = requested(RunKind.DRILL);
        assertThat(refusal(run, ALICE, RunAction.APPROVE, 0)).isEqualTo(RunRule.FOUR_EYES);
        assertThat(refusal(run, ALICE, RunAction.REJECT, 0)).isEqualTo(RunRule.FOUR_EYES);
        assertThat(allowed(run, DAVE, T)).containsExactly("approve", "reject");

        approved("dave", T);
        assertThat(refusal(run, DAVE, RunAction.APPROVE, 0)).isEqualTo(RunRule.ALREADY_DECIDED);
        assertThat(allowed(run, DAVE, T)).containsExactly("withdraw");
        assertThat(refusal(run, CAROL, RunAction.WITHDRAW, 0)).isEqualTo(RunRule.NOTHING_TO_WITHDRAW);
    }

    @Test
    void theDataLossIsAcceptedAndASkipAllowedOnlyBySomeoneElse() {
        Run run = failover();
        approved("dave", T);
        run.approve("dave", T);
        run.start("bob", T);
        run.startStep(1, "bob", T);
        run.completeStep(1, "bob", T, null, null);
        assertThat(refusal(run, BOB, RunAction.START_STEP, 2)).isEqualTo(RunRule.DATA_LOSS_GATE);
        assertThat(refusal(run, BOB, RunAction.REQUEST_SKIP, 2)).isEqualTo(RunRule.SKIP_DATA_LOSS_GATE);
        run.recordDataLoss("mgc.trn", T.minusSeconds(600), T.minusSeconds(60), "carol", T);

        assertThat(refusal(run, CAROL, RunAction.ACCEPT_DATA_LOSS, 0)).isEqualTo(RunRule.DATA_LOSS_FOUR_EYES);
        assertThat(refusal(run, ALICE, RunAction.ACCEPT_DATA_LOSS, 0)).isEqualTo(RunRule.DATA_LOSS_FOUR_EYES);
        assertThat(allowed(run, DAVE, T)).contains("data-loss/accept");
        run.acceptDataLoss("dave", T, "accepted");

        run.requestSkip(2, "bob", T, "done by hand");
        assertThat(refusal(run, CAROL, RunAction.APPROVE_SKIP, 2)).isNull();
        assertThat(refusal(run, actor("bob", Role.OPERATOR, Role.APPROVER), RunAction.APPROVE_SKIP, 2))
                .isEqualTo(RunRule.SKIP_FOUR_EYES);
        assertThat(refusal(run, ALICE, RunAction.APPROVE_SKIP, 2)).isEqualTo(RunRule.FOUR_EYES);
    }

    @Test
    void aRunAChangeRequestStandsBehindOffersNoApproverAnApprovalOfItsOwnButStartsOnTheChangesApprovals() {
        Run run = requested(RunKind.CONFIGURATION);
        // The change's round, which the sponsor hands over as the run's approvals (issue 13).
        approved("carol", T);
        run.approveAsSponsored("change request 7, revision 2", "bob", T);

        assertThat(allowed(run, DAVE, T)).doesNotContain("approve", "reject", "withdraw");
        assertThat(refusal(run, DAVE, RunAction.APPROVE, 0)).isEqualTo(RunRule.SPONSORED);
        assertThat(refusal(run, CAROL, RunAction.WITHDRAW, 0)).isEqualTo(RunRule.SPONSORED);
        assertThat(refusal(run, DAVE, RunAction.REJECT, 0)).isEqualTo(RunRule.SPONSORED);
        // The change's approver does not execute it (C-3); another operator starts it on those approvals.
        assertThat(refusal(run, CAROL, RunAction.START, 0)).isEqualTo(RunRule.EXECUTOR_IS_APPROVER);
        assertThat(allowed(run, BOB, T)).contains("start");
    }

    @Test
    void anAuditorAndAnAdministratorMayDoNothingOnARunAndAreToldWhichRoleItTakes() {
        Run run = requested(RunKind.DISASTER);
        for (RunRulebook.Actor nobody : List.of(ERIN, ROOT)) {
            RunRulebook.Answer answer = RunRulebook.judge(run, nobody, approvals(), T);
            assertThat(answer.allowed()).isEmpty();
            assertThat(answer.refused().values())
                    .allSatisfy(refusal -> assertThat(refusal.rule()).isEqualTo(RunRule.ROLE_REQUIRED));
            assertThat(answer.refused()).containsKeys("approve", "start", "steps/1/complete", "data-loss/accept");
        }
    }

    private List<String> allowed(Run run, RunRulebook.Actor actor, Instant now) {
        return RunRulebook.judge(run, actor, approvals(), now).allowed();
    }

    private RunRule refusal(Run run, RunRulebook.Actor actor, RunAction action, int step) {
        return refusal(run, actor, action, step, T);
    }

    private RunRule refusal(Run run, RunRulebook.Actor actor, RunAction action, int step, Instant now) {
        return RunRulebook.check(run, actor, approvals(), now, action, step)
                .map(Refusal::rule)
                .orElse(null);
    }

    private SubjectApprovals approvals() {
        return new SubjectApprovals(kind(), policy, decisions);
    }

    private void approved(String approver, Instant at) {
        decisions.add(new Approval(
                decisions.size() + 1,
                subject(),
                kind(),
                approver,
                Approval.Decision.APPROVED,
                null,
                at,
                at.plus(VALIDITY),
                null,
                true));
    }

    private static Subject subject() {
        return new Subject("run", 1);
    }

    private static String kind() {
        return RunKind.DRILL.approvalKind();
    }

    private static RunRulebook.Actor actor(String name, Role... roles) {
        return new RunRulebook.Actor(name, Set.of(roles));
    }

    private static Run requested(RunKind kind) {
        return run(kind, new Run.FrozenStep(1, "F-1", "one"), new Run.FrozenStep(2, "F-2", "two"));
    }

    /** A failover whose step 2 recovers the backup database (F-4). */
    private static Run failover() {
        return run(
                RunKind.DRILL,
                new Run.FrozenStep(1, "F-3", "restore the last logs"),
                new Run.FrozenStep(2, "F-4", "recover the backup"));
    }

    private static Run run(RunKind kind, Run.FrozenStep... steps) {
        return new Run(
                new Run.Frozen(
                        1,
                        "Contoso",
                        3,
                        "pchat.contoso.local",
                        "site-failover",
                        "planned",
                        "ab".repeat(32),
                        60,
                        15,
                        List.of(steps)),
                kind,
                "quarterly drill",
                null,
                false,
                "alice",
                T);
    }
}
