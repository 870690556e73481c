package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
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
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
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

class RunDetailViewTest extends KaribuTest {

    @Autowired
    Clock clock;

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Test
    void anApproverApprovesAndAnOperatorWalksEveryStepThroughTheDataLossGateToTheEnd() {
        RunView run = requestedDrill();

        open(run, "rp-carol", Role.APPROVER);
        assertThat(text("run-state")).isEqualTo("Requested");
        assertThat(text("approvals-summary")).isEqualTo("0 of 1 required approval given");
        click("approve");
        fillIn(_get(TextArea.class, spec -> spec.withId("approve-comment")), "go ahead");
        confirm();
        assertThat(text("run-state")).isEqualTo("Approved");
        assertThat(text("approvals-summary")).isEqualTo("1 of 1 required approval given");
        assertThat(_find(Div.class, spec -> spec.withClasses("run-decision")))
                .singleElement()
                .satisfies(decision -> assertThat(texts(decision))
                        .contains("“go ahead”")
                        .anySatisfy(text -> assertThat(text).startsWith("rp-carol approved at ")));
        _assertNone(Button.class, spec -> spec.withId("approve"));
        assertThat(_find(Button.class, spec -> spec.withText("Withdraw"))).hasSize(1);

        open(run, "rp-bob", Role.OPERATOR);
        click("start-run");
        assertThat(text("run-state")).isEqualTo("In progress");
        assertThat(text("rto-elapsed")).matches("\\d+ s|\\d+ min \\d\\d s");
        assertThat(text("rto-target")).isEqualTo("RTO target of the pool: 60 min");
        assertThat(text("rto-verdict")).isEqualTo("Within the RTO");
        assertThat(_get(Div.class, spec -> spec.withId("step-1")).getClassNames())
                .contains("run-step-current");

        RunView started = runs.run(run.id());
        int gate = started.dataLoss().gateStep();
        for (RunView.Step step : started.steps()) {
            int number = step.number();
            if (number == gate) {
                passTheGate(run, number);
            }
            click("start-step-" + number);
            assertThat(text("step-state-" + number)).isEqualTo("In progress");
            click("complete-step-" + number);
            if (number == 1) {
                fillIn(_get(TextArea.class, spec -> spec.withId("complete-step-note")), "all good");
                fillIn(_get(TextArea.class, spec -> spec.withId("complete-step-output")), "name\n----\nmgc\n");
            }
            confirm();
            assertThat(text("step-state-" + number)).isEqualTo("Done");
        }

        assertThat(text("run-state")).isEqualTo("Completed");
        assertThat(text("step-output-1")).isEqualTo("name\n----\nmgc");
        assertThat(texts(_get(Div.class, spec -> spec.withId("run-end"))))
                .anySatisfy(text -> assertThat(text).startsWith("Completed by rp-bob at "));
        assertThat(text("rto-final")).startsWith("Final figure: the run ended at ");
        assertThat(text("rto-verdict")).isEqualTo("Within the RTO");
        assertThat(actionButtons()).isEmpty();
    }

    /** The operator meets the gate, records the figures, an approver accepts them, the operator goes on. */
    private void passTheGate(RunView run, int number) {
        Button start = _get(Button.class, spec -> spec.withId("start-step-" + number));
        assertThat(start.isEnabled()).isFalse();
        assertThat(text("step-gate-" + number))
                .startsWith("Step " + number + " gives data up for good: record the last log backup");
        assertThat(text("data-loss-not-recorded")).isEqualTo("The operator has not recorded the figures yet.");

        click("record-data-loss");
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        fillIn(_get(TextField.class, spec -> spec.withId("data-loss-last-log-field")), "mgc_20261126.trn");
        fillIn(_get(DateTimePicker.class, spec -> spec.withId("data-loss-last-log-at-field")), now.minusMinutes(6));
        fillIn(_get(DateTimePicker.class, spec -> spec.withId("data-loss-lost-at-field")), now.minusMinutes(1));
        assertThat(text("data-loss-preview-window")).isEqualTo("Data-loss window: 5 min 00 s");
        confirm();
        assertThat(text("data-loss-last-log")).isEqualTo("mgc_20261126.trn");
        assertThat(text("data-loss-window")).isEqualTo("Data-loss window: 5 min 00 s");
        assertThat(text("data-loss-rpo")).isEqualTo("RPO target of the pool: 30 min");
        assertThat(text("data-loss-verdict")).isEqualTo("Within the RPO");
        assertThat(text("data-loss-waiting")).isEqualTo("Waiting for an approver to accept this data loss.");
        assertThat(_get(Button.class, spec -> spec.withId("start-step-" + number))
                        .isEnabled())
                .isFalse();

        open(run, "rp-carol", Role.APPROVER);
        click("accept-data-loss");
        confirm();
        assertThat(text("dialog-error"))
                .isEqualTo("Write down what you accept: the acceptance is kept on the run and in the audit trail.");
        fillIn(_get(TextArea.class, spec -> spec.withId("data-loss-statement")), "Five minutes of chat, accepted.");
        confirm();
        assertThat(texts(_get(Div.class, spec -> spec.withId("data-loss-accepted"))))
                .anySatisfy(text -> assertThat(text).startsWith("Accepted by rp-carol at "))
                .contains("“Five minutes of chat, accepted.”");

        open(run, "rp-bob", Role.OPERATOR);
        assertThat(_get(Button.class, spec -> spec.withId("start-step-" + number))
                        .isEnabled())
                .isTrue();
    }

