package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.run.ui.RunPage.click;
import static org.pchatdr.portal.run.ui.RunPage.text;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/** The steps of the run page at 3 a.m. (issue 12): finished ones fold, the gate sits on its step, the figures come pre-filled. */
class RunPageStepsTest extends KaribuTest {

    @Autowired
    Clock clock;

    static final String F1_OUTPUT = """
            secondary_database last_copied_file       last_restored_file       last_restored_date
            ------------------ ---------------------- ------------------------ -----------------------
            mgc                mgc_20261126093000.trn mgc_20261126091500.trn   2026-11-26 09:16:02.337
            """;

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Test
    void aFinishedStepFoldsToOneLineThatOpensOnAClickWhileTheStepInTurnStaysOpen() {
        RunView run = disaster(null);
        walk(run, 2);
        signIn("rs-bob", Role.OPERATOR);
        navigate("runs/" + run.id());

        Details first = _get(Details.class, spec -> spec.withId("step-fold-1"));
        assertThat(first.isOpened()).isFalse();
        assertThat(text("step-state-1")).isEqualTo("Done");
        assertThat(text("step-fold-who-1")).isEqualTo("rs-bob");
        assertThat(text("step-fold-duration-1")).matches("\\d+ s");
        assertThat(isInside(_get(Component.class, spec -> spec.withId("step-output-1")), first))
                .isTrue();

        first.setOpened(true);
        assertThat(_get(Details.class, spec -> spec.withId("step-fold-1")).isOpened())
                .isTrue();

        Div current = _get(Div.class, spec -> spec.withId("step-2"));
        assertThat(current.getClassNames()).contains("run-step-current");
        assertThat(current.getParent().filter(Details.class::isInstance)).isEmpty();
        assertThat(_get(Button.class, spec -> spec.withId("start-step-2")).isEnabled())
                .isTrue();
    }

    @Test
    void theDataLossActionSitsOnTheStepItBlocksAndItsDialogIsPrefilledWithWhatTheRunKnows() {
        Instant incident = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(20, ChronoUnit.MINUTES);
        RunView run = disaster(incident);
        int gate = run.dataLoss().gateStep();
        walk(run, gate);
        signIn("rs-bob", Role.OPERATOR);
        navigate("runs/" + run.id());

        Div gateStep = _get(Div.class, spec -> spec.withId("step-" + gate));
        assertThat(isInside(_get(Div.class, spec -> spec.withId("data-loss")), gateStep))
                .isTrue();
        Button record = _get(Button.class, spec -> spec.withId("record-data-loss"));
        assertThat(isInside(record, gateStep)).isTrue();
        assertThat(isInside(_get(Button.class, spec -> spec.withId("start-step-" + gate)), gateStep))
                .isTrue();

        click("record-data-loss");
        assertThat(_get(TextField.class, spec -> spec.withId("data-loss-last-log-field"))
                        .getValue())
                .isEqualTo("mgc_20261126091500.trn");
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("data-loss-last-log-at-field"))
                        .getValue())
                .isEqualTo(LocalDateTime.of(2026, 11, 26, 9, 15, 0));
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("data-loss-lost-at-field"))
                        .getValue())
                .isEqualTo(LocalDateTime.ofInstant(incident, ZoneOffset.UTC));
        assertThat(text("data-loss-prefilled")).startsWith("Pre-filled with what the run already knows");
    }

    private RunView disaster(Instant incident) {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        givenAccount("rs-bob", Role.OPERATOR);
        return fixtures.request(fixtures.publishedContoso(), RunKind.DISASTER, "rs-alice", incident);
    }

    /** rs-bob starts the run in an emergency and does every step before {@code upTo}, pasting F-1's output at step 1. */
    private void walk(RunView run, int upTo) {
        TestAccounts.signIn("rs-bob", Role.OPERATOR);
        RunView walked = runs.emergencyStart(run.id(), run.version(), "site lost");
        for (int number = 1; number < upTo; number++) {
            walked = runs.startStep(run.id(), walked.version(), number);
            walked = runs.completeStep(run.id(), walked.version(), number, null, number == 1 ? F1_OUTPUT : null);
        }
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
