package org.pchatdr.portal.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.pchatdr.portal.run.internal.ActiveRunRepository;
import org.pchatdr.portal.run.internal.RunRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16: the runs' meters on {@code /actuator/prometheus}. The gauges read the shared database at
 * each scrape (two counts by key), so every instance reports the same figures whichever one the
 * scraper reaches; the transition counter is this instance's, counted once its transaction committed.
 */
@Component
class RunMetrics implements MeterBinder {

    private final ActiveRunRepository activeRuns;
    private final RunRepository runs;
    private final TransactionTemplate reading;
    private MeterRegistry registry;

    RunMetrics(ActiveRunRepository activeRuns, RunRepository runs, PlatformTransactionManager transactions) {
        this.activeRuns = activeRuns;
        this.runs = runs;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("portal.runs.active", () -> count(activeRuns::count))
                .description("Runs that hold a pool (approved or in progress), across every instance")
                .register(registry);
        Gauge.builder("portal.approvals.waiting", () -> count(() -> runs.countByState(RunState.REQUESTED)))
                .tag("subject", "run")
                .description("Requested runs waiting for their approvals")
                .register(registry);
    }

    /** Only committed transitions count: a refused or rolled-back one never happened. */
    @TransactionalEventListener
    void transitioned(RunEvent event) {
        if (registry != null) {
            Counter.builder("portal.run.transitions")
                    .tag("kind", event.transition().name())
                    .description("Run transitions committed by this instance, by kind")
                    .register(registry)
                    .increment();
        }
    }

    /** NaN (no sample) while the database does not answer, rather than a failed scrape. */
    private double count(java.util.function.LongSupplier query) {
        try {
            Long value = reading.execute(status -> query.getAsLong());
            return value == null ? Double.NaN : value;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
