package org.pchatdr.portal.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.pchatdr.portal.audit.internal.ForwarderStateRepository;
import org.pchatdr.portal.audit.internal.OutboxRepository;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16: how far the collector is behind, read from the shared outbox so every instance tells
 * the same: the count of unsent records and the age of the oldest, as meters and as the
 * {@code auditForwarding} health component (DOWN once the oldest is older than {@code lag-alert}).
 * Not part of readiness: a collector that is down must not take the portal out of the load balancer.
 */
@Component("auditForwarding")
class AuditForwardingLag implements HealthIndicator, MeterBinder {

    private final AuditForwardSettings settings;
    private final OutboxRepository outbox;
    private final ForwarderStateRepository states;
    private final TransactionTemplate reading;
    private final Clock clock;

    AuditForwardingLag(
            AuditForwardSettings settings,
            OutboxRepository outbox,
            ForwarderStateRepository states,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.states = states;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.clock = clock;
    }

    /** The age of the oldest unsent record; zero when nothing waits. */
    Duration oldestAge() {
        Optional<Instant> oldest = reading.execute(status -> outbox.oldestCreatedAt());
        return oldest == null || oldest.isEmpty() ? Duration.ZERO : Duration.between(oldest.get(), clock.instant());
    }

    long pending() {
        Long count = reading.execute(status -> outbox.count());
        return count == null ? 0 : count;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("portal.audit.forward.pending", () -> safely(this::pending))
                .description("Audit records written but not yet taken by the collector")
                .register(registry);
        Gauge.builder(
                        "portal.audit.forward.lag.seconds",
                        () -> safely(() -> oldestAge().toMillis() / 1000.0))
                .description("Age of the oldest audit record not yet taken by the collector")
                .register(registry);
    }

    @Override
    public Health health() {
        if (!settings.enabled()) {
            return Health.unknown().withDetail("configured", false).build();
        }
        Duration age = oldestAge();
        Health.Builder health = age.compareTo(settings.lagAlert()) > 0 ? Health.down() : Health.up();
        health.withDetail("pending", pending()).withDetail("oldestUnsentAge", age.toString());
        reading.execute(status -> states.read()).ifPresent(state -> {
            health.withDetail("lastSentSeq", state.getLastSentSeq());
            if (state.getFailures() > 0) {
                health.withDetail("failures", state.getFailures())
                        .withDetail("lastError", state.getLastError())
                        .withDetail("nextAttemptAt", String.valueOf(state.getNextAttemptAt()));
            }
        });
        return health.build();
    }

    private static double safely(java.util.function.DoubleSupplier value) {
        try {
            return value.getAsDouble();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
