package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every REST and actuator endpoint tried with every role and anonymously, over real HTTP. */
@IntegrationTest
class ApiAccessIT {

    private static final String ANONYMOUS = "anonymous";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    PortalHttp http;

    @BeforeEach
    void accountsForEveryRole() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        for (Role role : Role.values()) {
            accounts.ensure(userFor(role), role);
        }
        http = new PortalHttp(port);
    }

    /**
     * endpoint (a path to GET, "POST path", "DELETE path", or "PUT path" with an empty JSON object,
     * which changes nothing), then the status for OPERATOR, APPROVER, AUDITOR, MANAGER, ADMIN and
     * anonymous. Ids that do not exist (0) show who passes the service's check (404) and who is
     * stopped before (403).
     */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("/api/v1/me", 200, 200, 200, 200, 200, 401),
                Arguments.of("/api/v1/no-such-thing", 404, 404, 404, 404, 404, 401),
                Arguments.of("POST /api/v1/audit/verification", 403, 403, 200, 200, 200, 401),
                Arguments.of("/api/v1/approval-policies", 403, 403, 403, 403, 200, 401),
                Arguments.of("/api/v1/approval-policies/run:DRILL", 403, 403, 403, 403, 200, 401),
                Arguments.of("PUT /api/v1/approval-policies/run:DRILL", 403, 403, 403, 403, 200, 401),
                // Issue 11: every signed-in user manages their own tokens (no body here: 422).
                Arguments.of("/api/v1/me/tokens", 200, 200, 200, 200, 200, 401),
                Arguments.of("POST /api/v1/me/tokens", 422, 422, 422, 422, 422, 401),
                Arguments.of("DELETE /api/v1/me/tokens/0", 404, 404, 404, 404, 404, 401),
                Arguments.of("/actuator/health", 200, 200, 200, 200, 200, 200),
                Arguments.of("/actuator/info", 403, 403, 403, 403, 200, 401),
                Arguments.of("/actuator/metrics", 403, 403, 403, 403, 200, 401),
                // Issue 16: the scrape, for ADMIN (or the scrape token: MetricsAndHealthIT).
                Arguments.of("/actuator/prometheus", 403, 403, 403, 403, 200, 401),
                Arguments.of("/actuator/flyway", 403, 403, 403, 403, 200, 401),
                Arguments.of("/actuator/env", 403, 403, 403, 403, 404, 401),
                // Issue 14: the MANAGER reads everything, signs off, exports evidence; changes and executes nothing.
                Arguments.of("/api/v1/audit/events", 403, 403, 200, 200, 200, 401),
                Arguments.of("/api/v1/audit/events/export?format=NDJSON&action=NONE", 403, 403, 200, 200, 200, 401),
                Arguments.of("POST /api/v1/audit/checkpoints", 403, 403, 200, 200, 200, 401),
                Arguments.of("/api/v1/runs/0/evidence", 403, 403, 404, 404, 404, 401),
                Arguments.of("/api/v1/change-requests/0/evidence", 403, 403, 404, 404, 404, 401),
                Arguments.of("/api/v1/evidence/public-key", 200, 200, 200, 200, 200, 401),
                Arguments.of("/api/v1/topologies", 200, 200, 200, 200, 200, 401),
                Arguments.of("/api/v1/runs", 200, 200, 200, 200, 200, 401),
                Arguments.of("/api/v1/change-requests", 200, 200, 200, 200, 200, 401),
                Arguments.of("/api/v1/users", 403, 403, 403, 403, 200, 401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyRoleGetsWhatItMayHave(
            String path, int operator, int approver, int auditor, int manager, int admin, int anonymous) {
        // The whole row at once, so that a failure shows every role's answer.
        assertThat(List.of(
                        status(path, Role.OPERATOR),
                        status(path, Role.APPROVER),
                        status(path, Role.AUDITOR),
                        status(path, Role.MANAGER),
                        status(path, Role.ADMIN),
                        status(path, null)))
                .as("OPERATOR, APPROVER, AUDITOR, MANAGER, ADMIN, " + ANONYMOUS)
                .containsExactly(operator, approver, auditor, manager, admin, anonymous);
    }

    @Test
    void meTellsWhoTheCredentialsBelongTo() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.ensure("multi", Role.OPERATOR, Role.APPROVER);

        HttpResponse<String> response = http.get("/api/v1/me", "multi", TestAccounts.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"username\":\"multi\",\"roles\":[\"APPROVER\",\"OPERATOR\"]}");
    }

    @Test
    void errorsAreJsonWithoutStackTraces() {
        HttpResponse<String> unauthorized = http.get("/api/v1/me", "nobody", "wrong-password-1");
        HttpResponse<String> forbidden = http.get("/actuator/metrics", userFor(Role.AUDITOR), TestAccounts.PASSWORD);
        HttpResponse<String> notFound = http.get("/api/v1/nothing", userFor(Role.OPERATOR), TestAccounts.PASSWORD);
        HttpResponse<String> wrongMethod = http.post("/api/v1/me", userFor(Role.OPERATOR), TestAccounts.PASSWORD);

        assertThat(unauthorized.body()).startsWith("{\"error\":\"unauthorized\",\"message\":\"");
        assertThat(unauthorized.headers().firstValue("WWW-Authenticate"))
                .as("no invitation to cache Basic credentials in a browser")
                .isEmpty();
        assertThat(forbidden.body()).startsWith("{\"error\":\"forbidden\",\"message\":\"");
        assertThat(notFound.body()).startsWith("{\"error\":\"not_found\",\"message\":\"");
        assertThat(wrongMethod.statusCode())
                .as("no CSRF token needed on the API")
                .isEqualTo(404);
        assertThat(wrongMethod.body()).startsWith("{\"error\":\"not_found\"");
        Stream.of(unauthorized, forbidden, notFound, wrongMethod).forEach(response -> {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        });
    }

    @Test
    void errorMessagesFollowTheRequestLanguage() {
        HttpResponse<String> response =
                http.get("/api/v1/me", "nobody", "wrong-password-1", "Accept-Language", "fr-FR");

        assertThat(response.body()).contains("Authentification requise");
    }

    @Test
    void accountWithATemporaryPasswordMayNotUseTheApi() {
        new TestAccounts(userAccounts).given("api-temporary", true, Role.OPERATOR);

        HttpResponse<String> response = http.get("/api/v1/me", "api-temporary", TestAccounts.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("{\"error\":\"password_change_required\"");
    }

    @Test
    void publicHealthIncludesTheDatabaseButNoDetails() {
        HttpResponse<String> response = http.get("/actuator/health", null, null);

        assertThat(response.body()).contains("\"db\":{\"status\":\"UP\"}").doesNotContain("H2");
    }

    @Test
    void userInterfaceAsksStrangersToSignIn() {
        HttpResponse<String> response = http.get("/admin/users", null, null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void pagesCarryTheUsualSecurityHeaders() {
        HttpResponse<String> response = http.get("/login", null, null);

        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(response.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie).contains("HttpOnly"));
    }

    @Test
    void signingInGivesANewSessionId() {
        http.get("/login", null, null);
        String before = http.sessionId();

        HttpResponse<String> response = http.signInThroughForm(userFor(Role.OPERATOR), TestAccounts.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(http.sessionId()).isNotNull().isNotEqualTo(before);
    }

    private int status(String endpoint, Role role) {
        String user = role == null ? null : userFor(role);
        if (endpoint.startsWith("PUT ")) {
            return http.put(endpoint.substring("PUT ".length()), user, TestAccounts.PASSWORD, "{}")
                    .statusCode();
        }
        if (endpoint.startsWith("DELETE ")) {
            return http.authorized(
                            "DELETE",
                            endpoint.substring("DELETE ".length()),
                            user == null ? null : PortalHttp.basic(user, TestAccounts.PASSWORD),
                            null)
                    .statusCode();
        }
        return endpoint.startsWith("POST ")
                ? http.post(endpoint.substring("POST ".length()), user, TestAccounts.PASSWORD)
                        .statusCode()
                : http.get(endpoint, user, TestAccounts.PASSWORD).statusCode();
    }

    private static String userFor(Role role) {
        return "api-" + role.name().toLowerCase();
    }
}
