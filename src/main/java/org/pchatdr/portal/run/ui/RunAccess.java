package org.pchatdr.portal.run.ui;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.StepState;

/**
 * What the signed-in user may do on the run shown, so that the page offers only those actions. The
 * service checks the same rules again and has the last word; these mirror them for display only.
 */
final class RunAccess {

    private final RunView run;
    private final String me;
    private final boolean operator;
    private final boolean approver;
    private final Instant now;

    RunAccess(RunView run, String me, boolean operator, boolean approver, Instant now) {
        this.run = run;
        this.me = me;
        this.operator = operator;
        this.approver = approver;
        this.now = now;
    }

    /** The step to carry out next: the first one not done or skipped, while the run is in progress. */
    Optional<RunView.Step> stepInTurn() {
        if (run.state() != RunState.IN_PROGRESS) {
            return Optional.empty();
        }
        return run.steps().stream().filter(step -> !step.state().isFinished()).findFirst();
    }

    /** Approve or reject: an approver who did not request the run and has no standing decision on it. */
    boolean mayDecide() {
        return approver
                && (run.state() == RunState.REQUESTED || run.state() == RunState.APPROVED)
                && !me.equals(run.requestedBy())
                && !hasStandingDecision();
    }

    /** One's own decision, while the run has not gone ahead on it. */
    boolean mayWithdraw(Approval decision) {
        return approver
                && !run.state().isFinished()
                && decision.approver().equals(me)
                && decision.withdrawable()
                && (decision.countsAt(now) || decision.isStandingRejection());
    }

    boolean mayStart() {
        return operator && run.state() == RunState.APPROVED && !approvedItAndMayNotExecute();
    }

    boolean mayEmergencyStart() {
        return operator && run.kind() == RunKind.DISASTER && run.state() == RunState.REQUESTED;
    }

    /** Ratify an owed emergency start, finished runs included: ratification usually comes afterwards. */
    boolean mayRatify() {
        RunView.Emergency emergency = run.emergency();
        return approver
                && emergency != null
                && emergency.owed()
                && !me.equals(run.requestedBy())
                && !me.equals(emergency.declaredBy())
                && !hasStandingDecision();
    }

    boolean mayAbort() {
        return operator && !run.state().isFinished();
    }

    /** Carry out the steps, fail the run and record the data loss: an operator the policy lets execute. */
    boolean mayExecute() {
        return operator && run.state() == RunState.IN_PROGRESS && !approvedItAndMayNotExecute();
    }

    boolean mayRecordDataLoss() {
        return mayExecute() && gateOpen();
    }

    boolean mayAcceptDataLoss() {
        RunView.DataLoss gate = run.dataLoss();
        return approver
                && run.state() == RunState.IN_PROGRESS
                && gateOpen()
                && gate.recordedAt() != null
                && gate.acceptedAt() == null
                && !me.equals(gate.recordedBy())
                && !me.equals(run.requestedBy());
    }

    boolean mayAllowSkip(RunView.Step step) {
        return approver
                && step.skipRequestedBy() != null
                && !step.state().isFinished()
                && !me.equals(step.skipRequestedBy())
                && !me.equals(run.requestedBy())
                && stepInTurn().filter(turn -> turn.number() == step.number()).isPresent();
    }

    /** The gate still matters: it exists, is not waived, and its step has not started. */
    private boolean gateOpen() {
        RunView.DataLoss gate = run.dataLoss();
        return gate != null
                && !gate.waived()
                && run.steps().stream()
                        .anyMatch(step -> step.number() == gate.gateStep() && step.state() == StepState.NOT_STARTED);
    }

    private boolean hasStandingDecision() {
        return mine(decision -> decision.countsAt(now) || decision.isStandingRejection());
    }

    private boolean approvedItAndMayNotExecute() {
        return !run.approvals().executorMayApprove()
                && mine(decision -> decision.decision() == Approval.Decision.APPROVED && !decision.isWithdrawn());
    }

    private boolean mine(Predicate<Approval> which) {
        return run.approvals().decisions().stream()
                .anyMatch(decision -> decision.approver().equals(me) && which.test(decision));
    }
}
