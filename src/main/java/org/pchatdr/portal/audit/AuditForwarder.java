package org.pchatdr.portal.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pchatdr.portal.audit.internal.AuditRecordRepository;
import org.pchatdr.portal.audit.internal.ForwarderState;
import org.pchatdr.portal.audit.internal.ForwarderStateRepository;
import org.pchatdr.portal.audit.internal.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16, decision 022: sends the outbox to the collector, oldest first. Every instance runs it on
 * a thread of its own (a slow collector must not hold up the sweeps); a round row-locks the shared
 * {@code audit_forwarder} row, so one instance sends at a time and the records go out in sequence
 * order, sends a batch and deletes its outbox rows in the same transaction. A failure keeps the rows
 * and sets the back-off for every instance; the same batch is sent again later (at-least-once: the
 * collector may see a record twice, never a gap).
 *
 * <p>The portal's own job: it acts for nobody and only passes on what is already on the trail, so
 * it declares no role.
 */
@Component
class AuditForwarder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditForwarder.class);

    private final AuditForwardSettings settings;
    private final OutboxRepository outbox;
    private final ForwarderStateRepository states;
    private final AuditRecordRepository records;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Counter sent;
    private final Counter failures;
    private final AuditTransport transport;
    private ScheduledExecutorService executor;

    AuditForwarder(
            AuditForwardSettings settings,
            OutboxRepository outbox,
            ForwarderStateRepository states,
            AuditRecordRepository records,
            PlatformTransactionManager transactions,
            Clock clock,
            MeterRegistry meters) {
        this.settings = settings;
        this.outbox = outbox;
        this.states = states;
        this.records = records;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.sent = Counter.builder("portal.audit.forward.sent")
                .description("Audit records this instance sent to the collector (a resent one counts again)")
                .register(meters);
        this.failures = Counter.builder("portal.audit.forward.failures")
                .description("Attempts of this instance to reach the collector that failed")
                .register(meters);
        // A wrong address or trust store stops the start, rather than losing the trail's copy quietly.
        this.transport = settings.enabled() ? AuditTransport.of(settings) : null;
    }

    /**
     * One round: the oldest batch, sent and removed from the outbox, unless the back-off of an
     * earlier failure has not passed or another instance is sending. Returns how many were sent.
     */
    int forward() {
        if (transport == null) {
            return 0;
        }
        try {
            Integer count = transaction.execute(status -> {
                ForwarderState state =
                        states.lock().orElseThrow(() -> new IllegalStateException("audit_forwarder row missing"));
                Instant now = clock.instant();
                if (!state.isDue(now)) {
                    return 0;
                }
                List<Long> due = outbox.oldest(Limit.of(settings.batchSize()));
                if (due.isEmpty()) {
                    return 0;
                }
                List<AuditEntry> entries = records.findBySeqInOrderBySeqAsc(due).stream()
                        .map(AuditService::entry)
                        .toList();
                try {
                    transport.send(entries);
                } catch (IOException | RuntimeException e) {
                    failures.increment();
                    Instant retry = now.plus(settings.backoff(state.getFailures() + 1));
                    state.failed(describe(e), retry);
                    log.warn(
                            "Audit forwarding to {} failed ({} records waiting from sequence {}), next try at {}: {}",
                            settings.url(),
                            due.size(),
                            due.getFirst(),
                            retry,
                            describe(e));
                    return 0;
                }
                outbox.deleteAllByIdInBatch(due);
                state.sent(entries.getLast().seq(), now);
                sent.increment(entries.size());
                return entries.size();
            });
            return count == null ? 0 : count;
        } catch (DataAccessException e) {
            // Most often another instance holding the row past the lock timeout: it is sending.
            log.debug("Audit forwarding round skipped", e);
            return 0;
        }
    }

    private void forwardAll() {
        try {
            while (forward() == settings.batchSize()) {
                // A full batch: more may wait, send on without waiting for the next round.
            }
        } catch (RuntimeException e) {
            log.warn("Audit forwarding round failed", e);
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void start() {
        if (transport == null || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("audit-forwarder").daemon(true).factory());
        long every = settings.interval().toMillis();
        executor.scheduleWithFixedDelay(this::forwardAll, every, every, TimeUnit.MILLISECONDS);
        log.info("Audit forwarding to {} every {}", settings.url(), settings.interval());
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
