package org.pchatdr.portal.base;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.Environment;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Issue 16: the database is opened and migrated on the thread that builds Hibernate's metamodel, not
 * on the main thread (bench/README, "Where the start goes": opening the embedded database and Flyway's
 * validation of every applied migration held the main thread for seconds while the other core was
 * idle). Spring makes the entity manager factory before the other singletons (it is
 * {@code LoadTimeWeaverAware}), so this work overlaps the web, security and actuator set-up.
 *
 * <p>Nothing is given up: Spring waits for the entity manager factory before the web server starts,
 * so a migration that fails or a schema that does not match the entities still stops the start, and
 * nothing reaches the database before the migration has run (JPA waits for the entity manager
 * factory; plain JDBC serves only health checks and services called after the start).
 */
@Component
class DataLayerStart implements FlywayMigrationStrategy, FlywayConfigurationCustomizer, BeanPostProcessor {

    private final Environment environment;
    private Flyway pending;

    DataLayerStart(Environment environment) {
        this.environment = environment;
    }

    /**
     * Adds the folder of scripts only one vendor runs ({@code db/migration/h2}, {@code
     * db/migration/sqlserver}: stack.md) named from the configured URL. Spring Boot's own
     * {@code {vendor}} placeholder opens a connection on the main thread to ask the database its name.
     */
    @Override
    public void customize(FluentConfiguration configuration) {
        String url = environment.getProperty("spring.flyway.url", environment.getProperty("spring.datasource.url", ""));
        DatabaseDriver vendor = DatabaseDriver.fromJdbcUrl(url);
        if (vendor != DatabaseDriver.UNKNOWN) {
            List<Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
            locations.add(new Location("classpath:db/migration/" + vendor.getId()));
            configuration.locations(locations.toArray(Location[]::new));
        }
    }

    /** Flyway's initializer hands its {@link Flyway} over instead of migrating on the main thread. */
    @Override
    public synchronized void migrate(Flyway flyway) {
        pending = flyway;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof LocalContainerEntityManagerFactoryBean factory) {
            AsyncTaskExecutor background = factory.getBootstrapExecutor();
            if (background == null) {
                // Built on the main thread (the tests' eager repositories): migrate first, here.
                runPendingMigration();
            } else {
                factory.setBootstrapExecutor(new MigrateFirst(background, this));
            }
        }
        return bean;
    }

    synchronized void runPendingMigration() {
        if (pending != null) {
            Flyway flyway = pending;
            pending = null;
            flyway.migrate();
        }
    }

    /**
     * Runs the migration at the head of the entity manager factory's build (Spring submits that build
     * as one {@link Callable}), so that a failed migration fails the build and with it the start.
     */
    private record MigrateFirst(AsyncTaskExecutor delegate, DataLayerStart start) implements AsyncTaskExecutor {

        @Override
        public void execute(Runnable task) {
            submit(Executors.callable(task));
        }

        @Override
        public Future<?> submit(Runnable task) {
            return submit(Executors.callable(task));
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return delegate.submit(() -> {
                start.runPendingMigration();
                return task.call();
            });
        }
    }
}
