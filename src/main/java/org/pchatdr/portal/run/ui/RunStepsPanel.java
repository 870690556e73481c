package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.pchatdr.portal.base.ui.BoundedTextArea;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ui.ProcedureStepCard;
import org.pchatdr.portal.run.RunAction;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.StepState;

/**
 * The steps of the run in order: each the frozen procedure's step (where it runs, script, expected
 * result, verification, undo) with where the run stands with it, who did what when, and the
 * actions of the step in turn. The data-loss gate sits on the step it guards; finished steps fold to one line.
 */
class RunStepsPanel extends Div {

    private final Map<RunView.Step, Span> runningDurations = new LinkedHashMap<>();
    private ProcedureStepCard current;
    private Integer currentStep;

    RunStepsPanel(
            RunView run,
            Procedure procedure,
            UnaryOperator<String> siteName,
            RunAccess access,
            RunActions actions,
            Instant now) {
        setId("steps");
        add(new H3(getTranslation("runpage.steps.title", run.steps().size())));
        Map<Integer, RunView.Step> byNumber = new LinkedHashMap<>();
        run.steps().forEach(step -> byNumber.put(step.number(), step));
        Optional<RunView.Step> inTurn = access.stepInTurn();
        for (Procedure.Step frozen : procedure.steps()) {
            RunView.Step step = byNumber.get(frozen.number());
            ProcedureStepCard card = new ProcedureStepCard(frozen, siteName, true);
            card.addClassName("run-step");
            Span state = RunFormat.stateBadge(this, step.state());
            state.setId("step-state-" + step.number());
            boolean finished = step.state().isFinished();
            if (!finished) {
                card.addToHeading(state);
            }
            card.addAfterHeading(progress(step, now));
            // The gate sits on the step it blocks (issue 12), beside the start button it keeps disabled.
            if (run.dataLoss() != null && run.dataLoss().gateStep() == frozen.number()) {
                card.addAfterHeading(new DataLossPanel(run, access, actions));
            }
            if (inTurn.filter(turn -> turn.number() == step.number()).isPresent()) {
                card.addClassName("run-step-current");
                card.getElement().setAttribute("aria-current", "step");
                current = card;
                currentStep = step.number();
                Component stepActions = actions(run, step, access, actions);
                if (stepActions != null) {
                    card.addAfterHeading(stepActions);
                }
            }
            add(finished ? folded(step, frozen.title(), state, card, now) : card);
        }
    }

    /**
     * A finished step in one line (number, title, who, duration, outcome) that opens on a click to
     * the whole step: at 3 a.m. the page leads to the step in turn, not through the ones behind.
     */
    private Details folded(RunView.Step step, String titleText, Span state, ProcedureStepCard card, Instant now) {
        Span title = new Span(getTranslation("runpage.step.folded.title", step.number(), titleText));
        title.addClassName("run-step-fold-title");
        Div line = new Div(title);
        String who = step.state() == StepState.SKIPPED ? step.skipApprovedBy() : step.endedBy();
        if (who != null) {
            Span by = new Span(who);
            by.setId("step-fold-who-" + step.number());
            line.add(by);
        }
        Span took = new Span(
                step.startedAt() == null
                        ? getTranslation("runpage.step.folded.not-run")
                        : RunFormat.duration(this, RunFormat.seconds(step, now)));
        took.setId("step-fold-duration-" + step.number());
        line.add(took, state);
        line.addClassName("run-step-fold-line");
        Details folded = new Details(line, card);
        folded.setId("step-fold-" + step.number());
        folded.addClassName("run-step-fold");
        folded.setOpened(false);
        return folded;
    }

    /** The number of the step to carry out next, if the run is in progress. */
    Optional<Integer> currentStep() {
        return Optional.ofNullable(currentStep);
    }

    void scrollToCurrent() {
        if (current != null) {
            current.scrollIntoView();
        }
    }

