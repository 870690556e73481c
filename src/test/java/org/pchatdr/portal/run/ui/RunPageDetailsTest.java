package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.run.ui.RunPage.click;
import static org.pchatdr.portal.run.ui.RunPage.confirm;
import static org.pchatdr.portal.run.ui.RunPage.text;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.BoundedTextArea;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunSummary;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The run page's smaller points of issue 12: what a finished run, a skipped step, a long reason and a stale action say. */
class RunPageDetailsTest extends KaribuTest {

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Test
    void anApprovalCountsUntilItsExpiryWhileTheRunIsOpenAndAFinishedRunSaysNoCountsUntil() {
        RunView run = requested(RunKind.DRILL, "rd-alice");
        RunView approved = as("rd-carol", Role.APPROVER, () -> runs.approve(run.id(), run.version(), null));
        long decision = approved.approvals().decisions().getFirst().id();

        open(run, "rd-erin", Role.AUDITOR);
        assertThat(texts(_get(Div.class, spec -> spec.withId("decision-" + decision))))
                .anySatisfy(text -> assertThat(text).startsWith("Counts until "));

        as("rd-alice", Role.OPERATOR, () -> runs.abort(run.id(), runs.version(run.id()), "moved to next week"));
        open(run, "rd-erin", Role.AUDITOR);
        assertThat(texts(_get(Div.class, spec -> spec.withId("decision-" + decision))))
                .anySatisfy(text -> assertThat(text).startsWith("rd-carol approved at "))
                .noneSatisfy(text -> assertThat(text).contains("Counts until"));
    }

    @Test
    void aSkippedStepIsMarkedSkippedInTheDurationsOfTheRtoClock() {
        RunView run = requested(RunKind.DISASTER, "rd-alice");
        as("rd-bob", Role.OPERATOR, () -> {
            RunView started = runs.emergencyStart(run.id(), run.version(), "site lost");
            RunView done = runs.completeStep(
                    run.id(), runs.startStep(run.id(), started.version(), 1).version(), 1, null, null);
            return runs.requestSkip(run.id(), done.version(), 2, "already done by hand");
        });
        as("rd-carol", Role.APPROVER, () -> runs.approveSkip(run.id(), runs.version(run.id()), 2, null));

        open(run, "rd-erin", Role.AUDITOR);
        assertThat(text("rto-step-1")).matches("\\d+ s");
        assertThat(text("rto-step-2")).isEqualTo("Skipped");
        assertThat(_get(Component.class, spec -> spec.withId("rto-step-2")).getClassNames())
                .contains("rto-step-skipped");
    }

    @Test
    void aReasonWithAMaximumCountsItsCharactersAndSaysHowManyAreTooManyInsteadOfCuttingThem() {
        RunView run = requested(RunKind.DRILL, "rd-alice");
        open(run, "rd-alice", Role.OPERATOR);
        click("abort-run");
        BoundedTextArea reason = _get(BoundedTextArea.class, spec -> spec.withId("abort-reason"));
        assertThat(reason.getMaxLength()).as("no silent cut in the browser").isZero();
        assertThat(text("abort-reason-counter")).isEqualTo("0 / 1,000 characters");

        fillIn(reason, "x".repeat(1003));
        assertThat(text("abort-reason-counter")).isEqualTo("3 characters too many: at most 1,000");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getValue()).hasSize(1003);
        confirm();
        assertThat(text("dialog-error")).startsWith("A comment, reason or note has at most 1000 characters");

