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
                run.getSteps().stream().map(step -> step.view(now)).toList();
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
                run.emergency(now),
                run.dataLoss(),
                RunRulebook.judge(run, reader, decided, now).allowed(),
                RunRulebook.waitingFor(run, decided, now));
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
}