    @Test
    void theDataLossGateStepOffersNoSkipBeforeItsGateAndItsSkipDialogsSayItIsTheGate() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        RunView run = fixtures.request(fixtures.publishedContoso(), RunKind.DISASTER, "rp-alice");
        int gate = run.dataLoss().gateStep();
        asSomeoneElse("rp-bob", Role.OPERATOR, () -> walkToTheGate(run, gate));

        open(run, "rp-bob", Role.OPERATOR);
        assertThat(_get(Button.class, spec -> spec.withId("start-step-" + gate)).isEnabled())
                .isFalse();
        _assertNone(Button.class, spec -> spec.withId("request-skip-" + gate));

        Instant now = clock.instant();
        asSomeoneElse(
                "rp-bob",
                Role.OPERATOR,
                () -> runs.recordDataLoss(
                        run.id(),
                        runs.version(run.id()),
                        "mgc_last.trn",
                        now.minus(Duration.ofMinutes(6)),
                        now.minus(Duration.ofMinutes(1))));
        asSomeoneElse(
                "rp-carol", Role.APPROVER, () -> runs.acceptDataLoss(run.id(), runs.version(run.id()), "accepted"));
        open(run, "rp-bob", Role.OPERATOR);
        click("request-skip-" + gate);
        assertThat(text("request-skip-gate")).startsWith("This step is the data-loss gate (F-4).");
        fillIn(_get(TextArea.class, spec -> spec.withId("request-skip-reason")), "backup database already up");
        confirm();

