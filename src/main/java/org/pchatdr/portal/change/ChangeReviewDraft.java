package org.pchatdr.portal.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.change.internal.ChangeRequest;
import org.pchatdr.portal.change.internal.ChangeRevision;
import org.pchatdr.portal.change.internal.ChangeRunEntity;
import org.pchatdr.portal.change.internal.ChangeRunRepository;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.StepState;
import org.springframework.stereotype.Component;

/**
 * The post-implementation review the portal drafts when a change ends (issue 13): the planned and
 * the actual window with every extension and freeze override, the outcome, each configuration
 * run's step timings and every deviation (skips, retries, failures, a run that did not complete);
 * the reviewer adds their findings and signs it.
 */
@Component
class ChangeReviewDraft {

    private final ChangeRecords records;
    private final ChangeRunRepository runLinks;
    private final RunService runs;

    ChangeReviewDraft(ChangeRecords records, ChangeRunRepository runLinks, RunService runs) {
        this.records = records;
        this.runLinks = runLinks;
        this.runs = runs;
    }

    String draft(ChangeRequest change) {
        ChangeRevision revision = records.current(change);
        List<ChangeView.Extension> extensions = records.extensions(change);
        StringBuilder text = new StringBuilder();
        text.append("Planned window: ")
                .append(revision.getWindowStart())
                .append(" .. ")
                .append(revision.getWindowEnd())
                .append(" (")
                .append(revision.getTimeZone())
                .append(")\n");
        Instant end = revision.getWindowEnd();
        for (ChangeView.Extension extension : extensions) {
            text.append("Window extended to ")
                    .append(extension.until())
                    .append(" by ")
                    .append(extension.grantedBy())
                    .append(" at ")
                    .append(extension.grantedAt())
                    .append(": ")
                    .append(extension.reason())
                    .append('\n');
            end = extension.until().isAfter(end) ? extension.until() : end;
        }
        if (change.isFreezeOverridden()) {
            text.append("Freeze overridden by ")
                    .append(Stamp.byOf(change.getFreezeOverride()))
                    .append(" at ")
                    .append(Stamp.atOf(change.getFreezeOverride()))
                    .append(": ")
                    .append(change.getFreezeOverrideReason())
                    .append('\n');
        }
        text.append("Actual: ")
                .append(Stamp.atOf(change.getStarted()))
                .append(" .. ")
                .append(Stamp.atOf(change.getEnded()))
                .append(
                        change.getEnded() != null && change.getEnded().at().isAfter(revision.getWindowEnd())
                                ? " (ran past the window" + (end.isAfter(revision.getWindowEnd()) ? ", extended" : "")
                                        + ")"
                                : "")
                .append("\nImplemented by: ")
                .append(Stamp.byOf(change.getStarted()))
                .append("\nOutcome: ")
                .append(change.getOutcome());
        List<String> deviations = new ArrayList<>();
        List<ChangeRunEntity> links = runLinks.findByChangeIdOrderByIdAsc(change.getId());
        if (!links.isEmpty()) {
            text.append("\nConfiguration runs:");
        }
        for (ChangeRunEntity link : links) {
            runs(text, deviations, link);
        }
        if (!extensions.isEmpty()) {
            deviations.add("window extended " + extensions.size() + " time(s)");
        }
        if (change.isFreezeOverridden()) {
            deviations.add("started inside a freeze on an override");
        }
        text.append("\nDeviations:");
        if (deviations.isEmpty()) {
            text.append(" none");
        }
        deviations.forEach(deviation -> text.append("\n- ").append(deviation));
        return text.toString();
    }

    /** One configuration run: its state and window, each step's timing, and what deviated. */
    private void runs(StringBuilder text, List<String> deviations, ChangeRunEntity link) {
        if (link.getRunId() == null) {
            text.append("\n- ")
                    .append(link.getProcedure())
                    .append(" on ")
                    .append(link.getPool())
                    .append(": never created");
            deviations.add(link.getProcedure() + " on " + link.getPool() + " was never run");
            return;
        }
        RunView run = runs.run(link.getRunId());
        text.append("\n- run ")
                .append(run.id())
                .append(' ')
                .append(run.procedure())
                .append(" on ")
                .append(run.pool())
                .append(": ")
                .append(run.state())
                .append(", ")
                .append(run.startedAt())
                .append(" .. ")
                .append(run.endedAt());
        if (run.state() != RunState.COMPLETED) {
            deviations.add("run " + run.id() + " ended " + run.state()
                    + (run.endReason() == null ? "" : ": " + run.endReason()));
        }
        for (RunView.Step step : run.steps()) {
            text.append("\n  step ")
                    .append(step.number())
                    .append(' ')
                    .append(step.title())
                    .append(": ")
                    .append(step.state())
                    .append(step.durationSeconds() == null ? "" : ", " + step.durationSeconds() + " s")
                    .append(step.startedAt() == null ? "" : ", " + step.startedAt() + " .. " + step.endedAt());
            String where = "run " + run.id() + " step " + step.number();
            if (step.attempts() > 1) {
                deviations.add(where + ": " + step.attempts() + " attempts (retried)");
            }
            if (step.failureReason() != null) {
                deviations.add(where + ": failed: " + step.failureReason());
            }
            if (step.state() == StepState.SKIPPED) {
                deviations.add(
                        where + ": skipped: " + step.skipReason() + " (allowed by " + step.skipApprovedBy() + ")");
            }
        }
    }
}
