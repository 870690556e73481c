package org.pchatdr.portal.base;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Issue 16: readiness needs the schema this portal's code was built for. DOWN while one of its
 * migrations is pending or recorded as failed (a migration that broke half-way and was marked so, a
 * start with Flyway turned off): such an instance must not take work.
 */
@Component("migrations")
class MigrationsHealth implements HealthIndicator {

    private final Flyway flyway;

    /**
     * Once every migration was seen applied the answer stays: the portal never undoes one, and asking
     * Flyway at every probe reads its history table and logs its database-version warning each time.
     */
    private volatile Health applied;

    MigrationsHealth(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        Health known = applied;
        if (known != null) {
            return known;
        }
        try {
            var info = flyway.info();
            MigrationInfo current = info.current();
            long pending = info.pending().length;
            long failed = Arrays.stream(info.all())
                    .filter(migration -> migration.getState().isFailed())
                    .count();
            boolean ready = pending == 0 && failed == 0;
            Health result = (ready ? Health.up() : Health.down())
                    .withDetail(
                            "version",
                            current == null ? "none" : current.getVersion().toString())
                    .withDetail("pending", pending)
                    .withDetail("failed", failed)
                    .build();
            if (ready) {
                applied = result;
            }
            return result;
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("reason", e.getClass().getSimpleName())
                    .build();
        }
    }
}
