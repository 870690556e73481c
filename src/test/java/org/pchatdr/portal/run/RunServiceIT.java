package org.pchatdr.portal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.ApprovalExpiries;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.approval.ApprovalPolicyService;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class RunServiceIT {

    static final String POOL = "pchat.contoso.local";

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Autowired
    AuditService audit;

    @Autowired
    MutableClock clock;

    @Autowired
    ApprovalPolicyService policies;

    @Autowired
    ApprovalExpiries expiries;

    @Autowired
    RatificationDeadlines deadlines;

    /** Requests need someone who could approve them (decision 014). */
    @BeforeEach
    void someoneCanApprove() {
        new TestAccounts(userAccounts).standingApprovers();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aRequestFreezesTheStepsOfThePublishedVersionAndHoldsThePool() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.DRILL);

        assertThat(run.state()).isEqualTo(RunState.REQUESTED);
        assertThat(run.requestedBy()).isEqualTo("alice");
        assertThat(run.topologyVersion()).isEqualTo(1);
        assertThat(run.procedureSha256()).matches("[0-9a-f]{64}");
        assertThat(run.steps())
                .isNotEmpty()
                .allSatisfy(step -> assertThat(step.state()).isEqualTo(StepState.NOT_STARTED));
        assertThat(run.timings().rtoTargetMinutes()).isEqualTo(60);
        assertThat(run.approvals().required()).isEqualTo(1);
        assertThat(runs.procedure(run.id())).contains("\"procedure\": \"site-failover\"");

        signIn("topo-editor", Role.OPERATOR);
        topologies.saveVersion(topology, 1, Contoso.renamed("Contoso renamed"), null);
        assertThat(runs.run(run.id()).topologyName()).isEqualTo("Contoso production");

        signIn("bob", Role.OPERATOR);
        assertThatThrownBy(() -> request(topology, RunKind.PLANNED))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.code()).isEqualTo("run_pool_busy");
                    assertThat(e.arguments()).contains(POOL, String.valueOf(run.id()));
                });
    }

    @Test
    void aTopologyNeverPublishedCannotBeRun() {
        signIn("alice", Role.OPERATOR);
        long draft = topologies.create(Contoso.topology(), null).topologyId();

        refused(() -> request(draft, RunKind.DRILL), "topology_not_published");
    }

    @Test
    void theRequesterCannotApproveTheirOwnRunEvenWithTheApproverRole() {
        long topology = publishedContoso();
        signIn("alice", Role.OPERATOR, Role.APPROVER);
        RunView run = runs.request(request(topology), Locale.ENGLISH);

        assertThatThrownBy(() -> runs.approve(run.id(), run.version(), "fine by me"))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.code()).isEqualTo("four_eyes");
                    assertThat(e.kind()).isEqualTo(PortalException.Kind.FORBIDDEN);
                });
        assertThat(runs.run(run.id()).state()).isEqualTo(RunState.REQUESTED);
    }

    @Test
    void anOperatorCannotApproveAndAnApproverCannotStart() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.DRILL);
        signIn("bob", Role.OPERATOR);
        assertThatThrownBy(() -> runs.approve(run.id(), run.version(), null)).isInstanceOf(AccessDeniedException.class);
        RunView approved = approve(run);
        signIn("carol", Role.APPROVER);
        assertThatThrownBy(() -> runs.start(run.id(), approved.version())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theApproverMayNotExecuteTheRunTheyApproved() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.DRILL);
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        RunView approved = runs.approve(run.id(), run.version(), null);

        refused(() -> runs.start(run.id(), approved.version()), "run_executor_is_approver");
        signIn("bob", Role.OPERATOR);
        RunView started = runs.start(run.id(), approved.version());
        assertThat(started.startedBy()).isEqualTo("bob");
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        refused(() -> runs.startStep(run.id(), started.version(), 1), "run_executor_is_approver");
    }

    @Test
    void withTwoApproversTheOneWhoAlsoOperatesMayNotStartWhileTheOtherOperatorMay() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.DRILL);
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        RunView approvedByCarol = runs.approve(run.id(), run.version(), null);
        signIn("dave", Role.APPROVER);
        RunView approved = runs.approve(run.id(), approvedByCarol.version(), null);
        assertThat(approved.state()).isEqualTo(RunState.APPROVED);

        signIn("carol", Role.OPERATOR, Role.APPROVER);
        assertThat(runs.run(run.id()).actions()).containsExactly("withdraw", "abort");
        refused(() -> runs.start(run.id(), approved.version()), "run_executor_is_approver");
        signIn("bob", Role.OPERATOR);
        assertThat(runs.run(run.id()).actions()).containsExactly("start", "abort");
        RunView started = runs.start(run.id(), approved.version());
        assertThat(started.actions()).contains("steps/1/start", "fail");
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        refused(() -> runs.startStep(run.id(), started.version(), 1), "run_executor_is_approver");
    }

    @Test
    void anApproverWhoWithdrewOrWhoseApprovalExpiredMayStartOnAnotherApproval() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.DRILL);
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        RunView mine = runs.approve(run.id(), run.version(), null);
        signIn("dave", Role.APPROVER);
        RunView both = runs.approve(run.id(), mine.version(), null);
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        long carols = both.approvals().decisions().stream()
                .filter(decision -> decision.approver().equals("carol"))
                .findFirst()
                .orElseThrow()
                .id();
        RunView withdrawn = runs.withdraw(run.id(), both.version(), carols);
        assertThat(withdrawn.state()).isEqualTo(RunState.APPROVED);
        assertThat(withdrawn.actions()).contains("start");
        RunView started = runs.start(run.id(), withdrawn.version());
        assertThat(started.startedBy()).isEqualTo("carol");

        RunView other = request(publishedContoso(), RunKind.DRILL);
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        runs.approve(other.id(), other.version(), null);
        clock.advance(Duration.ofHours(9));
        signIn("dave", Role.APPROVER);
        RunView approved = runs.approve(other.id(), runs.version(other.id()), null);
        assertThat(approved.state()).isEqualTo(RunState.APPROVED);
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        assertThat(runs.start(other.id(), approved.version()).startedBy()).isEqualTo("carol");
    }

    @Test
    void anApproverMayNotEmergencyStartTheDisasterRunTheyApprovedButMayAbortIt() {
        long topology = publishedContoso();
        signIn("root", Role.ADMIN);
        ApprovalPolicy before = policies.policy(RunKind.DISASTER.approvalKind());
        ApprovalPolicy two = new ApprovalPolicy(
                2, false, before.validity(), before.ratificationWindow(), before.dataLossGateWaived());
        policies.changePolicy(RunKind.DISASTER.approvalKind(), before, two);
        try {
            RunView run = request(topology, RunKind.DISASTER);
            signIn("carol", Role.OPERATOR, Role.APPROVER);
            RunView approved = runs.approve(run.id(), run.version(), null);
            assertThat(approved.state()).isEqualTo(RunState.REQUESTED);
            refused(() -> runs.emergencyStart(run.id(), approved.version(), "site lost"), "run_executor_is_approver");
            assertThat(runs.abort(run.id(), approved.version(), "primary back").state())
                    .isEqualTo(RunState.ABORTED);
        } finally {
            signIn("root", Role.ADMIN);
            policies.changePolicy(RunKind.DISASTER.approvalKind(), two, before);
        }
    }

    @Test
    void anExpiredApprovalNoLongerLetsTheRunStart() {
        long topology = publishedContoso();
        RunView approved = approve(request(topology, RunKind.DRILL));
        clock.advance(Duration.ofHours(9));
        signIn("bob", Role.OPERATOR);

        refused(() -> runs.start(approved.id(), approved.version()), "run_approval_lapsed");
    }

    @Test
    void aStaleVersionIsRefusedWithWhoChangedItAndWhen() {
        long topology = publishedContoso();
        RunView approved = approve(request(topology, RunKind.DRILL));
        signIn("bob", Role.OPERATOR);
        runs.start(approved.id(), approved.version());

        signIn("dan", Role.OPERATOR);
        assertThatThrownBy(() -> runs.start(approved.id(), approved.version()))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.code()).isEqualTo("run_stale");
                    assertThat(e.kind()).isEqualTo(PortalException.Kind.CONFLICT);
                    // Said to people: who, and when to the minute in UTC — never the instant's machine form.
                    assertThat(e.arguments()).contains("bob", PortalTime.formatToTheMinute(clock.instant()));
                });
    }

    @Test
    void aChangeToAStepAloneStillMakesEarlierVersionsStale() {
        long topology = publishedContoso();
        RunView run = approve(request(topology, RunKind.DRILL));
        signIn("bob", Role.OPERATOR);
        RunView started = runs.start(run.id(), run.version());
        RunView stepStarted = runs.startStep(run.id(), started.version(), 1);
        RunView done = runs.completeStep(run.id(), stepStarted.version(), 1, null, null);

        assertThat(done.version()).isGreaterThan(stepStarted.version());
        refused(() -> runs.startStep(run.id(), stepStarted.version(), 2), "run_stale");
    }

    @Test
    void anOperatorWalksEveryStepAndTheRunCompletesWithItsRtoAndFreesThePool() {
        long topology = publishedContoso();
        RunView run = approve(request(topology, RunKind.DRILL));
        signIn("bob", Role.OPERATOR);
        run = runs.start(run.id(), run.version());
        for (RunView.Step step : run.steps()) {
            if (step.number() == run.dataLoss().gateStep()) {
                run = passDataLossGate(run);
            }
            run = runs.startStep(run.id(), run.version(), step.number());
            clock.advance(Duration.ofMinutes(1));
            run = runs.completeStep(run.id(), run.version(), step.number(), "ok", "done\r\n");
        }

        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        assertThat(run.steps()).isNotEmpty().allSatisfy(step -> {
            assertThat(step.state()).isEqualTo(StepState.DONE);
            assertThat(step.durationSeconds()).isEqualTo(60L);
        });
        assertThat(run.timings().elapsedSeconds()).isEqualTo(60L * run.steps().size());
        assertThat(run.timings().withinRto()).isEqualTo(run.steps().size() <= 60);
        long id = run.id();
        long version = run.version();
        refused(() -> runs.startStep(id, version, 1), "run_finished");
        refused(() -> runs.abort(id, version, "after the fact"), "run_finished");

        assertThat(request(topology, RunKind.DRILL).state()).isEqualTo(RunState.REQUESTED);
        signIn("auditor", Role.AUDITOR);
        List<String> actions = AuditReads.newest(audit, 500).stream()
                .filter(entry -> ("run " + id + " (" + POOL + ")").equals(entry.target()))
                .map(AuditEntry::action)
                .toList();
        assertThat(actions)
                .contains(
                        "RUN_REQUESTED",
                        "RUN_APPROVED",
                        "RUN_STARTED",
                        "STEP_STARTED",
                        "STEP_DONE",
                        "DATA_LOSS_RECORDED",
                        "DATA_LOSS_ACCEPTED",
                        "RUN_COMPLETED");
        assertThat(actions.stream().filter("STEP_DONE"::equals))
                .hasSize(run.steps().size());
    }

    @Test
    void aStepIsSkippedOnlyWithAnotherApproversConsent() {
        long topology = publishedContoso();
        RunView run = approve(request(topology, RunKind.DRILL));
        signIn("bob", Role.OPERATOR);
        run = runs.start(run.id(), run.version());
        RunView asked = runs.requestSkip(run.id(), run.version(), 1, "done by hand last night");
        assertThatThrownBy(() -> runs.approveSkip(asked.id(), asked.version(), 1, null))
                .isInstanceOf(AccessDeniedException.class);
        signIn("alice", Role.OPERATOR, Role.APPROVER);
        refused(() -> runs.approveSkip(asked.id(), asked.version(), 1, null), "four_eyes");

        signIn("carol", Role.APPROVER);
        RunView skipped = runs.approveSkip(asked.id(), asked.version(), 1, "agreed");
        assertThat(skipped.steps().getFirst().state()).isEqualTo(StepState.SKIPPED);
        assertThat(skipped.steps().getFirst().skipApprovedBy()).isEqualTo("carol");
    }

    @Test
    void aFailedStepIsRetriedAndAnAbortedRunIsReadOnlyAndFreesThePool() {
        long topology = publishedContoso();
        RunView run = approve(request(topology, RunKind.DRILL));
        signIn("bob", Role.OPERATOR);
        run = runs.start(run.id(), run.version());
        run = runs.startStep(run.id(), run.version(), 1);
        run = runs.failStep(run.id(), run.version(), 1, "access denied");
        assertThat(run.steps().getFirst().state()).isEqualTo(StepState.FAILED);
        run = runs.retryStep(run.id(), run.version(), 1);
        assertThat(run.steps().getFirst().attempts()).isEqualTo(2);

        RunView aborted = runs.abort(run.id(), run.version(), "change window closed");
        assertThat(aborted.state()).isEqualTo(RunState.ABORTED);
        refused(() -> runs.completeStep(aborted.id(), aborted.version(), 1, null, null), "run_finished");
        assertThat(request(topology, RunKind.DRILL).state()).isEqualTo(RunState.REQUESTED);
    }

    @Test
    void aRejectedRunEndsAndFreesThePool() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.PLANNED);
        signIn("carol", Role.APPROVER);
        RunView rejected = runs.reject(run.id(), run.version(), "not during the sales peak");
        assertThat(rejected.state()).isEqualTo(RunState.REJECTED);
        assertThat(rejected.approvals().rejected()).isTrue();
        assertThat(request(topology, RunKind.PLANNED).state()).isEqualTo(RunState.REQUESTED);
    }

    @Test
    void twoRequestsForOnePoolAtTheSameMomentMakeOneRun() throws Exception {
        long topology = publishedContoso();

        List<String> results = atOnce(
                () -> outcome("alice", Role.OPERATOR, () -> runs.request(request(topology), Locale.ENGLISH)),
                () -> outcome("bob", Role.OPERATOR, () -> runs.request(request(topology), Locale.ENGLISH)));

        assertThat(results).containsExactlyInAnyOrder("ok", "run_pool_busy");
        signIn("auditor", Role.AUDITOR);
        assertThat(runs.list(RunFilter.ofPool(POOL), PageRequest.of(0, 500)).stream()
                        .filter(summary -> summary.topologyId() == topology))
                .hasSize(1);
    }

    @Test
    void twoPeopleCompletingTheSameStepAtTheSameMomentRecordItOnce() throws Exception {
        long topology = publishedContoso();
        RunView run = approve(request(topology, RunKind.DRILL));
        signIn("bob", Role.OPERATOR);
        run = runs.start(run.id(), run.version());
        RunView inProgress = runs.startStep(run.id(), run.version(), 1);

        List<String> results = atOnce(
                () -> outcome(
                        "bob",
                        Role.OPERATOR,
                        () -> runs.completeStep(inProgress.id(), inProgress.version(), 1, "bob", null)),
                () -> outcome(
                        "dan",
                        Role.OPERATOR,
                        () -> runs.completeStep(inProgress.id(), inProgress.version(), 1, "dan", null)));

        assertThat(results).containsExactlyInAnyOrder("ok", "run_stale");
        signIn("auditor", Role.AUDITOR);
        RunView after = runs.run(inProgress.id());
        assertThat(after.steps().getFirst().state()).isEqualTo(StepState.DONE);
        assertThat(after.version()).isEqualTo(inProgress.version() + 1);
        assertThat(AuditReads.ofAction(audit, "STEP_DONE", 500).stream()
                        .filter(entry -> entry.target().startsWith("run " + inProgress.id() + " ")))
                .hasSize(1);
    }

    @Test
    void twoApproversApprovingTheSameRunAtTheSameMomentRecordOneApproval() throws Exception {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.DRILL);

        List<String> results = atOnce(
                () -> outcome("carol", Role.APPROVER, () -> runs.approve(run.id(), run.version(), null)),
                () -> outcome("dave", Role.APPROVER, () -> runs.approve(run.id(), run.version(), null)));

        assertThat(results).containsExactlyInAnyOrder("ok", "run_stale");
        signIn("auditor", Role.AUDITOR);
        RunView after = runs.run(run.id());
        assertThat(after.state()).isEqualTo(RunState.APPROVED);
        assertThat(after.approvals().decisions()).hasSize(1);
    }

    @Test
    void theRecoveryStepOfAFailoverWaitsForTheDataLossToBeRecordedAndAcceptedByAnotherApprover() {
        long topology = publishedContoso();
        RunView run = approve(request(topology, RunKind.DRILL));
        signIn("bob", Role.OPERATOR);
        run = runs.start(run.id(), run.version());
        int gate = run.dataLoss().gateStep();
        assertThat(run.steps().get(gate - 1).ruleId()).isEqualTo("F-4");
        assertThat(run.dataLoss().rpoTargetMinutes()).isNotNull();
        run = walkTo(run, gate);
        RunView atGate = run;
        refused(() -> runs.startStep(atGate.id(), atGate.version(), gate), "run_data_loss_gate");

        int rpo = run.dataLoss().rpoTargetMinutes();
        run = runs.recordDataLoss(
                run.id(),
                run.version(),
                "mgc_20261126.trn",
                clock.instant().minus(Duration.ofMinutes(rpo + 5L)),
                clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(run.dataLoss().windowSeconds()).isEqualTo((rpo + 4L) * 60);
        assertThat(run.dataLoss().withinRpo()).isFalse();
        assertThat(run.dataLoss().passable()).isFalse();

        RunView recorded = run;
        signIn("alice", Role.APPROVER);
        refused(() -> runs.acceptDataLoss(recorded.id(), recorded.version(), "ok"), "run_data_loss_four_eyes");
        signIn("bob", Role.OPERATOR);
        assertThatThrownBy(() -> runs.acceptDataLoss(recorded.id(), recorded.version(), "ok"))
                .isInstanceOf(AccessDeniedException.class);
        signIn("carol", Role.APPROVER);
        refused(() -> runs.acceptDataLoss(recorded.id(), recorded.version(), " "), "run_data_loss_acceptance_required");
        run = runs.acceptDataLoss(recorded.id(), recorded.version(), "beyond the RPO; the business accepts it");
        assertThat(run.dataLoss().acceptedBy()).isEqualTo("carol");
        assertThat(run.dataLoss().passable()).isTrue();

        signIn("bob", Role.OPERATOR);
        run = runs.startStep(run.id(), run.version(), gate);
        assertThat(run.steps().get(gate - 1).state()).isEqualTo(StepState.IN_PROGRESS);
    }

    @Test
    void theDataLossGateStepIsNeverSkippedAroundItsGateAndItsSkipSaysOnTheAuditTrailWhatItBypasses() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.DISASTER);
        signIn("bob", Role.OPERATOR);
        run = runs.emergencyStart(run.id(), run.version(), "primary site lost");
        int gate = run.dataLoss().gateStep();
        run = walkTo(run, gate);
        RunView atGate = run;
        refused(() -> runs.requestSkip(atGate.id(), atGate.version(), gate, "no time"), "run_skip_data_loss_gate");

        run = passDataLossGate(run);
        RunView asked = runs.requestSkip(run.id(), run.version(), gate, "the backup database is already up");
        // Correcting the figures takes the acceptance back: the skip can no longer be allowed.
        RunView corrected = runs.recordDataLoss(
                asked.id(),
                asked.version(),
                "mgc_later.trn",
                clock.instant().minus(Duration.ofMinutes(3)),
                clock.instant().minus(Duration.ofMinutes(1)));
        signIn("carol", Role.APPROVER);
        refused(() -> runs.approveSkip(corrected.id(), corrected.version(), gate, null), "run_skip_data_loss_gate");
        run = runs.acceptDataLoss(corrected.id(), corrected.version(), "two minutes, accepted");
        signIn("dave", Role.APPROVER);
        run = runs.approveSkip(run.id(), run.version(), gate, "agreed");
        assertThat(run.steps().get(gate - 1).state()).isEqualTo(StepState.SKIPPED);
        assertThat(run.dataLoss().acceptedBy()).isEqualTo("carol");

        long id = run.id();
        signIn("auditor", Role.AUDITOR);
        assertThat(AuditReads.ofAction(audit, "STEP_SKIPPED", 500).stream()
                        .filter(entry -> entry.target().startsWith("run " + id + " ")))
                .singleElement()
                .satisfies(entry -> assertThat(entry.details())
                        .startsWith("step " + gate + " (F-4 ")
                        .contains("the data-loss gate step: gate passed")
                        .contains("120 s of data")
                        .contains("accepted by carol")
                        .endsWith(": agreed"));
    }

    @Test
    void theRtoClockRunsFromTheIncidentWhileTheRunWaitsAndIsFinalOnlyOnceItEnds() {
        long topology = publishedContoso();
        signIn("alice", Role.OPERATOR);
        Instant incident = clock.instant().minus(Duration.ofMinutes(40));
        RunView run = runs.request(
                new RunRequest(topology, POOL, "site-failover", null, RunKind.DISASTER, "site lost", incident),
                Locale.ENGLISH);
        assertThat(run.timings().running()).isTrue();
        assertThat(run.timings().elapsedSeconds()).isEqualTo(40 * 60L);

        clock.advance(Duration.ofMinutes(10));
        signIn("carol", Role.APPROVER);
        RunView approved = runs.approve(run.id(), run.version(), null);
        assertThat(approved.timings().running()).isTrue();
        assertThat(approved.timings().elapsedSeconds()).isEqualTo(50 * 60L);
        assertThat(approved.timings().until()).isEqualTo(clock.instant());

        clock.advance(Duration.ofMinutes(5));
        signIn("bob", Role.OPERATOR);
        RunView aborted = runs.abort(run.id(), approved.version(), "primary back");
        clock.advance(Duration.ofMinutes(30));
        RunView later = runs.run(run.id());
        assertThat(later.timings().running()).isFalse();
        assertThat(later.timings().elapsedSeconds()).isEqualTo(55 * 60L);
        assertThat(later.timings().until()).isEqualTo(aborted.endedAt());
    }

    @Test
    void aDrillSkipsTheDataLossGateOnlyWhenItsPolicySaysSo() {
        long topology = publishedContoso();
        signIn("root", Role.ADMIN);
        ApprovalPolicy before = policies.policy(RunKind.DRILL.approvalKind());
        ApprovalPolicy waiving = new ApprovalPolicy(
                before.requiredApprovers(),
                before.executorMayApprove(),
                before.validity(),
                before.ratificationWindow(),
                true);
        policies.changePolicy(RunKind.DRILL.approvalKind(), before, waiving);
        try {
            RunView drill = request(topology, RunKind.DRILL);
            assertThat(drill.dataLoss().waived()).isTrue();
            assertThat(drill.dataLoss().passable()).isTrue();
            signIn("alice", Role.OPERATOR);
            runs.abort(drill.id(), drill.version(), "next one");
            assertThat(request(topology, RunKind.PLANNED).dataLoss().waived()).isFalse();
        } finally {
            signIn("root", Role.ADMIN);
            policies.changePolicy(RunKind.DRILL.approvalKind(), waiving, before);
        }
    }

    @Test
    void aDisasterRunStartsInAnEmergencyAndIsRatifiedAfterwardsByAnotherApprover() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.DISASTER);
        signIn("bob", Role.OPERATOR);
        RunView emergency = runs.emergencyStart(run.id(), run.version(), "primary data centre flooded");
        assertThat(emergency.state()).isEqualTo(RunState.IN_PROGRESS);
        assertThat(emergency.emergency().owed()).isTrue();
        assertThat(emergency.emergency().ratifyBy()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));

        RunView aborted = runs.abort(emergency.id(), emergency.version(), "primary back");
        signIn("alice", Role.OPERATOR, Role.APPROVER);
        refused(() -> runs.ratify(aborted.id(), aborted.version(), "ok"), "run_ratify_four_eyes");
        signIn("dave", Role.APPROVER);
        assertThat(runs.inbox()).anySatisfy(item -> {
            assertThat(item.run().id()).isEqualTo(aborted.id());
            assertThat(item.need()).isEqualTo(InboxItem.Need.RATIFICATION);
        });
        RunView ratified = runs.ratify(aborted.id(), aborted.version(), "right call");
        assertThat(ratified.emergency().owed()).isFalse();
        assertThat(ratified.state()).isEqualTo(RunState.ABORTED);
        assertThat(runs.inbox()).noneMatch(item -> item.run().id() == aborted.id());
        refused(() -> runs.ratify(ratified.id(), ratified.version(), "again"), "run_ratification_not_owed");
    }

    @Test
    void onlyDisasterRunsStartInAnEmergency() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.DRILL);
        refused(() -> runs.emergencyStart(run.id(), run.version(), "in a hurry"), "run_emergency_not_disaster");
    }

    @Test
    void anOverdueRatificationIsListedAndRecordedOnTheAuditTrailOnce() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.DISASTER);
        signIn("bob", Role.OPERATOR);
        RunView started = runs.emergencyStart(run.id(), run.version(), "primary data centre flooded");
        assertThat(runs.overdueRatifications()).noneMatch(summary -> summary.id() == started.id());

        clock.advance(Duration.ofHours(25));
        assertThat(runs.overdueRatifications()).anyMatch(summary -> summary.id() == started.id());
        assertThat(runs.run(started.id()).emergency().overdue()).isTrue();
        assertThat(deadlines.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(deadlines.sweep()).isZero();

        signIn("auditor", Role.AUDITOR);
        assertThat(AuditReads.ofAction(audit, "RUN_RATIFICATION_OVERDUE", 500).stream()
                        .filter(entry -> entry.target().startsWith("run " + started.id() + " ")))
                .singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("system"));
        signIn("carol", Role.APPROVER);
        runs.ratify(started.id(), runs.run(started.id()).version(), "late, but right");
        assertThat(runs.overdueRatifications()).noneMatch(summary -> summary.id() == started.id());
    }

    @Test
    void anApprovalThatLapsesBeforeTheStartIsAuditedAndTheRunWaitsForApprovalAgain() {
        long topology = publishedContoso();
        RunView approved = approve(request(topology, RunKind.DRILL));
        clock.advance(Duration.ofHours(9));

        assertThat(expiries.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(expiries.sweep()).isZero();

        signIn("auditor", Role.AUDITOR);
        RunView after = runs.run(approved.id());
        assertThat(after.state()).isEqualTo(RunState.REQUESTED);
        List<String> actions = AuditReads.newest(audit, 500).stream()
                .filter(entry -> entry.target() != null && entry.target().contains("run " + approved.id()))
                .map(AuditEntry::action)
                .toList();
        assertThat(actions).contains("APPROVAL_EXPIRED", "RUN_APPROVAL_EXPIRED");
        signIn("dave", Role.APPROVER);
        assertThat(runs.inbox()).anySatisfy(item -> {
            assertThat(item.run().id()).isEqualTo(approved.id());
            assertThat(item.need()).isEqualTo(InboxItem.Need.APPROVAL);
        });
    }

    @Test
    void theInboxShowsAnApproverOnlyWhatFourEyesLetThemDecide() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.DRILL);
        signIn("alice", Role.OPERATOR, Role.APPROVER);
        assertThat(runs.inbox()).noneMatch(item -> item.run().id() == run.id());
        signIn("carol", Role.APPROVER);
        assertThat(runs.inbox())
                .anyMatch(item -> item.run().id() == run.id() && item.need() == InboxItem.Need.APPROVAL);
        RunView approved = runs.approve(run.id(), run.version(), null);
        assertThat(runs.inbox()).noneMatch(item -> item.run().id() == run.id());

        signIn("bob", Role.OPERATOR);
        RunView started = runs.start(approved.id(), approved.version());
        assertThatThrownBy(runs::inbox).isInstanceOf(AccessDeniedException.class);
        RunView asked = runs.requestSkip(started.id(), started.version(), 1, "done by hand");
        signIn("dave", Role.APPROVER);
        assertThat(runs.inbox())
                .anyMatch(
                        item -> item.run().id() == run.id() && item.need() == InboxItem.Need.SKIP && item.step() == 1);
        assertThat(asked.state()).isEqualTo(RunState.IN_PROGRESS);
    }

    @Test
    void theListFiltersByPoolKindStateRequesterAndTime() {
        long topology = publishedContoso();
        RunView run = request(topology, RunKind.PLANNED);
        signIn("auditor", Role.AUDITOR);
        Instant at = run.requestedAt();
        assertThat(ids(new RunFilter(POOL, RunKind.PLANNED, RunState.REQUESTED, "ALICE", at, at.plusSeconds(1))))
                .contains(run.id());
        assertThat(ids(new RunFilter(null, RunKind.DRILL, null, null, null, null)))
                .doesNotContain(run.id());
        assertThat(ids(new RunFilter(null, null, RunState.COMPLETED, null, null, null)))
                .doesNotContain(run.id());
        assertThat(ids(new RunFilter(null, null, null, "bob", null, null))).doesNotContain(run.id());
        assertThat(ids(new RunFilter(null, null, null, null, at.plusSeconds(1), null)))
                .doesNotContain(run.id());
        assertThat(ids(new RunFilter(null, null, null, null, null, at))).doesNotContain(run.id());
        assertThat(ids(new RunFilter("other.pool", null, null, null, null, null)))
                .doesNotContain(run.id());
    }

    private List<Long> ids(RunFilter filter) {
        return runs.list(filter, PageRequest.of(0, 500)).stream()
                .map(RunSummary::id)
                .toList();
    }

    /** Walks every step before {@code number}, passing the data-loss gate if one comes first. */
    private RunView walkTo(RunView run, int number) {
        for (int step = 1; step < number; step++) {
            run = runs.startStep(run.id(), run.version(), step);
            run = runs.completeStep(run.id(), run.version(), step, null, null);
        }
        return run;
    }

    /** Bob records five minutes of data lost, carol accepts them; bob is signed in again after. */
    private RunView passDataLossGate(RunView run) {
        RunView recorded = runs.recordDataLoss(
                run.id(),
                run.version(),
                "mgc_last.trn",
                clock.instant().minus(Duration.ofMinutes(6)),
                clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(recorded.dataLoss().windowSeconds()).isEqualTo(300L);
        signIn("carol", Role.APPROVER);
        RunView accepted = runs.acceptDataLoss(recorded.id(), recorded.version(), "five minutes, accepted");
        signIn("bob", Role.OPERATOR);
        return accepted;
    }

    private long publishedContoso() {
        signIn("topo-editor", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        signIn("topo-publisher", Role.APPROVER);
        topologies.publish(id, 1);
        return id;
    }

    private static RunRequest request(long topology) {
        return new RunRequest(topology, POOL, "site-failover", null, RunKind.DRILL, "quarterly drill", null);
    }

    private RunView request(long topology, RunKind kind) {
        signIn("alice", Role.OPERATOR);
        return runs.request(
                new RunRequest(topology, POOL, "site-failover", null, kind, "quarterly drill", null), Locale.ENGLISH);
    }

    private RunView approve(RunView run) {
        signIn("carol", Role.APPROVER);
        RunView approved = runs.approve(run.id(), run.version(), "go");
        assertThat(approved.state()).isEqualTo(RunState.APPROVED);
        return approved;
    }

    /** {@code action} is refused with the translated error {@code code}. */
    private static void refused(ThrowingCallable action, String code) {
        assertThatThrownBy(action)
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static String outcome(String user, Role role, Callable<RunView> action) throws Exception {
        signIn(user, role);
        try {
            action.call();
            return "ok";
        } catch (PortalException e) {
            return e.code();
        } finally {
            TestAccounts.signOut();
        }
    }

    @SafeVarargs
    private static List<String> atOnce(Callable<String>... actions) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(actions.length);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (Callable<String> action : actions) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
