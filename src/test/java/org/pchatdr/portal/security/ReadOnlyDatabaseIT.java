package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fail closed, against a real database that stops accepting writes: the portal runs as a database
 * user whose write rights the database owner takes away while it runs (as a full disk, a database
 * set read-only or a revoked grant would). Sign-ins are refused, readiness is DOWN, writes answer
 * 503 with the reason (decision 015).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadOnlyDatabaseIT {

    /** The portal's URL: the database settings are the owner's to make (H2 wants admin rights). */
    private static final String URL = "jdbc:h2:mem:read-only-" + UUID.randomUUID();

    private static final String APP_USER = "portal_app";
    private static final String APP_PASSWORD = "app-pass-1";
    private static final String USER = "ro-operator";
    private static final String WRONG = "not-the-password";

    /** The database owner: migrates the schema, and grants and revokes the portal's rights. */
    private static Connection owner;

    @DynamicPropertySource
    static void portalRunsWithoutOwnership(DynamicPropertyRegistry registry) throws SQLException {
        owner = DriverManager.getConnection(
                URL + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        try (Statement statement = owner.createStatement()) {
            statement.execute("CREATE USER " + APP_USER + " PASSWORD '" + APP_PASSWORD + "'");
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + APP_USER);
        }
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> APP_USER);
        registry.add("spring.datasource.password", () -> APP_PASSWORD);
        registry.add("spring.flyway.user", () -> "sa");
        registry.add("spring.flyway.password", () -> "");
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    PortalHttp http;

    @BeforeEach
    void writableAtFirst() {
        new TestAccounts(userAccounts).ensure(USER, Role.OPERATOR);
        http = new PortalHttp(port);
        assertThat(http.get("/actuator/health/readiness", null, null).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/me", USER, TestAccounts.PASSWORD).statusCode())
                .isEqualTo(200);
    }

    @AfterEach
    void writableAgain() throws SQLException {
        owner("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + APP_USER);
    }

    @Test
    void whenTheDatabaseRefusesWritesNoSignInGetsThroughAndReadinessIsDown() throws SQLException {
        owner("REVOKE INSERT, UPDATE, DELETE ON SCHEMA PUBLIC FROM " + APP_USER);

        for (int i = 0; i < 12; i++) {
            assertThat(http.get("/api/v1/me", USER, WRONG).statusCode()).isIn(401, 503);
        }
        HttpResponse<String> right = http.get("/api/v1/me", USER, TestAccounts.PASSWORD);
        assertThat(right.statusCode()).as("the right password, unrecorded").isEqualTo(503);
        assertThat(right.body()).startsWith("{\"error\":\"database_unavailable\"");
        assertThat(http.signInThroughForm(USER, TestAccounts.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));

        HttpResponse<String> readiness = http.get("/actuator/health/readiness", null, null);
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        assertThat(http.get("/actuator/health/liveness", null, null).statusCode())
                .as("the process itself is fine: do not restart it")
                .isEqualTo(200);
    }

    @Test
    void aWriteTheDatabaseRefusesAnswers503WithTheReasonAndStoresNothing() throws SQLException {
        String before = http.get("/api/v1/topologies?size=1000", USER, TestAccounts.PASSWORD)
                .body();
        owner("REVOKE INSERT, UPDATE, DELETE ON SCHEMA PUBLIC FROM " + APP_USER);
        // Only the sign-in attempts may still be written, so that the request reaches the service.
        owner("GRANT INSERT, DELETE ON sign_in_failure TO " + APP_USER);

        HttpResponse<String> response = http.request(
                "POST",
                "/api/v1/topologies",
                USER,
                TestAccounts.PASSWORD,
                Contoso.text(),
                "Content-Type",
                "application/json");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body())
                .startsWith("{\"error\":\"database_unavailable\"")
                .contains("nothing was changed");
        owner("REVOKE INSERT, DELETE ON sign_in_failure FROM " + APP_USER);
        owner("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + APP_USER);
        assertThat(http.get("/api/v1/topologies?size=1000", USER, TestAccounts.PASSWORD)
                        .body())
                .isEqualTo(before);
    }

    private static void owner(String sql) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }
}
