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
record ChangeReviewDraft(ChangeRecords records, ChangeRunRepository runLinks, RunService runs) {

    String draft(ChangeRequest change) {
        ChangeRevision revision = records.current(change);
        List<ChangeView.Extension> extensions = records.extensions(change);
        StringBuilder text = new StringBuilder();
        text.append("Planned window: %s .. %s (%s)\n"
                .formatted(revision.getWindowStart(), revision.getWindowEnd(), revision.getTimeZone()));
        Instant end = revision.getWindowEnd();
        for (ChangeView.Extension extension : extensions) {
            text.append("Window extended to %s by %s at %s: %s\n"
                    .formatted(extension.until(), extension.grantedBy(), extension.grantedAt(), extension.reason()));
            end = extension.until().isAfter(end) ? extension.until() : end;
        }
        if (change.isFreezeOverridden()) {
            text.append("Freeze overridden by %s at %s: %s\n"
                    .formatted(
                            Stamp.byOf(change.getFreezeOverride()),
                            Stamp.atOf(change.getFreezeOverride()),
                            change.getFreezeOverrideReason()));
        }
        boolean late = change.getEnded() != null && change.getEnded().at().isAfter(revision.getWindowEnd());
        text.append("Actual: %s .. %s%s\nImplemented by: %s\nOutcome: %s"
                .formatted(
                        Stamp.atOf(change.getStarted()),
                        Stamp.atOf(change.getEnded()),
                        late
                                ? " (ran past the window" + (end.isAfter(revision.getWindowEnd()) ? ", extended" : "")
                                        + ")"
                                : "",
                        Stamp.byOf(change.getStarted()),
                        change.getOutcome()));
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
            text.append("\n- %s on %s: never created".formatted(link.getProcedure(), link.getPool()));
            deviations.add(link.getProcedure() + " on " + link.getPool() + " was never run");
            return;
        }
        RunView run = runs.run(link.getRunId());
        text.append("\n- run %s %s on %s: %s, %s .. %s"
                .formatted(run.id(), run.procedure(), run.pool(), run.state(), run.startedAt(), run.endedAt()));
        if (run.state() != RunState.COMPLETED) {
            deviations.add("run " + run.id() + " ended " + run.state()
                    + (run.endReason() == null ? "" : ": " + run.endReason()));
        }
        for (RunView.Step step : run.steps()) {
            text.append("\n  step %s %s: %s%s%s"
                    .formatted(
                            step.number(),
                            step.title(),
                            step.state(),
                            step.durationSeconds() == null ? "" : ", " + step.durationSeconds() + " s",
                            step.startedAt() == null ? "" : ", " + step.startedAt() + " .. " + step.endedAt()));
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
