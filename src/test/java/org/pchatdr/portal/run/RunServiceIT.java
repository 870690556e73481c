package org.pchatdr.portal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditFilter;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.testsupport.MutableClockConfiguration;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
@Import(MutableClockConfiguration.class)
class RunServiceIT {

    static final String POOL = "pchat.contoso.local";

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Autowired
    AuditService audit;

    @Autowired
    MutableClock clock;

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
        topologies.saveVersion(topology, 1, TopologySamples.contosoRenamed("Contoso renamed"), null);
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
        long draft = topologies.create(TopologySamples.contoso(), null).topologyId();

        assertThatThrownBy(() -> request(draft, RunKind.DRILL))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("topology_not_published"));
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

        assertThatThrownBy(() -> runs.start(run.id(), approved.version()))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("run_executor_is_approver"));
        signIn("bob", Role.OPERATOR);
        RunView started = runs.start(run.id(), approved.version());
        assertThat(started.startedBy()).isEqualTo("bob");
        signIn("carol", Role.OPERATOR, Role.APPROVER);
        assertThatThrownBy(() -> runs.startStep(run.id(), started.version(), 1))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("run_executor_is_approver"));
    }

    @Test
    void anExpiredApprovalNoLongerLetsTheRunStart() {
        long topology = publishedContoso();
        RunView approved = approve(request(topology, RunKind.DRILL));
        clock.advance(Duration.ofHours(9));
        signIn("bob", Role.OPERATOR);

        assertThatThrownBy(() -> runs.start(approved.id(), approved.version()))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("run_approval_lapsed"));
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
                    assertThat(e.arguments()).contains("bob", clock.instant().toString());
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
        assertThatThrownBy(() -> runs.startStep(run.id(), stepStarted.version(), 2))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("run_stale"));
    }

    @Test
    void anOperatorWalksEveryStepAndTheRunCompletesWithItsRtoAndFreesThePool() {
        long topology = publishedContoso();
        RunView run = approve(request(topology, RunKind.DRILL));
        signIn("bob", Role.OPERATOR);
        run = runs.start(run.id(), run.version());
        for (RunView.Step step : run.steps()) {
            run = runs.startStep(run.id(), run.version(), step.number());
            clock.advance(Duration.ofMinutes(1));
            run = runs.completeStep(run.id(), run.version(), step.number(), "ok", "done\r\n");
        }

        assertThat(run.state()).isEqualTo(RunState.COMPLETED);
        assertThat(run.steps()).allSatisfy(step -> {
            assertThat(step.state()).isEqualTo(StepState.DONE);
            assertThat(step.durationSeconds()).isEqualTo(60L);
        });
        assertThat(run.timings().elapsedSeconds()).isEqualTo(60L * run.steps().size());
        assertThat(run.timings().withinRto()).isEqualTo(run.steps().size() <= 60);
        long id = run.id();
        long version = run.version();
        assertThatThrownBy(() -> runs.startStep(id, version, 1))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("run_finished"));
        assertThatThrownBy(() -> runs.abort(id, version, "after the fact"))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("run_finished"));

        assertThat(request(topology, RunKind.DRILL).state()).isEqualTo(RunState.REQUESTED);
        signIn("auditor", Role.AUDITOR);
        List<String> actions = audit.find(new AuditFilter(null, null, null, null), PageRequest.of(0, 500)).stream()
                .filter(entry -> ("run " + id + " (" + POOL + ")").equals(entry.target()))
                .map(AuditEntry::action)
                .toList();
        assertThat(actions)
                .contains("RUN_REQUESTED", "RUN_APPROVED", "RUN_STARTED", "STEP_STARTED", "STEP_DONE", "RUN_COMPLETED");
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
        assertThatThrownBy(() -> runs.approveSkip(asked.id(), asked.version(), 1, null))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("four_eyes"));

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
        assertThatThrownBy(() -> runs.completeStep(aborted.id(), aborted.version(), 1, null, null))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("run_finished"));
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
        assertThat(runs.list(POOL, null, PageRequest.of(0, 500)).stream()
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
        assertThat(audit.find(new AuditFilter(null, "STEP_DONE", null, null), PageRequest.of(0, 500)).stream()
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

    private long publishedContoso() {
        signIn("topo-editor", Role.OPERATOR);
        long id = topologies.create(TopologySamples.contoso(), null).topologyId();
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
