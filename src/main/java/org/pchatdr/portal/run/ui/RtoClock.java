package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.StepState;

/**
 * The RTO clock: time since the declared incident (or the start) to now, in every state that is not
 * final (waiting for approval included), or to the end once the run is over, against the pool's RTO target. Within or over is said in words, the colour repeats it.
 * With it, how long each step took so far. {@link #tick} moves it on without reading the run again.
 */
class RtoClock extends Div {

    private final RunView.Timings timings;
    private final boolean fromIncident;
    private final Span elapsed = new Span();
    private final Span verdict = new Span();
    private final Span compact = new Span();
    private final Map<RunView.Step, Span> stepDurations = new LinkedHashMap<>();

    RtoClock(RunView run, Instant now) {
        this.timings = run.timings();
        this.fromIncident = run.incidentAt() != null;
        setId("rto-clock");
        compact.setId("rto-compact");
        compact.addClassName("rto-compact");
        addClassName("run-panel");
        getElement().setAttribute("role", "timer");
        H3 title = new H3(getTranslation("runpage.rto.title"));
        add(title);
        if (timings.from() == null) {
            compact.setText(getTranslation("runpage.header.rto.not-started"));
            Paragraph waiting = new Paragraph(getTranslation("runpage.rto.not-started"));
            waiting.setId("rto-not-started");
            add(waiting, target());
            return;
        }
        elapsed.setId("rto-elapsed");
        elapsed.addClassName("rto-elapsed");
        verdict.setId("rto-verdict");
        Div from = new Div(getTranslation(
                fromIncident ? "runpage.rto.from-incident" : "runpage.rto.from-start", RunFormat.time(timings.from())));
        from.setId("rto-from");
        from.addClassName("secondary-text");
        Div figures = new Div(elapsed, verdict);
        figures.addClassName("rto-figures");
        add(figures, from, target());
        if (!timings.running()) {
            Div ended = new Div(getTranslation("runpage.rto.final", RunFormat.time(timings.until())));
            ended.setId("rto-final");
            ended.addClassName("secondary-text");
            add(ended);
        }
        // A skipped step belongs with the durations too, marked as skipped: it took no time, or the
        // time of its failed attempts, and a reader must not take it for a step that was done.
        List<RunView.Step> started = run.steps().stream()
                .filter(step -> step.startedAt() != null || step.state() == StepState.SKIPPED)
                .toList();
        if (!started.isEmpty()) {
            add(stepDurations(started));
        }
        tick(now);
    }

    private Component stepDurations(List<RunView.Step> started) {
        Div list = new Div();
        list.setId("rto-steps");
        list.addClassName("rto-steps");
        list.getElement().setAttribute("role", "list");
        for (RunView.Step step : started) {
            Span duration = new Span();
            duration.setId("rto-step-" + step.number());
            duration.addClassName("rto-step-duration");
            if (step.state() == StepState.SKIPPED) {
                duration.addClassName("rto-step-skipped");
            }
            Div row = new Div(new Span(step.number() + ". " + step.title()), duration);
            row.addClassName("rto-step");
            row.getElement().setAttribute("role", "listitem");
            list.add(row);
            stepDurations.put(step, duration);
        }
        return list;
    }

    private String stepDuration(RunView.Step step, Instant now) {
        if (step.state() != StepState.SKIPPED) {
            return RunFormat.duration(this, RunFormat.seconds(step, now));
        }
        return step.startedAt() == null
                ? getTranslation("runpage.rto.step-skipped")
                : getTranslation("runpage.rto.step-skipped-after", RunFormat.duration(this, step.durationSeconds()));
    }

    private Div target() {
        Div target = new Div(
                timings.rtoTargetMinutes() == null
                        ? getTranslation("runpage.rto.no-target")
                        : getTranslation("runpage.rto.target", timings.rtoTargetMinutes()));
        target.setId("rto-target");
        return target;
    }

    /** Shows the clock at {@code now}: a running clock moves on, a stopped one keeps its final figure. */
    void tick(Instant now) {
        stepDurations.forEach((step, shown) -> shown.setText(stepDuration(step, now)));
        if (timings.from() == null) {
            return;
        }
        long seconds = timings.running()
                ? Math.max(0, Duration.between(timings.from(), now).toSeconds())
                : timings.elapsedSeconds();
        elapsed.setText(RunFormat.duration(this, seconds));
        verdict.getElement().getThemeList().clear();
        compact.getElement().getThemeList().clear();
        if (timings.rtoTargetMinutes() == null) {
            verdict.setText("");
            compact.setText(getTranslation("runpage.header.rto", elapsed.getText()));
            return;
        }
        long over = seconds - timings.rtoTargetMinutes() * 60L;
        verdict.setText(
                over <= 0
                        ? getTranslation("runpage.rto.within")
                        : getTranslation("runpage.rto.over", RunFormat.duration(this, over)));
        verdict.getElement().getThemeList().add("badge");
        verdict.getElement().getThemeList().add(over <= 0 ? "success" : "error");
        compact.setText(getTranslation("runpage.header.rto.judged", elapsed.getText(), verdict.getText()));
        compact.getElement().getThemeList().add("badge");
        compact.getElement().getThemeList().add(over <= 0 ? "success" : "error");
    }

    /** The clock in a few words, for the page's sticky header; it moves with the clock. */
    Span compact() {
        return compact;
    }
}
