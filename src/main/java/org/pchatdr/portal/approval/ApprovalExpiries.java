package org.pchatdr.portal.approval;

import java.time.Clock;
import org.pchatdr.portal.approval.internal.ApprovalRepository;
import org.pchatdr.portal.base.SystemActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts approvals that lapsed unused on the audit trail, once each: every portal instance sweeps,
 * and the row lock with the recorded flag makes the second one find nothing left to do. Listeners
 * of {@link ApprovalEvents.Expired} (a run waiting to start) react in the same transaction.
 *
 * <p>The portal's own job, run by the scheduler (tests call it to move time on): it acts for nobody and
 * only records what already happened, so it declares no role.
 */
@Component
public class ApprovalExpiries {

    private final ApprovalRepository approvals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ApprovalExpiries(
            ApprovalRepository approvals,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.approvals = approvals;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Records every lapse not recorded yet, each in its own transaction; returns how many. */
    @Scheduled(
            fixedDelayString = "${portal.sweep.interval-ms:60000}",
            initialDelayString = "${portal.sweep.interval-ms:60000}")
    public int sweep() {
        return SystemActor.call(this::recordLapses);
    }

    private int recordLapses() {
        var lapsed = transaction.execute(status -> approvals.lapsedUnrecorded(clock.instant()));
        int recorded = 0;
        for (Long id : lapsed) {
            Boolean done = transaction.execute(status -> approvals
                    .lock(id)
                    .filter(approval -> approval.markExpiryRecorded(clock.instant()))
                    .map(approval -> {
                        Approval view = approval.view();
                        events.publishEvent(
                                new ApprovalEvents.Expired(view.subject(), view.kind(), view.id(), view.approver()));
                        return true;
                    })
                    .orElse(false));
            recorded += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return recorded;
    }
}
