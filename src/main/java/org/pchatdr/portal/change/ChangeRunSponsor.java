package org.pchatdr.portal.change;

import java.util.Optional;
import org.pchatdr.portal.run.RunEvent;
import org.pchatdr.portal.run.RunSponsor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Change control as the run module sees it (issue 13): a change request stands behind the
 * configuration runs its implementation created. Their approval is the change's, each step waits
 * for the change's window (C-11), and when one ends the change's next run for that pool is created.
 */
@Component
class ChangeRunSponsor implements RunSponsor {

    private final ChangeService changes;

    ChangeRunSponsor(ChangeService changes) {
        this.changes = changes;
    }

    @Override
    public Optional<Sponsorship> sponsorship(long runId) {
        return changes.runSponsorship(runId);
    }

    @Override
    public void beforeStep(long runId, int number) {
        changes.checkRunStep(runId, number);
    }

    /** Once a run's end is committed its pool is free: the change's next run waiting for it is created. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onRunEnded(RunEvent event) {
        switch (event.transition()) {
            case RUN_COMPLETED, RUN_ABORTED, RUN_FAILED -> {
                // The ended run's connection is still held here, after its commit: this read uses
                // it, and only a run a change stands behind goes on to the change's transaction of
                // its own (a second connection). Taking one for every run that ended made as many
                // runs ending at once as the pool has connections wait on each other until the
                // pool's timeout (bench/runs.sh: 50 runs end together at each round).
                if (changes.runSponsorship(event.runId()).isPresent()) {
                    changes.runEnded(event.runId());
                }
            }
            default -> {}
        }
    }
}
