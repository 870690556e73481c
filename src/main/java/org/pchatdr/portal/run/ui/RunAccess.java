package org.pchatdr.portal.run.ui;

import java.time.Instant;
import java.util.Optional;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.run.RunAction;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunView;

/**
 * What the signed-in user may do on the run shown: the service's rulebook answer ({@link
 * RunView#actions()}), read and never second-guessed, so that the page offers exactly the actions the
 * service would take and names them as the REST API does.
 */
record RunAccess(RunView run, String me, Instant now) {

    /** The step to carry out next: the first one not done or skipped, while the run is in progress. */
    Optional<RunView.Step> stepInTurn() {
        if (run.state() != RunState.IN_PROGRESS) {
            return Optional.empty();
        }
        return run.steps().stream().filter(step -> !step.state().isFinished()).findFirst();
    }

    boolean may(RunAction action) {
        return run.actions().contains(action.path());
    }

    boolean may(RunAction action, int step) {
        return run.actions().contains(action.name(step));
    }

    /** Approve or reject: the rulebook gives both under the same rules. */
    boolean mayDecide() {
        return may(RunAction.APPROVE);
    }

    /** Withdraw {@code decision}: one may withdraw, and this decision is the one in force of theirs. */
    boolean mayWithdraw(Approval decision) {
        return may(RunAction.WITHDRAW)
                && decision.approver().equals(me)
                && decision.withdrawable()
                && (decision.countsAt(now) || decision.isStandingRejection());
    }
}
