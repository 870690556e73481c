package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.run.ui.RunPage.click;
import static org.pchatdr.portal.run.ui.RunPage.confirm;
import static org.pchatdr.portal.run.ui.RunPage.poll;
import static org.pchatdr.portal.run.ui.RunPage.text;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/** The run page against a clock the test moves: the RTO clock and ratification deadlines. */
class RunClockViewTest extends KaribuTest {

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Autowired
    MutableClock clock;

    @Test
    void theRtoClockMovesOnAtEveryPollAndSaysInWordsWhenTheRunIsOverItsTarget() {
        Instant incident = clock.instant().minus(Duration.ofMinutes(50));
        RunView run = request(RunKind.DRILL, incident);
        signIn("rc-carol", Role.APPROVER);
        RunView approved = runs.approve(run.id(), run.version(), null);
        signIn("rc-bob", Role.OPERATOR);
        RunView started = runs.start(run.id(), approved.version());
        runs.startStep(run.id(), started.version(), 1);
        navigate("runs/" + run.id());

        assertThat(text("rto-elapsed")).isEqualTo("50 min 00 s");
        assertThat(text("rto-from")).isEqualTo("since the incident declared at " + RunFormat.time(incident));
        assertThat(text("rto-verdict")).isEqualTo("Within the RTO");
        assertThat(text("step-duration-1")).isEqualTo("Duration: 0 s");

        clock.advance(Duration.ofMinutes(15));
        poll();

        assertThat(text("rto-elapsed")).isEqualTo("1 h 05 min 00 s");
        assertThat(text("rto-verdict")).isEqualTo("Over the RTO by 5 min 00 s");
        assertThat(_get(Component.class, spec -> spec.withId("rto-verdict"))
                        .getElement()
                        .getThemeList())
                .contains("error");
        assertThat(text("step-duration-1")).isEqualTo("Duration: 15 min 00 s");
        assertThat(text("rto-step-1")).isEqualTo("15 min 00 s");
    }

    @Test
    void theRtoClockRunsFromTheIncidentWhileADisasterRunWaitsForApprovalAndSaysFinalOnlyOnceItEnds() {
        Instant incident = clock.instant().minus(Duration.ofMinutes(40));
        RunView run = request(RunKind.DISASTER, incident);
        signIn("rc-carol", Role.APPROVER);
        navigate("runs/" + run.id());

        assertThat(text("rto-elapsed")).isEqualTo("40 min 00 s");
        _assertNone(Component.class, spec -> spec.withId("rto-final"));
        clock.advance(Duration.ofMinutes(5));
        poll();
        assertThat(text("rto-elapsed")).isEqualTo("45 min 00 s");

        click("reject");
        fill("reject-comment", "the primary is back");
        confirm();
        assertThat(text("rto-final")).startsWith("Final figure: the run ended at ");
        clock.advance(Duration.ofMinutes(5));
        poll();
        assertThat(text("rto-elapsed")).isEqualTo("45 min 00 s");
    }

    @Test
    void livePollingPausesWhenNobodyActedForTheSessionTimeoutAndResumesOnRequest() {
        RunView run = request(RunKind.DRILL, null);
        signIn("rc-carol", Role.APPROVER);
        navigate("runs/" + run.id());
        UI ui = UI.getCurrent();

        clock.advance(Duration.ofMinutes(29));
        poll();
        assertThat(ui.getPollInterval()).isEqualTo(RunDetailView.POLL_MILLIS);
        _assertNone(Component.class, spec -> spec.withId("live-paused"));

        clock.advance(Duration.ofMinutes(2));
        poll();
        assertThat(ui.getPollInterval()).isEqualTo(-1);
        Component paused = _get(Component.class, spec -> spec.withId("live-paused"));
        assertThat(((HasText) paused.getChildren().findFirst().orElseThrow()).getText())
                .isEqualTo("Live updates paused: nobody acted on this page for 30 minutes,"
                        + " and an idle session must be able to end.");

        click("resume-live");
        assertThat(ui.getPollInterval()).isEqualTo(RunDetailView.POLL_MILLIS);
        _assertNone(Component.class, spec -> spec.withId("live-paused"));
    }

    @Test
    void anEmergencyStartIsClearlyMarkedAndItsOverdueRatificationShowsWithItsDeadline() {
        RunView run = request(RunKind.DISASTER, null);
        String deadline = RunFormat.time(clock.instant().plus(Duration.ofHours(24)));
        signIn("rc-bob", Role.OPERATOR);
        navigate("runs/" + run.id());
        _assertNone(Button.class, spec -> spec.withId("start-run"));

        click("emergency-start");
        confirm();
        assertThat(text("dialog-error")).isEqualTo("Say why this cannot wait for approval.");
        fill("emergency-reason", "primary data center flooded");
        confirm();

        assertThat(text("run-state")).isEqualTo("In progress");
        assertThat(text("ratification")).isEqualTo("Approval owed: approvers must ratify it by " + deadline + ".");

        clock.advance(Duration.ofHours(25));
        signIn("rc-carol", Role.APPROVER);
        navigate("");
        navigate("runs/" + run.id());
        assertThat(text("ratification")).isEqualTo("Ratification overdue: it was due by " + deadline + ".");
        assertThat(_get(Component.class, spec -> spec.withId("ratification")).getClassNames())
                .contains("run-overdue");

        click("ratify");
        confirm();
        // Issue 12: who ratified it, not only when.
        assertThat(text("ratification")).isEqualTo("Ratified by rc-carol at " + RunFormat.time(clock.instant()) + ".");
    }

    private RunView request(RunKind kind, Instant incidentAt) {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        return fixtures.request(fixtures.publishedContoso(), kind, "rc-alice", incidentAt);
    }

    private static void fill(String id, String value) {
        fillIn(_get(TextArea.class, spec -> spec.withId(id)), value);
    }
}