    /** Moves on the duration of the step in progress. */
    void tick(Instant now) {
        runningDurations.forEach((step, shown) -> shown.setText(duration(step, now)));
    }

    private Component progress(RunView.Step step, Instant now) {
        Div progress = new Div();
        progress.setId("step-run-" + step.number());
        progress.addClassName("run-step-progress");
        if (step.attempts() > 1) {
            progress.add(
                    line("step-attempts-" + step.number(), getTranslation("runpage.step.attempts", step.attempts())));
        }
        if (step.startedAt() != null) {
            progress.add(line(
                    "step-started-" + step.number(),
                    getTranslation("runpage.step.started", step.startedBy(), RunFormat.time(step.startedAt()))));
            Span duration = line("step-duration-" + step.number(), duration(step, now));
            if (step.state() == StepState.IN_PROGRESS) {
                runningDurations.put(step, duration);
            }
            progress.add(duration);
        }
        if (step.endedAt() != null) {
            progress.add(line(
                    "step-ended-" + step.number(),
                    getTranslation(
                            "runpage.step.ended." + step.state().name(),
                            step.endedBy(),
                            RunFormat.time(step.endedAt()))));
        }
        if (step.skipRequestedBy() != null) {
            Div skip = new Div(
                    new Span(getTranslation(
                            "runpage.step.skip-requested",
                            step.skipRequestedBy(),
                            RunFormat.time(step.skipRequestedAt()))),
                    RunFormat.quote(this, step.skipReason()));
            skip.setId("step-skip-" + step.number());
            progress.add(skip);
        }
        if (step.failureReason() != null) {
            Div failure = new Div(
                    new Span(getTranslation(
                            step.state() == StepState.FAILED ? "runpage.step.failure" : "runpage.step.last-failure")),
                    RunFormat.quote(this, step.failureReason()));
            failure.setId("step-failure-" + step.number());
            failure.addClassName("run-failure");
            progress.add(failure);
        }
        if (step.note() != null) {
            Div note = new Div(new Span(getTranslation("runpage.step.note")), RunFormat.quote(this, step.note()));
            note.setId("step-note-" + step.number());
            progress.add(note);
        }
        if (step.output() != null) {
            Pre output = new Pre(step.output());
            output.setId("step-output-" + step.number());
            output.addClassNames("procedure-code", "run-output");
            output.getElement().setAttribute("tabindex", "0");
            output.getElement().setAttribute("aria-label", getTranslation("runpage.step.output", step.number()));
            progress.add(new Span(getTranslation("runpage.step.output", step.number())), output);
        }
        return progress;
    }

    private String duration(RunView.Step step, Instant now) {
        return getTranslation("runpage.step.duration", RunFormat.duration(this, RunFormat.seconds(step, now)));
    }

    private static Span line(String id, String text) {
        Span line = new Span(text);
        line.setId(id);
        return line;
    }

