package org.pchatdr.portal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/** Issue 16: the migration runs first on the entity manager factory's build, wherever that runs. */
class DataLayerStartTest {

    private static final String COMMON = "classpath:db/migration/common";

    @Test
    void addsTheVendorsFolderNamedFromTheUrlWithoutAConnection() {
        assertThat(locationsFor("jdbc:h2:file:./data/portal;MODE=MSSQLServer"))
                .containsExactly(COMMON, "classpath:db/migration/h2");
        assertThat(locationsFor("jdbc:sqlserver://sql1.contoso.com:1433;databaseName=portal"))
                .containsExactly(COMMON, "classpath:db/migration/sqlserver");
        assertThat(locationsFor("jdbc:nobody-knows:x")).containsExactly(COMMON);
    }

    @Test
    void aBackgroundBuildMigratesBeforeItBuilds() throws Exception {
        Flyway flyway = flyway(COMMON);
        DataLayerStart start = new DataLayerStart(new MockEnvironment());
        start.migrate(flyway);
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setBootstrapExecutor(new SimpleAsyncTaskExecutor());

        start.postProcessBeforeInitialization(factory, "entityManagerFactory");
        assertThat(flyway.info().pending())
                .as("nothing migrated on the calling thread")
                .isNotEmpty();
        Future<Integer> build =
                factory.getBootstrapExecutor().submit(() -> flyway.info().pending().length);

        assertThat(build.get()).as("pending migrations seen by the build").isZero();
    }

    @Test
    void aFailedMigrationFailsTheBuildAndSoTheStart() {
        DataLayerStart start = new DataLayerStart(new MockEnvironment());
        start.migrate(flyway("classpath:db/migration/nowhere"));
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setBootstrapExecutor(new SimpleAsyncTaskExecutor());
        start.postProcessBeforeInitialization(factory, "entityManagerFactory");

        Future<String> build = factory.getBootstrapExecutor().submit(() -> "built");

        assertThatThrownBy(build::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(FlywayException.class);
    }

    @Test
    void aBuildOnTheCallingThreadMigratesAtOnce() {
        Flyway flyway = flyway(COMMON);
        DataLayerStart start = new DataLayerStart(new MockEnvironment());
        start.migrate(flyway);

        start.postProcessBeforeInitialization(new LocalContainerEntityManagerFactoryBean(), "entityManagerFactory");

        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).isNotEmpty();
    }

    private static List<String> locationsFor(String url) {
        FluentConfiguration configuration = Flyway.configure().locations(COMMON);
        new DataLayerStart(new MockEnvironment().withProperty("spring.datasource.url", url)).customize(configuration);
        return Arrays.stream(configuration.getLocations())
                .map(Location::getDescriptor)
                .toList();
    }

    private static Flyway flyway(String location) {
        return Flyway.configure()
                .dataSource(
                        "jdbc:h2:mem:" + UUID.randomUUID()
                                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                        "sa",
                        "")
                .locations(location)
                .failOnMissingLocations(true)
                .load();
    }
}
