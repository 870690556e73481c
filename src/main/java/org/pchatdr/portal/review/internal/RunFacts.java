package org.pchatdr.portal.review.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.review.RunException;
import org.pchatdr.portal.review.RunException.Kind;
import org.pchatdr.portal.review.TimelineEntry;
import org.pchatdr.portal.review.TimelineEntry.What;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.StepState;

/**
 * What a review reads out of an ended run, without any state of its own: the exceptions that need a
 * disposition, the timeline, and the part each person took in the run.
 */
public final class RunFacts {

    /** The parts a person can take in a run, in the order {@link #part} looks for them. */
    public static final List<String> PARTS = List.of(
            "requested",
            "approved",
            "declared-emergency",
            "started",
            "executed",
            "skips",
            "recorded-data-loss",
            "accepted-data-loss",
            "ended");

    private RunFacts() {}

    /** Every exception of the run, in the order of the run: steps first, then the run as a whole. */
    public static List<RunException> exceptions(RunView run) {
        List<RunException> found = new ArrayList<>();
        if (run.emergency() != null) {
            found.add(exception(Kind.EMERGENCY_START, null));
        }
        Instant window = approvalWindowEnd(run).orElse(null);
        for (RunView.Step step : run.steps()) {
            if (step.state() == StepState.SKIPPED) {
                found.add(exception(Kind.STEP_SKIPPED, step.number()));
            }
            if (step.attempts() > 1) {
                found.add(exception(Kind.STEP_RETRIED, step.number()));
            }
            if (step.state() == StepState.FAILED) {
                found.add(exception(Kind.STEP_FAILED, step.number()));
            }
            if (window != null && step.endedAt() != null && step.endedAt().isAfter(window)) {
                found.add(exception(Kind.STEP_OUT_OF_WINDOW, step.number()));
            }
        }
        RunView.DataLoss loss = run.dataLoss();
        if (loss != null && loss.acceptedAt() != null) {
            found.add(exception(Kind.DATA_LOSS_ACCEPTED, null));
        }
        if (Boolean.FALSE.equals(run.timings().withinRto())) {
            found.add(exception(Kind.RTO_OVER_TARGET, null));
        }
        if (loss != null && Boolean.FALSE.equals(loss.withinRpo())) {
            found.add(exception(Kind.RPO_OVER_TARGET, null));
        }
        return found;
    }

    /** The code naming an exception in dispositions, REST bodies and refusals. */
    public static String code(Kind kind, Integer step) {
        return step == null ? kind.name() : kind.name() + ":" + step;
    }

    private static RunException exception(Kind kind, Integer step) {
        return new RunException(code(kind, step), kind, step, null, null, null);
    }

    /**
     * The end of the window the run's approvals gave it: the latest expiry among the approvals that
     * were in force at the start. An emergency start went ahead without one, so it has none (its
     * own exception covers it), and neither has a run that never started.
     */
    static Optional<Instant> approvalWindowEnd(RunView run) {
        if (run.startedAt() == null || run.emergency() != null) {
            return Optional.empty();
        }
        return run.approvals().decisions().stream()
                .filter(approval -> approval.decision() == Approval.Decision.APPROVED)
                .filter(approval -> !approval.decidedAt().isAfter(run.startedAt()))
                .filter(approval ->
                        approval.withdrawnAt() == null || approval.withdrawnAt().isAfter(run.startedAt()))
                .map(Approval::expiresAt)
                .max(Comparator.naturalOrder());
    }

