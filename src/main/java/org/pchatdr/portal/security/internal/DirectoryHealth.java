package org.pchatdr.portal.security.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code directory} in /actuator/health (issue 15): whether the service account can connect. Not
 * part of readiness: local accounts (the break-glass administrator) sign in without it. UNKNOWN
 * when no directory is configured, which leaves the overall status alone.
 */
@Component("directory")
record DirectoryHealth(Directory directory) implements HealthIndicator {

    @Override
    public Health health() {
        if (!directory.enabled()) {
            return Health.unknown().withDetail("configured", false).build();
        }
        try {
            directory.check();
            return Health.up().withDetail("url", directory.url()).build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("url", directory.url())
                    .withDetail("reason", e.getClass().getSimpleName())
                    .build();
        }
    }
}
