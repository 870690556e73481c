package org.pchatdr.portal.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pchatdr.portal.approval.Approval;

/**
 * What the run's last change was, in words a person uses: who did what to which step. Read from
 * the run as it now is (the transition stamped with the run's last change), so that whoever acted
 * on an older version, on a page or through the API, is told "alice aborted this run at 16:51 UTC",
 * never a version number (issue 12). {@code key} names the deed (translations
 * {@code runpage.stale.did.<key>}), {@code step} the step it concerns, 0 for the run.
 */
public record RunLastChange(String key, int step) {

    private static final Duration DECISION_SLACK = Duration.ofSeconds(5);

    /** The translation key of the deed. */
    public String messageKey() {
        return "runpage.stale.did." + key;
    }

    private static boolean within(Instant time, Instant from, Instant to) {
        return time != null && !time.isBefore(from) && !time.isAfter(to);
    }

    /** The change stamped with the run's last change: its moment and its author. */
    public static Optional<RunLastChange> of(RunView run) {
        Instant at = run.changedAt();
        String by = run.changedBy();
        if (at.equals(run.endedAt()) && run.state() != RunState.COMPLETED) {
            return Optional.of(new RunLastChange(run.state().name(), 0));
        }
        for (RunView.Step step : run.steps()) {
            if (at.equals(step.endedAt()) && by.equals(step.endedBy())) {
                return Optional.of(new RunLastChange("STEP_" + step.state().name(), step.number()));
            }
            if (at.equals(step.skipRequestedAt()) && by.equals(step.skipRequestedBy())) {
                return Optional.of(new RunLastChange("STEP_SKIP_REQUESTED", step.number()));
            }
            if (at.equals(step.startedAt()) && by.equals(step.startedBy())) {
                return Optional.of(new RunLastChange("STEP_STARTED", step.number()));
            }
        }
        RunView.Emergency emergency = run.emergency();
        if (emergency != null && at.equals(emergency.ratifiedAt())) {
            return Optional.of(new RunLastChange("RATIFIED", 0));
        }
        if (emergency != null && at.equals(emergency.declaredAt())) {
            return Optional.of(new RunLastChange("EMERGENCY_STARTED", 0));
        }
        if (at.equals(run.startedAt())) {
            return Optional.of(new RunLastChange("STARTED", 0));
        }
        RunView.DataLoss gate = run.dataLoss();
        if (gate != null && at.equals(gate.acceptedAt())) {
            return Optional.of(new RunLastChange("DATA_LOSS_ACCEPTED", 0));
        }
        if (gate != null && at.equals(gate.recordedAt())) {
            return Optional.of(new RunLastChange("DATA_LOSS_RECORDED", 0));
        }
        // The approval module stamps a decision a moment before the run records it: the author's
        // latest decision or withdrawal up to the change is what they did.
        RunLastChange decided = null;
        Instant latest = at.minus(DECISION_SLACK);
        for (Approval decision : run.approvals().decisions()) {
            if (!decision.approver().equals(by)) {
                continue;
            }
            if (within(decision.withdrawnAt(), latest, at)) {
                latest = decision.withdrawnAt();
                decided = new RunLastChange("WITHDRAWN", 0);
            }
            if (within(decision.decidedAt(), latest, at)) {
                latest = decision.decidedAt();
                decided = new RunLastChange("DECIDED_" + decision.decision().name(), 0);
            }
        }
        if (decided != null) {
            return Optional.of(decided);
        }
        return Objects.equals(at, run.requestedAt())
                ? Optional.of(new RunLastChange("REQUESTED", 0))
                : Optional.empty();
    }
}