    /**
     * The actions on the step in turn that the rulebook lets the signed-in user take; {@code null}
     * when none. Before the closed data-loss gate, an operator who may record the figures sees the
     * start button disabled, with why.
     */
    private Component actions(RunView run, RunView.Step step, RunAccess access, RunActions actions) {
        Div buttons = new Div();
        buttons.setId("step-actions-" + step.number());
        buttons.addClassName("run-buttons");
        int number = step.number();
        boolean gateClosed = run.dataLoss() != null
                && run.dataLoss().gateStep() == number
                && !run.dataLoss().passable()
                && step.state() == StepState.NOT_STARTED;
        if (gateClosed) {
            Div gate = new Div(getTranslation("error.run_data_loss_gate", number));
            gate.setId("step-gate-" + number);
            gate.addClassName("run-hint");
            buttons.add(gate);
        }
        boolean mayStart = access.may(RunAction.START_STEP, number);
        if (mayStart || (gateClosed && access.may(RunAction.RECORD_DATA_LOSS))) {
            Button start = actions.now(
                    RunAction.START_STEP,
                    number,
                    "start-step-" + number,
                    getTranslation("runpage.step.start"),
                    (runs, version) -> runs.startStep(run.id(), version, number));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.setEnabled(mayStart);
            buttons.add(start);
        }
        if (access.may(RunAction.COMPLETE_STEP, number)) {
            Button done = actions.dialog(
                    RunAction.COMPLETE_STEP,
                    number,
                    "complete-step-" + number,
                    getTranslation("runpage.step.done"),
                    () -> doneForm(run, step));
            done.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            buttons.add(done);
        }
        if (access.may(RunAction.FAIL_STEP, number)) {
            Button failed = actions.ask(
                            RunAction.FAIL_STEP,
                            number,
                            "fail-step-" + number,
                            "runpage.step.failed",
                            "runpage.step.failed.title")
                    .text(
                            "run.reason",
                            "fail-step-reason",
                            true,
                            (runs, version, reason) -> runs.failStep(run.id(), version, number, reason));
            failed.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(failed);
        }
        if (access.may(RunAction.RETRY_STEP, number)) {
            buttons.add(actions.now(
                    RunAction.RETRY_STEP,
                    number,
                    "retry-step-" + number,
                    getTranslation("runpage.step.retry"),
                    (runs, version) -> runs.retryStep(run.id(), version, number)));
        }
        if (access.may(RunAction.REQUEST_SKIP, number)) {
            buttons.add(actions.ask(
                            RunAction.REQUEST_SKIP,
                            number,
                            "request-skip-" + number,
                            "runpage.step.ask-skip",
                            "runpage.step.ask-skip.title")
                    .above(() -> skipWarning(run, number, "request-skip-gate"))
                    .text(
                            "run.reason",
                            "request-skip-reason",
                            true,
                            (runs, version, reason) -> runs.requestSkip(run.id(), version, number, reason)));
        }
        if (access.may(RunAction.APPROVE_SKIP, number)) {
            buttons.add(actions.ask(
                            RunAction.APPROVE_SKIP,
                            number,
                            "approve-skip-" + number,
                            "runpage.step.allow-skip",
                            "runpage.step.allow-skip.title")
                    .above(() -> skipWarning(run, number, "approve-skip-gate"))
                    .text(
                            "runpage.comment.optional",
                            "approve-skip-comment",
                            false,
                            (runs, version, comment) -> runs.approveSkip(run.id(), version, number, comment)));
        }
        return buttons.getComponentCount() == 0 ? null : buttons;
    }

    /**
     * In a skip dialog: that the step is the data-loss gate's (F-4), whose figures and acceptance
     * stay; an empty paragraph, hidden, for any other step.
     */
    private Paragraph skipWarning(RunView run, int number, String id) {
        RunView.DataLoss gate = run.dataLoss();
        boolean gated = gate != null && !gate.waived() && gate.gateStep() == number;
        Paragraph warning = new Paragraph(gated ? getTranslation("runpage.step.skip.gate") : "");
        warning.setId(id);
        warning.addClassName("run-warning");
        warning.setVisible(gated);
        return warning;
    }

    private RunActions.Form doneForm(RunView run, RunView.Step step) {
        TextArea note = RunActions.text(this, "runpage.step.note.field", "complete-step-note", false);
        BoundedTextArea output =
                new BoundedTextArea(getTranslation("runpage.step.output.field"), RunService.MAX_OUTPUT);
        output.setId("complete-step-output");
        output.setWidthFull();
        output.addClassName("run-output-field");
        output.setHelp(getTranslation("runpage.step.output.help"));
        return new RunActions.Form(
                getTranslation("runpage.step.done.title", step.number()),
                getTranslation("runpage.step.done"),
                (runs, version) ->
                        runs.completeStep(run.id(), version, step.number(), note.getValue(), output.getValue()),
                note,
                output);
    }
}
