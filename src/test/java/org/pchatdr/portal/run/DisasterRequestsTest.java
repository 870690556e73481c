package org.pchatdr.portal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.ui.RunFixtures;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A disaster does not wait for a drill that has not started (issue 12): the service's abort-then-request path. */
class DisasterRequestsTest extends KaribuTest {

    @Autowired
    RunService runs;

    @Autowired
    DisasterRequests disasterRequests;

    @Autowired
    TopologyService topologies;

    @Test
    void anOperatorAbortsAPendingDrillAndRequestsTheDisasterRunInOneGo() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        RunView drill = fixtures.request(topology, RunKind.DRILL, "dr-bob");

        signInForService("dr-alice", Role.OPERATOR);
        assertThat(disasterRequests.mayAbortToRequest(drill.id(), RunKind.DISASTER))
                .isTrue();
        assertThat(disasterRequests.mayAbortToRequest(drill.id(), RunKind.PLANNED))
                .isFalse();
        RunView disaster = disasterRequests.abortDrillAndRequest(
                drill.id(),
                drill.version(),
                "primary site lost",
                disasterRequest(topology, "site lost"),
                Locale.ENGLISH);

        RunView aborted = runs.run(drill.id());
        assertThat(aborted.state()).isEqualTo(RunState.ABORTED);
        assertThat(aborted.endedBy()).isEqualTo("dr-alice");
        assertThat(aborted.endReason()).isEqualTo("primary site lost");
        assertThat(disaster.kind()).isEqualTo(RunKind.DISASTER);
        assertThat(disaster.state()).isEqualTo(RunState.REQUESTED);
        assertThat(disaster.requestedBy()).isEqualTo("dr-alice");
    }

    @Test
    void aDrillUnderWayDoesNotMakeWayAndStaysAsItWas() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        RunView drill = fixtures.request(topology, RunKind.DRILL, "dr-bob");
        signInForService("dr-carol", Role.APPROVER);
        RunView approved = runs.approve(drill.id(), drill.version(), null);
        signInForService("dr-dan", Role.OPERATOR);
        RunView started = runs.start(drill.id(), approved.version());

        signInForService("dr-alice", Role.OPERATOR);
        assertThat(disasterRequests.mayAbortToRequest(drill.id(), RunKind.DISASTER))
                .isFalse();
        assertThatThrownBy(() -> disasterRequests.abortDrillAndRequest(
                        drill.id(),
                        started.version(),
                        "site lost",
                        disasterRequest(topology, "site lost"),
                        Locale.ENGLISH))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("run_not_a_pending_drill"));
        assertThat(runs.run(drill.id()).state()).isEqualTo(RunState.IN_PROGRESS);
    }

    @Test
    void aRefusedDisasterRequestLeavesTheDrillPendingAndHoldingThePool() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        RunView drill = fixtures.request(topology, RunKind.DRILL, "dr-bob");

        signInForService("dr-alice", Role.OPERATOR);
        assertThatThrownBy(() -> disasterRequests.abortDrillAndRequest(
                        drill.id(), drill.version(), "site lost", disasterRequest(topology, " "), Locale.ENGLISH))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("run_reason_required"));

        assertThat(runs.run(drill.id()).state()).isEqualTo(RunState.REQUESTED);
        assertThatThrownBy(() -> runs.request(disasterRequest(topology, "site lost"), Locale.ENGLISH))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("run_pool_busy"));
    }

    @Test
    void aDrillOfAnotherPoolNeverMakesWay() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long contoso = fixtures.publishedContoso();
        long other = fixtures.publishedContoso();
        RunView drill = fixtures.request(other, RunKind.DRILL, "dr-bob");

        signInForService("dr-alice", Role.OPERATOR);
        assertThatThrownBy(() -> disasterRequests.abortDrillAndRequest(
                        drill.id(),
                        drill.version(),
                        "site lost",
                        disasterRequest(contoso, "site lost"),
                        Locale.ENGLISH))
                .isInstanceOfSatisfying(
                        PortalException.class, e -> assertThat(e.code()).isEqualTo("run_not_a_pending_drill"));
        assertThat(runs.run(drill.id()).state()).isEqualTo(RunState.REQUESTED);
    }

    @Test
    void onlyAnOperatorMayAbortADrillToRequestADisasterRun() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        RunView drill = fixtures.request(topology, RunKind.DRILL, "dr-bob");

        signInForService("dr-carol", Role.APPROVER);
        assertThatThrownBy(() -> disasterRequests.mayAbortToRequest(drill.id(), RunKind.DISASTER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> disasterRequests.abortDrillAndRequest(
                        drill.id(),
                        drill.version(),
                        "site lost",
                        disasterRequest(topology, "site lost"),
                        Locale.ENGLISH))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(runs.run(drill.id()).state()).isEqualTo(RunState.REQUESTED);
    }

    private static RunRequest disasterRequest(long topology, String reason) {
        return new RunRequest(topology, RunFixtures.POOL, "site-failover", null, RunKind.DISASTER, reason, null);
    }

    private void signInForService(String username, Role role) {
        givenAccount(username, role);
        TestAccounts.signIn(username, role);
    }
}
