package org.pchatdr.portal.base;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Issue 16: readiness needs a schema this portal's code was built for. DOWN while a migration is
 * pending or failed, which happens on an instance whose newer sibling has not finished migrating, or
 * after a migration broke half-way: such an instance must not take work.
 */
@Component("migrations")
class MigrationsHealth implements HealthIndicator {

    private final Flyway flyway;

    MigrationsHealth(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        try {
            var info = flyway.info();
            MigrationInfo current = info.current();
            long pending = info.pending().length;
            long failed = Arrays.stream(info.all())
                    .filter(migration -> migration.getState().isFailed())
                    .count();
            Health.Builder health = pending == 0 && failed == 0 ? Health.up() : Health.down();
            return health.withDetail(
                            "version",
                            current == null ? "none" : current.getVersion().toString())
                    .withDetail("pending", pending)
                    .withDetail("failed", failed)
                    .build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("reason", e.getClass().getSimpleName())
                    .build();
        }
    }
}