        fillIn(reason, "x".repeat(1001));
        assertThat(text("abort-reason-counter")).isEqualTo("1 character too many: at most 1,000");
        fillIn(reason, "not this week");
        assertThat(text("abort-reason-counter")).isEqualTo("13 / 1,000 characters");
        assertThat(reason.isInvalid()).isFalse();
    }

    @Test
    void everyReasonAndCommentFieldOfTheRunPagesCountsWithTheSameComponentInBothLanguages() {
        RunView run = requested(RunKind.DRILL, "rd-alice");
        open(run, "rd-carol", Role.APPROVER);
        for (String button : List.of("approve", "reject")) {
            click(button);
            assertThat(_find(TextArea.class))
                    .allSatisfy(field -> assertThat(field).isInstanceOf(BoundedTextArea.class));
            _click(_get(Button.class, spec -> spec.withText("Cancel")));
        }

        signIn("rd-alice", Role.OPERATOR);
        navigate("runs/new");
        assertThat(_get(TextArea.class, spec -> spec.withId("run-reason"))).isInstanceOf(BoundedTextArea.class);
        assertThat(text("run-reason-counter")).isEqualTo("0 / 1,000 characters");

        chooseLanguage(Locale.FRENCH);
        navigate("runs/new");
        fillIn(_get(BoundedTextArea.class, spec -> spec.withId("run-reason")), "x".repeat(1001));
        assertThat(text("run-reason-counter")).matches("1 caractère de trop : 1[\\u00a0\\u202f ]000 au plus");
        fillIn(_get(BoundedTextArea.class, spec -> spec.withId("run-reason")), "x".repeat(2));
        assertThat(text("run-reason-counter")).matches("2 / 1[\\u00a0\\u202f ]000 caractères");
    }

    @Test
    void anActionOnARunSomeoneAbortedMeanwhileClosesTheDialogAndSaysWhoDidWhatInWords() {
        RunView run = requested(RunKind.DRILL, "rd-alice");
        open(run, "rd-carol", Role.APPROVER);
        click("approve");
        as("rd-alice", Role.OPERATOR, () -> runs.abort(run.id(), run.version(), "moved to next week"));
        confirm();

        _assertNone(TextArea.class, spec -> spec.withId("approve-comment"));
        assertThat(notificationTexts())
                .anySatisfy(text -> assertThat(text)
                        .matches("rd-alice aborted this run at \\d\\d:\\d\\d UTC; nothing is left to approve\\."));
        assertThat(text("run-state")).isEqualTo("Aborted");
    }

    @Test
    void theStaleMessageSpeaksFrenchWithoutVersionNumbersOrNanoseconds() {
        RunView run = requested(RunKind.DRILL, "rd-alice");
        signIn("rd-carol", Role.APPROVER);
        chooseLanguage(Locale.FRENCH);
        navigate("runs/" + run.id());
        click("reject");
        fillIn(_get(TextArea.class, spec -> spec.withId("reject-comment")), "pas cette semaine");
        as("rd-dave", Role.APPROVER, () -> runs.reject(run.id(), run.version(), "trop tard"));
        confirm();

        assertThat(notificationTexts())
                .anySatisfy(text -> assertThat(text)
                        .matches("rd-dave a refusé ce déroulé à \\d\\d:\\d\\d UTC ; il ne reste rien à refuser\\."));
    }

    @Test
    void theRunsListGivesItsWidthToProcedurePoolAndTopologyWrapsLongValuesAndNamesThemOnHover() {
        requested(RunKind.DRILL, "rd-alice");
        signIn("rd-erin", Role.AUDITOR);
        navigate("runs");
        @SuppressWarnings("unchecked")
        Grid<RunSummary> grid = _get(Grid.class, spec -> spec.withId("runs"));

        assertThat(grid.getThemeNames()).contains(GridVariant.LUMO_WRAP_CELL_CONTENT.getVariantName());
        for (String read : List.of("procedure", "pool", "topology")) {
            Grid.Column<RunSummary> column = grid.getColumnByKey(read);
            assertThat(column.getFlexGrow()).as(read).isGreaterThan(0);
            assertThat(column.getTooltipGenerator()).as(read).isNotNull();
        }
        // The short columns keep a fixed width that leaves the readable ones room at 1440 px.
        double fixed = grid.getColumns().stream()
                .filter(column -> column.getFlexGrow() == 0)
                .mapToDouble(column -> Double.parseDouble(column.getWidth().replace("rem", "")))
                .sum();
        assertThat(fixed).as("rem taken by the short columns").isLessThanOrEqualTo(56);
    }

    private RunView requested(RunKind kind, String requester) {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        return fixtures.request(fixtures.publishedContoso(), kind, requester);
    }

    /** Another person, in another browser, changes the run. */
    private <T> T as(String username, Role role, java.util.function.Supplier<T> change) {
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

    private static List<String> texts(Component component) {
        return component
                .getChildren()
                .filter(com.vaadin.flow.component.HasText.class::isInstance)
                .map(child -> ((com.vaadin.flow.component.HasText) child).getText())
                .toList();
    }
}
