package org.pchatdr.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.SampleRun;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 16: {@code /actuator/prometheus} with the portal's own meters, and the health groups, over HTTP. */
@IntegrationTest
class MetricsAndHealthIT {

    static final String TOKEN = IntegrationTest.METRICS_TOKEN;
    private static final String PASSWORD = TestAccounts.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    PortalHttp http;

    @BeforeEach
    void accounts() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.ensure("metrics-admin", Role.ADMIN);
        accounts.ensure("metrics-operator", Role.OPERATOR);
        accounts.ensure("metrics-auditor", Role.AUDITOR);
        accounts.standingApprovers();
        http = new PortalHttp(port);
    }

    @Test
    void theScrapeTokenAndAdministratorsReadTheMetricsAndNobodyElse() {
        assertThat(scrape().statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", "metrics-admin", PASSWORD).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", "metrics-operator", PASSWORD)
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(http.authorized("GET", "/actuator/prometheus", "Bearer not-the-token", null)
                        .statusCode())
                .isEqualTo(401);
        // The token opens the scrape and nothing else.
        assertThat(http.authorized("GET", "/actuator/metrics", "Bearer " + TOKEN, null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.authorized("GET", "/api/v1/me", "Bearer " + TOKEN, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theScrapeCountsRunsTransitionsApprovalsAuditAppendsAndSignInFailures() {
        String before = scrape().body();
        double requested = value(before, "portal_run_transitions_total\\{kind=\"RUN_REQUESTED\"[^}]*\\}");
        double waiting = value(before, "portal_approvals_waiting\\{[^}]*subject=\"run\"[^}]*\\}");
        double appends = value(before, "portal_audit_append_seconds_count(\\{[^}]*\\})?");
        double failures = value(before, "portal_signin_failures_total\\{[^}]*channel=\"API\"[^}]*\\}");

        SampleRun.create(topologies, runs, "Metrics test drill");
        assertThat(http.get("/api/v1/me", "metrics-operator", "wrong password").statusCode())
                .isEqualTo(401);

        String after = scrape().body();
        assertThat(value(after, "portal_run_transitions_total\\{kind=\"RUN_REQUESTED\"[^}]*\\}"))
                .isEqualTo(requested + 1);
        assertThat(value(after, "portal_approvals_waiting\\{[^}]*subject=\"run\"[^}]*\\}"))
                .isEqualTo(waiting + 1);
        // Import, publish, request: three records at least.
        assertThat(value(after, "portal_audit_append_seconds_count(\\{[^}]*\\})?"))
                .isGreaterThanOrEqualTo(appends + 3);
        assertThat(value(after, "portal_signin_failures_total\\{[^}]*channel=\"API\"[^}]*\\}"))
                .isEqualTo(failures + 1);
        assertThat(after).containsPattern("(?m)^portal_runs_active(\\{[^}]*\\})? \\d");
    }

    @Test
    void theChainGaugeShowsTheLatestVerification() {
        assertThat(http.post("/api/v1/audit/verification", "metrics-auditor", PASSWORD)
                        .statusCode())
                .isEqualTo(200);

        assertThat(value(scrape().body(), "portal_audit_chain_intact(\\{[^}]*\\})?"))
                .isEqualTo(1.0);
    }

    @Test
    void readinessNeedsTheDatabaseItsMigrationsAndTheDirectoryOnlyWhenConfigured() {
        HttpResponse<String> readiness = http.get("/actuator/health/readiness", null, null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("\"status\":\"UP\"")
                .contains("\"db\"", "\"databaseWritable\"", "\"migrations\"")
                // No directory configured in tests: UNKNOWN, which leaves readiness UP.
                .containsPattern("\"directory\":\\{\"status\":\"UNKNOWN\"");
        HttpResponse<String> liveness = http.get("/actuator/health/liveness", null, null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"").doesNotContain("\"db\"");
    }

    private HttpResponse<String> scrape() {
        return http.authorized("GET", "/actuator/prometheus", "Bearer " + TOKEN, null);
    }

    /** The sample's value, 0 when the series does not exist yet (a counter never incremented). */
    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(matcher.groupCount())) : 0;
    }
}