    /**
     * The part {@code username} took in the run, as a translation key suffix ({@code requested},
     * {@code approved} …), or empty when they took none: the reviewer must be independent of it.
     */
    public static Optional<String> part(RunView run, String username) {
        Map<String, Boolean> parts = new LinkedHashMap<>();
        parts.put("requested", username.equals(run.requestedBy()));
        parts.put(
                "approved",
                run.approvals().decisions().stream().anyMatch(approval -> username.equals(approval.approver())));
        parts.put(
                "declared-emergency",
                run.emergency() != null && username.equals(run.emergency().declaredBy()));
        parts.put("started", username.equals(run.startedBy()));
        parts.put(
                "executed",
                run.steps().stream()
                        .anyMatch(step -> username.equals(step.startedBy()) || username.equals(step.endedBy())));
        parts.put(
                "skips",
                run.steps().stream()
                        .anyMatch(step ->
                                username.equals(step.skipRequestedBy()) || username.equals(step.skipApprovedBy())));
        parts.put(
                "recorded-data-loss",
                run.dataLoss() != null && username.equals(run.dataLoss().recordedBy()));
        parts.put(
                "accepted-data-loss",
                run.dataLoss() != null && username.equals(run.dataLoss().acceptedBy()));
        parts.put("ended", username.equals(run.endedBy()));
        return parts.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static final java.util.regex.Pattern STEP_DETAILS =
            java.util.regex.Pattern.compile("step (\\d+)(?:: (.*))?", java.util.regex.Pattern.DOTALL);

    /**
     * The run from request to end, in time order. The run keeps only the last state of each step,
     * so failures and retries come from the run's audit {@code history}, which keeps every one.
     */
    public static List<TimelineEntry> timeline(RunView run, List<AuditEntry> history) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (AuditEntry event : history) {
            What what = "STEP_FAILED".equals(event.action())
                    ? What.STEP_FAILED
                    : "STEP_RETRIED".equals(event.action()) ? What.STEP_RETRIED : null;
            java.util.regex.Matcher details = STEP_DETAILS.matcher(event.details() == null ? "" : event.details());
            if (what != null && details.matches()) {
                entries.add(new TimelineEntry(
                        event.occurredAt(), event.actor(), what, Integer.valueOf(details.group(1)), details.group(2)));
            }
        }
        entries.add(new TimelineEntry(run.requestedAt(), run.requestedBy(), What.REQUESTED, null, run.reason()));
        for (Approval approval : run.approvals().decisions()) {
            boolean ratification =
                    run.startedAt() != null && approval.decidedAt().isAfter(run.startedAt());
            What what = approval.decision() == Approval.Decision.REJECTED
                    ? What.REJECTED
                    : ratification && run.emergency() != null ? What.RATIFIED : What.APPROVED;
            entries.add(new TimelineEntry(approval.decidedAt(), approval.approver(), what, null, approval.comment()));
            if (approval.withdrawnAt() != null) {
                entries.add(new TimelineEntry(approval.withdrawnAt(), approval.approver(), What.WITHDRAWN, null, null));
            }
        }
        if (run.emergency() != null) {
            entries.add(new TimelineEntry(
                    run.emergency().declaredAt(),
                    run.emergency().declaredBy(),
                    What.EMERGENCY_STARTED,
                    null,
                    run.emergency().reason()));
        } else if (run.startedAt() != null) {
            entries.add(new TimelineEntry(run.startedAt(), run.startedBy(), What.STARTED, null, null));
        }
        RunView.DataLoss loss = run.dataLoss();
        if (loss != null && loss.recordedAt() != null) {
            entries.add(new TimelineEntry(
                    loss.recordedAt(),
                    loss.recordedBy(),
                    What.DATA_LOSS_RECORDED,
                    loss.gateStep(),
                    loss.lastLogBackup() + " · " + loss.lastLogBackupAt() + " → " + loss.primaryLostAt()));
        }
        if (loss != null && loss.acceptedAt() != null) {
            entries.add(new TimelineEntry(
                    loss.acceptedAt(), loss.acceptedBy(), What.DATA_LOSS_ACCEPTED, loss.gateStep(), loss.acceptance()));
        }
        for (RunView.Step step : run.steps()) {
            if (step.startedAt() != null) {
                entries.add(
                        new TimelineEntry(step.startedAt(), step.startedBy(), What.STEP_STARTED, step.number(), null));
            }
            if (step.skipRequestedAt() != null) {
                entries.add(new TimelineEntry(
                        step.skipRequestedAt(),
                        step.skipRequestedBy(),
                        What.SKIP_REQUESTED,
                        step.number(),
                        step.skipReason()));
            }
            if (step.endedAt() != null) {
                What what = switch (step.state()) {
                    case DONE -> What.STEP_DONE;
                    case FAILED -> What.STEP_FAILED;
                    case SKIPPED -> What.STEP_SKIPPED;
                    default -> null;
                };
                if (what != null) {
                    String text = what == What.STEP_DONE ? joined(step.note(), step.output()) : step.skipReason();
                    String who = what == What.STEP_SKIPPED ? step.skipApprovedBy() : step.endedBy();
                    entries.add(new TimelineEntry(step.endedAt(), who, what, step.number(), text));
                }
            }
        }
        if (run.endedAt() != null) {
            entries.add(new TimelineEntry(
                    run.endedAt(), run.endedBy(), What.ENDED, null, run.state() + joinedPrefix(run.endReason())));
        }
        // Moments recorded in the same millisecond keep the order in which a run goes.
        entries.sort(Comparator.comparing(TimelineEntry::at)
                .thenComparing(entry -> entry.what().ordinal())
                .thenComparing(entry -> entry.step() == null ? 0 : entry.step()));
        return entries;
    }

    private static String joined(String note, String output) {
        if (note == null || note.isBlank()) {
            return output;
        }
        return output == null || output.isBlank() ? note : note + "\n" + output;
    }

    private static String joinedPrefix(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