        open(run, "rp-carol", Role.APPROVER);
        click("approve-skip-" + gate);
        assertThat(text("approve-skip-gate")).startsWith("This step is the data-loss gate (F-4).");
        confirm();
        assertThat(text("step-state-" + gate)).isEqualTo("Skipped");
        assertThat(text("data-loss-window")).isEqualTo("Data-loss window: 5 min 00 s");
    }

    private void walkToTheGate(RunView run, int gate) {
        RunView walked = runs.emergencyStart(run.id(), run.version(), "site lost");
        for (int number = 1; number < gate; number++) {
            walked = runs.startStep(run.id(), walked.version(), number);
            walked = runs.completeStep(run.id(), walked.version(), number, null, null);
        }
    }

    @Test
    void theRequesterSeesNoApproveAndAnAuditorSeesNoButtonAtAll() {
        RunView run = requestedDrill();

        open(run, "rp-alice", Role.OPERATOR, Role.APPROVER);
        _assertNone(Button.class, spec -> spec.withId("approve"));
        _assertNone(Button.class, spec -> spec.withId("reject"));
        assertThat(actionButtons())
                .extracting(button -> button.getId().orElseThrow())
                .containsExactly("abort-run");

        open(run, "rp-erin", Role.AUDITOR);
        assertThat(text("run-title"))
                .isEqualTo("Run " + run.id() + ": Site failover to the secondary site (unplanned, primary site lost)");
        assertThat(text("run-pool")).isEqualTo(RunFixtures.POOL);
        assertThat(text("run-sha")).isEqualTo(run.procedureSha256().substring(0, 12) + "…");
        assertThat(_get(Button.class, spec -> spec.withId("copy-script-1")).getAriaLabel())
                .contains("Copy the script of step 1");
        assertThat(actionButtons()).isEmpty();
    }

    @Test
    void aRejectionWithoutAReasonIsExplainedAndARejectedRunIsReadOnly() {
        RunView run = requestedDrill();
        open(run, "rp-carol", Role.APPROVER);

        click("reject");
        confirm();
        assertThat(text("dialog-error")).isEqualTo("Say why you reject it.");
        fillIn(_get(TextArea.class, spec -> spec.withId("reject-comment")), "not this week");
        confirm();

        assertThat(text("run-state")).isEqualTo("Rejected");
        assertThat(texts(_get(Div.class, spec -> spec.withId("run-end"))))
                .contains("“not this week”")
                .anySatisfy(text -> assertThat(text).startsWith("Rejected by rp-carol at "));
        open(run, "rp-bob", Role.OPERATOR);
        assertThat(actionButtons()).isEmpty();
    }

    @Test
    void aChangeBySomeoneElseShowsAtTheNextPollAndAnOpenDialogKeepsWhatWasTypedUntilConfirmed() {
        RunView run = requestedDrill();
        open(run, "rp-carol", Role.APPROVER);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(RunDetailView.POLL_MILLIS);
        click("reject");
        fillIn(_get(TextArea.class, spec -> spec.withId("reject-comment")), "the network team is not ready");

        asSomeoneElse("rp-dave", Role.APPROVER, () -> runs.approve(run.id(), run.version(), "fine"));
        poll();

        assertThat(text("run-state")).isEqualTo("Approved");
        assertThat(text("approvals-summary")).isEqualTo("1 of 1 required approval given");
        assertThat(_get(TextArea.class, spec -> spec.withId("reject-comment")).getValue())
                .isEqualTo("the network team is not ready");
        confirm();
        // Issue 12: the dialog closes and says in words what happened; rejecting is still open to carol.
        _assertNone(TextArea.class, spec -> spec.withId("reject-comment"));
        assertThat(notificationTexts())
                .anySatisfy(text -> assertThat(text)
                        .matches("rp-dave approved this run at \\d\\d:\\d\\d UTC; the page now shows the run as it is: "
                                + "read it, then act again if you still need to\\."));

        click("reject");
        fillIn(_get(TextArea.class, spec -> spec.withId("reject-comment")), "the network team is not ready");
        confirm();
        assertThat(text("run-state")).isEqualTo("Rejected");

        navigate("");
        // The run page's own pace stops; an approver's live approvals badge keeps the layout's (issue 12).
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(10_000);
    }

    @Test
    void anActionOnARunSomeoneElseChangedSaysWhoAndShowsTheRunAsItIs() {
        RunView run = requestedDrill();
        asSomeoneElse("rp-carol", Role.APPROVER, () -> runs.approve(run.id(), run.version(), null));
        asSomeoneElse("rp-dan", Role.OPERATOR, () -> runs.start(run.id(), runs.version(run.id())));
        open(run, "rp-bob", Role.OPERATOR);

        asSomeoneElse("rp-dan", Role.OPERATOR, () -> runs.startStep(run.id(), runs.version(run.id()), 1));
        click("start-step-1");

        assertThat(notificationTexts())
                .anySatisfy(text -> assertThat(text)
                        .matches(
                                "rp-dan started step 1 at \\d\\d:\\d\\d UTC; step 1 no longer waits to be started\\."));
        assertThat(text("step-state-1")).isEqualTo("In progress");
        assertThat(text("step-started-1")).startsWith("Started by rp-dan at ");
    }

    @Test
    void thePageSpeaksFrench() {
        RunView run = requestedDrill();
        signIn("rp-carol", Role.APPROVER);
        chooseLanguage(Locale.FRENCH);
        navigate("runs/" + run.id());

        assertThat(text("run-title"))
                .isEqualTo("Déroulé " + run.id()
                        + " : Basculement vers le site secondaire (non planifié, site principal perdu)");
        assertThat(text("run-state")).isEqualTo("Demandé");
        assertThat(text("rto-not-started"))
                .isEqualTo("Le chronomètre part de l’heure déclarée de l’incident, sinon du démarrage du déroulé.");
        assertThat(text("approvals-summary")).isEqualTo("Approbations données : 0 sur 1 requise");
        assertThat(_get(Button.class, spec -> spec.withId("approve")).getText()).isEqualTo("Approuver");
        assertThat(text("data-loss-explanation")).startsWith("L’étape ");
    }

    private RunView requestedDrill() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        return fixtures.request(fixtures.publishedContoso(), RunKind.DRILL, "rp-alice");
    }

    /** Another person, in another browser or on another portal instance, changes the run. */
    private void asSomeoneElse(String username, Role role, Runnable change) {
        givenAccount(username, role);
        var viewer = SecurityContextHolder.getContext();
        TestAccounts.signIn(username, role);
        try {
            change.run();
        } finally {
            SecurityContextHolder.setContext(viewer);
        }
    }

    private void open(RunView run, String username, Role... roles) {
        signIn(username, roles);
        navigate("");
        navigate("runs/" + run.id());
    }

    /** Every text of a component's direct children. */
    private static List<String> texts(Component component) {
        return component
                .getChildren()
                .filter(HasText.class::isInstance)
                .map(child -> ((HasText) child).getText())
                .toList();
    }

    /** Buttons on the page that change the run; copying a script changes nothing. */
    private static List<Button> actionButtons() {
        RunDetailView page = _get(RunDetailView.class);
        return _find(page, Button.class).stream()
                .filter(button -> !button.getId().orElse("").startsWith("copy-"))
                .toList();
    }
}
