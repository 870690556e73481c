package org.pchatdr.portal.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pchatdr.portal.approval.ApprovalStatus;
import org.pchatdr.portal.approval.SubjectApprovals;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.run.internal.Run;
import org.pchatdr.portal.run.internal.RunRulebook;
import org.pchatdr.portal.run.internal.RunStep;

/**
 * How a run reads from outside: the mapping of the aggregate to {@link RunView} and {@link
 * RunSummary}, apart from the transitions that change it and the queries that find it.
 */
final class RunViews {

    private RunViews() {}

    /** The signed-in user and every role they hold, as the rulebook weighs them. */
    static RunRulebook.Actor reader() {
        return new RunRulebook.Actor(CurrentUser.actor(), CurrentUser.roles());
    }

    static RunSummary summary(Run run) {
        return new RunSummary(
                run.getId(),
                run.getVersion(),
                run.getKind(),
                run.getState(),
                run.getTopologyId(),
                run.getTopologyName(),
                run.getPool(),
                run.getProcedure(),
                run.getVariant(),
                run.getRequested().by(),
                run.getRequested().at(),
                Stamp.atOf(run.getEnded()),
                run.isRatificationOwed(),
                run.getRatifyBy());
    }

    /** The run as {@code reader} sees it at {@code now}: {@code actions} are the rulebook's answer for them. */
    static RunView view(Run run, SubjectApprovals decided, RunRulebook.Actor reader, Instant now) {
        ApprovalStatus status = decided.statusFor(Stamp.byOf(run.getStarted()), now);
        List<RunView.Step> steps =
                run.getSteps().stream().map(step -> step(step, now)).toList();
        return new RunView(
                run.getId(),
                run.getVersion(),
                run.getKind(),
                run.getState(),
                run.getTopologyId(),
                run.getTopologyName(),
                run.getTopologyVersion(),
                run.getPool(),
                run.getProcedure(),
                run.getVariant(),
                run.getProcedureSha256(),
                run.getReason(),
                run.getRequested().by(),
                run.getRequested().at(),
                run.getIncidentAt(),
                Stamp.byOf(run.getStarted()),
                Stamp.atOf(run.getStarted()),
                Stamp.byOf(run.getEnded()),
                Stamp.atOf(run.getEnded()),
                run.getEndReason(),
                run.getChanged().by(),
                run.getChanged().at(),
                steps,
                new RunView.Approvals(
                        status.required(),
                        status.valid().size(),
                        status.executorMayApprove(),
                        status.rejected(),
                        status.satisfied(),
                        status.decisions()),
                timings(run, now),
                emergency(run, now),
                dataLoss(run),
                RunRulebook.judge(run, reader, decided, now).allowed(),
                RunRulebook.waitingFor(run, decided, now));
    }

    private static RunView.Emergency emergency(Run run, Instant now) {
        if (run.getEmergencyAt() == null) {
            return null;
        }
        return new RunView.Emergency(
                run.getEmergencyBy(),
                run.getEmergencyAt(),
                run.getEmergencyReason(),
                run.getRatifyBy(),
                run.getRatifiedAt(),
                run.isRatificationOwed(),
                run.isRatificationOverdue(now));
    }

    private static RunView.DataLoss dataLoss(Run run) {
        if (run.getDataLossGateStep() == null) {
            return null;
        }
        Duration window = run.dataLossWindow();
        Long seconds = window == null ? null : window.toSeconds();
        Boolean within = seconds == null || run.getRpoTargetMinutes() == null
                ? null
                : seconds <= run.getRpoTargetMinutes() * 60L;
        return new RunView.DataLoss(
                run.getDataLossGateStep(),
                run.isDataLossGateWaived(),
                run.getRpoTargetMinutes(),
                run.getLastLogBackup(),
                run.getLastLogBackupAt(),
                run.getPrimaryLostAt(),
                seconds,
                within,
                run.getDataLossRecordedBy(),
                run.getDataLossRecordedAt(),
                run.getDataLossAcceptedBy(),
                run.getDataLossAcceptedAt(),
                run.getDataLossAcceptance());
    }

    static RunView.Timings timings(Run run, Instant now) {
        Instant from = run.getIncidentAt() != null ? run.getIncidentAt() : Stamp.atOf(run.getStarted());
        // The clock runs from the incident in every state that is not final: waiting for approval counts.
        boolean running = !run.getState().isFinished();
        if (from == null) {
            return new RunView.Timings(null, null, null, run.getRtoTargetMinutes(), null, false);
        }
        Instant until = running ? now : Stamp.atOf(run.getEnded());
        long elapsed = Math.max(0, Duration.between(from, until).toSeconds());
        Boolean within = run.getRtoTargetMinutes() == null ? null : elapsed <= run.getRtoTargetMinutes() * 60L;
        return new RunView.Timings(from, until, elapsed, run.getRtoTargetMinutes(), within, running);
    }

    static RunView.Step step(RunStep step, Instant now) {
        Long duration = null;
        if (step.getStarted() != null) {
            Instant until = step.getEnded() != null ? step.getEnded().at() : now;
            duration =
                    Math.max(0, Duration.between(step.getStarted().at(), until).toSeconds());
        }
        return new RunView.Step(
                step.getNumber(),
                step.getRuleId(),
                step.getTitle(),
                step.getState(),
                step.getAttempts(),
                Stamp.byOf(step.getStarted()),
                Stamp.atOf(step.getStarted()),
                Stamp.byOf(step.getEnded()),
                Stamp.atOf(step.getEnded()),
                duration,
                step.getNote(),
                step.getOutput(),
                step.getFailureReason(),
                Stamp.byOf(step.getSkipRequested()),
                Stamp.atOf(step.getSkipRequested()),
                step.getSkipReason(),
                step.getSkipApprovedBy());
    }
}
