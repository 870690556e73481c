package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.run.RunAction;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunView;

/**
 * What to tell someone whose action met a run that changed under them, as a person would say it:
 * "alice aborted this run at 16:51 UTC; nothing is left to approve". Who and when are the run's
 * last change; what they did is read from the run as it now is (the transition stamped with that
 * moment); whether anything is left is the rulebook's answer for the reader ({@link
 * RunView#actions()}). No version numbers, no seconds: the change just happened.
 */
final class StaleChange {

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final Duration DECISION_SLACK = Duration.ofSeconds(5);

    private StaleChange() {}

    private static boolean within(Instant time, Instant from, Instant to) {
        return time != null && !time.isBefore(from) && !time.isAfter(to);
    }

    /** The message for a reader who tried {@code action} (on step {@code step}) on an older version of {@code run}. */
    static String message(Component page, RunView run, RunAction action, int step) {
        String what = what(run)
                .map(done -> page.getTranslation("runpage.stale.did." + done.key(), done.step()))
                .orElseGet(() -> page.getTranslation("runpage.stale.did.CHANGED"));
        String left = run.actions().contains(action.name(step))
                ? page.getTranslation("runpage.stale.still")
                : page.getTranslation("runpage.stale.gone." + action.name(), step);
        return page.getTranslation("runpage.stale", run.changedBy(), what, HOUR.format(run.changedAt()), left);
    }

    /** What was done, and on which step. */
    record Done(String key, int step) {}

    /** The change stamped with the run's last change: its moment and its author. */
    static Optional<Done> what(RunView run) {
        Instant at = run.changedAt();
        String by = run.changedBy();
        if (at.equals(run.endedAt()) && run.state() != RunState.COMPLETED) {
            return Optional.of(new Done(run.state().name(), 0));
        }
        for (RunView.Step step : run.steps()) {
            if (at.equals(step.endedAt()) && by.equals(step.endedBy())) {
                return Optional.of(new Done("STEP_" + step.state().name(), step.number()));
            }
            if (at.equals(step.skipRequestedAt()) && by.equals(step.skipRequestedBy())) {
                return Optional.of(new Done("STEP_SKIP_REQUESTED", step.number()));
            }
            if (at.equals(step.startedAt()) && by.equals(step.startedBy())) {
                return Optional.of(new Done("STEP_STARTED", step.number()));
            }
        }
        RunView.Emergency emergency = run.emergency();
        if (emergency != null && at.equals(emergency.ratifiedAt())) {
            return Optional.of(new Done("RATIFIED", 0));
        }
        if (emergency != null && at.equals(emergency.declaredAt())) {
            return Optional.of(new Done("EMERGENCY_STARTED", 0));
        }
        if (at.equals(run.startedAt())) {
            return Optional.of(new Done("STARTED", 0));
        }
        RunView.DataLoss gate = run.dataLoss();
        if (gate != null && at.equals(gate.acceptedAt())) {
            return Optional.of(new Done("DATA_LOSS_ACCEPTED", 0));
        }
        if (gate != null && at.equals(gate.recordedAt())) {
            return Optional.of(new Done("DATA_LOSS_RECORDED", 0));
        }
        // The approval module stamps a decision a moment before the run records it: the author's
        // latest decision or withdrawal up to the change is what they did.
        Done decided = null;
        Instant latest = at.minus(DECISION_SLACK);
        for (Approval decision : run.approvals().decisions()) {
            if (!decision.approver().equals(by)) {
                continue;
            }
            if (within(decision.withdrawnAt(), latest, at)) {
                latest = decision.withdrawnAt();
                decided = new Done("WITHDRAWN", 0);
            }
            if (within(decision.decidedAt(), latest, at)) {
                latest = decision.decidedAt();
                decided = new Done("DECIDED_" + decision.decision().name(), 0);
            }
        }
        if (decided != null) {
            return Optional.of(decided);
        }
        return Objects.equals(at, run.requestedAt()) ? Optional.of(new Done("REQUESTED", 0)) : Optional.empty();
    }
}
