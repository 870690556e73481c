package org.pchatdr.portal.base;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether the database accepts writes, proven by writing: one row of {@code db_write_probe} is
 * updated in a transaction that is then rolled back. A database that answers reads but refuses
 * writes (read-only, full, rights taken away) makes readiness DOWN, so that a load balancer stops
 * sending work, and makes the API answer 503 with the reason rather than 500.
 */
@Component("databaseWritable")
public class DatabaseWritability implements HealthIndicator {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    DatabaseWritability(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.transaction.setTimeout(5);
    }

    public boolean canWrite() {
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.update(
                        "UPDATE db_write_probe SET checked_at = ? WHERE id = 1", OffsetDateTime.now(ZoneOffset.UTC));
                status.setRollbackOnly();
            });
            return true;
        } catch (DataAccessException | TransactionException e) {
            return false;
        }
    }

    @Override
    public Health health() {
        return canWrite()
                ? Health.up().build()
                : Health.down().withDetail("reason", "database refuses writes").build();
    }
}
