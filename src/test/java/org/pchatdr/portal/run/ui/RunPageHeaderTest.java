package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.run.ui.RunPage.text;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The run page's sticky header (issue 12): the run's state, its RTO clock, what it waits for and
 * who must act, as the rulebook says it, in every state of the run.
 */
class RunPageHeaderTest extends KaribuTest {

    @Autowired
    Clock clock;

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Test
    void theHeaderSaysWhatARunWaitsForAndWhoMustActFromRequestToEnd() {
        RunView run = requested(RunKind.DRILL, null);
        String step1 = label(run, 1);
        String step2 = label(run, 2);

        assertHeader(run, "Requested", "Waiting for 1 approval — any approver except hd-alice");
        assertThat(text("rto-compact")).isEqualTo("RTO clock not started");

        RunView approved = as("hd-carol", Role.APPROVER, () -> runs.approve(run.id(), run.version(), null));
        assertHeader(run, "Approved", "Approved: next, start the run — any operator except hd-carol");

        RunView started = as("hd-bob", Role.OPERATOR, () -> runs.start(run.id(), approved.version()));
        assertHeader(run, "In progress", "Next: step " + step1 + " — hd-bob");
        assertThat(text("rto-compact")).matches("RTO \\d+ s: Within the RTO");

        RunView stepping = as("hd-bob", Role.OPERATOR, () -> runs.startStep(run.id(), started.version(), 1));
        assertHeader(run, "In progress", "Step " + step1 + " in progress — hd-bob");

        RunView failed = as("hd-bob", Role.OPERATOR, () -> runs.failStep(run.id(), stepping.version(), 1, "timeout"));
        assertHeader(
                run, "In progress", "Step " + step1 + " failed: retry it, ask to skip it or fail the run — hd-bob");

        RunView skipAsked =
                as("hd-bob", Role.OPERATOR, () -> runs.requestSkip(run.id(), failed.version(), 1, "done by hand"));
        assertHeader(
                run,
                "In progress",
                "Waiting for a decision on skipping step " + step1 + " — any approver except hd-alice and hd-bob");

        as("hd-dave", Role.APPROVER, () -> runs.approveSkip(run.id(), skipAsked.version(), 1, null));
        assertHeader(run, "In progress", "Next: step " + step2 + " — hd-bob");

        as("hd-bob", Role.OPERATOR, () -> runs.abort(run.id(), runs.version(run.id()), "enough"));
        assertHeader(run, "Aborted", "Nothing is left to do on this run.");
    }

    @Test
    void aDisasterRunsHeaderShowsTheRatificationOwedAndTheDataLossGateWithWhoMayAct() {
        RunView run = requested(RunKind.DISASTER, clock.instant().minus(Duration.ofMinutes(30)));
        int gate = run.dataLoss().gateStep();
        String gateLabel = label(run, gate);
        as("hd-bob", Role.OPERATOR, () -> {
            RunView walked = runs.emergencyStart(run.id(), run.version(), "site lost");
            for (int number = 1; number < gate; number++) {
                walked = runs.startStep(run.id(), walked.version(), number);
                walked = runs.completeStep(run.id(), walked.version(), number, null, null);
            }
            return walked;
        });

        open(run, "hd-erin", Role.AUDITOR);
        assertThat(text("run-next-DATA_LOSS_FIGURES"))
                .isEqualTo("Next: record the data-loss figures of step " + gateLabel + " — hd-bob");
        assertThat(text("run-next-RATIFICATION"))
                .isEqualTo("Emergency start to ratify — any approver except hd-alice and hd-bob");
        assertThat(text("rto-compact")).matches("RTO 3\\d min \\d\\d s: Within the RTO");

        Instant now = clock.instant();
        as(
                "hd-bob",
                Role.OPERATOR,
                () -> runs.recordDataLoss(
                        run.id(),
                        runs.version(run.id()),
                        "mgc_last.trn",
                        now.minus(Duration.ofMinutes(6)),
                        now.minus(Duration.ofMinutes(1))));
        open(run, "hd-erin", Role.AUDITOR);
        assertThat(text("run-next-DATA_LOSS_ACCEPTANCE"))
                .isEqualTo("Waiting for the data loss of step " + gateLabel
                        + " to be accepted — any approver except hd-alice and hd-bob");
    }

    @Test
    void theHeaderSpeaksFrenchWithItsPlurals() {
        RunView run = requested(RunKind.DRILL, null);
        signIn("hd-carol", Role.APPROVER);
        chooseLanguage(Locale.FRENCH);
        navigate("runs/" + run.id());

        assertThat(text("run-next-APPROVAL")).isEqualTo("En attente de 1 approbation — tout approbateur sauf hd-alice");
        assertThat(text("rto-compact")).isEqualTo("Chronomètre RTO non démarré");
    }

    private void assertHeader(RunView run, String state, String next) {
        open(run, "hd-erin", Role.AUDITOR);
        Div sticky = _get(Div.class, spec -> spec.withId("run-sticky"));
        assertThat(sticky.getClassNames()).contains("run-sticky");
        for (String inside : new String[] {"run-state", "rto-compact", "run-next"}) {
            assertThat(isInside(_get(Component.class, spec -> spec.withId(inside)), sticky))
                    .as(inside)
                    .isTrue();
        }
        assertThat(text("run-state")).isEqualTo(state);
        assertThat(_get(Div.class, spec -> spec.withId("run-next")).getElement().getTextRecursively())
                .isEqualTo(next);
    }

    private static String label(RunView run, int number) {
        RunView.Step step = run.steps().get(number - 1);
        return step.ruleId() == null ? String.valueOf(number) : number + " " + step.ruleId();
    }

    private RunView requested(RunKind kind, Instant incident) {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        for (String operator : new String[] {"hd-bob"}) {
            givenAccount(operator, Role.OPERATOR);
        }
        givenAccount("hd-dave", Role.APPROVER);
        return fixtures.request(fixtures.publishedContoso(), kind, "hd-alice", incident);
    }

    private <T> T as(String username, Role role, Supplier<T> change) {
        givenAccount(username, role);
        var viewer = SecurityContextHolder.getContext();
        TestAccounts.signIn(username, role);
        try {
            return change.get();
        } finally {
            SecurityContextHolder.setContext(viewer);
        }
    }

    private void open(RunView run, String username, Role... roles) {
        signIn(username, roles);
        navigate("");
        navigate("runs/" + run.id());
    }

    private static boolean isInside(Component component, Component container) {
        Optional<Component> parent = component.getParent();
        while (parent.isPresent()) {
            if (parent.get() == container) {
                return true;
            }
            parent = parent.get().getParent();
        }
        return false;
    }
}
