package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the outside probe of issue 11 sent, over real HTTP: cross-site form posts riding on a
 * browser's credentials, answers the client cannot accept, malformed numbers and control
 * characters, and forged sign-in forms (decision 015).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsIT {

    private static final String OPERATOR = "hostile-operator";
    private static final String APPROVER = "hostile-approver";
    private static final String EVIL = "https://evil.example";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    PortalHttp http;

    @BeforeEach
    void accounts() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.ensure(OPERATOR, Role.OPERATOR);
        accounts.ensure(APPROVER, Role.APPROVER);
        http = new PortalHttp(port);
    }

    @Test
    void aPageOfAnotherSiteCannotCreateATopologyWithTheBrowsersCredentials() {
        String before = topologies();

        // What a hidden <form enctype="text/plain" method="post"> on another site sends, with the
        // Basic credentials the browser cached.
        HttpResponse<String> response = http.request(
                "POST",
                "/api/v1/topologies",
                OPERATOR,
                TestAccounts.PASSWORD,
                uniqueTopology("cross-site"),
                "Content-Type",
                "text/plain",
                "Origin",
                EVIL,
                "Sec-Fetch-Site",
                "cross-site");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("{\"error\":\"cross_site\"");
        assertThat(topologies()).isEqualTo(before);
    }

    @Test
    void aCrossSiteRequestIsRefusedWhicheverHeaderGivesItAway() {
        assertThat(http.request(
                                "POST",
                                "/api/v1/topologies/1/versions/1/publish",
                                APPROVER,
                                TestAccounts.PASSWORD,
                                null,
                                "Content-Type",
                                "application/json",
                                "Sec-Fetch-Site",
                                "cross-site")
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.request(
                                "POST",
                                "/api/v1/topologies/1/versions/1/publish",
                                APPROVER,
                                TestAccounts.PASSWORD,
                                null,
                                "Content-Type",
                                "application/json",
                                "Origin",
                                "null")
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.request("GET", "/api/v1/me", APPROVER, TestAccounts.PASSWORD, null, "Origin", EVIL)
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.request(
                                "GET",
                                "/api/v1/me",
                                APPROVER,
                                TestAccounts.PASSWORD,
                                null,
                                "Origin",
                                http.base(),
                                "Sec-Fetch-Site",
                                "same-origin")
                        .statusCode())
                .as("the portal's own pages")
                .isEqualTo(200);
    }

    @Test
    void everyStateChangingCallMustSayJsonEvenWithoutABody() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data"}) {
            HttpResponse<String> response = http.request(
                    "POST",
                    "/api/v1/topologies/1/versions/1/publish",
                    APPROVER,
                    TestAccounts.PASSWORD,
                    null,
                    "Content-Type",
                    type);
            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(response.body()).startsWith("{\"error\":\"unsupported_media_type\"");
        }
        HttpResponse<String> none =
                http.request("POST", "/api/v1/topologies/1/versions/1/publish", APPROVER, TestAccounts.PASSWORD, null);
        assertThat(none.statusCode()).as("no Content-Type").isEqualTo(415);
        HttpResponse<String> json =
                http.post("/api/v1/topologies/999999/versions/1/publish", APPROVER, TestAccounts.PASSWORD);
        assertThat(json.statusCode()).as("application/json reaches the service").isEqualTo(404);
    }

    @Test
    void theApiNoLongerAsksBrowsersForBasicCredentials() {
        HttpResponse<String> response = http.get("/api/v1/me", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(response.body()).startsWith("{\"error\":\"unauthorized\"");
    }

    @Test
    void aClientThatAcceptsNoJsonGets406AndNothingIsStored() {
        String before = topologies();

        HttpResponse<String> response = http.request(
                "POST",
                "/api/v1/topologies",
                OPERATOR,
                TestAccounts.PASSWORD,
                uniqueTopology("not-acceptable"),
                "Content-Type",
                "application/json",
                "Accept",
                "text/html");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).startsWith("{\"error\":\"not_acceptable\"");
        assertThat(topologies()).isEqualTo(before);
        assertThat(http.request(
                                "POST",
                                "/api/v1/topologies",
                                OPERATOR,
                                TestAccounts.PASSWORD,
                                uniqueTopology("acceptable"),
                                "Content-Type",
                                "application/json",
                                "Accept",
                                "text/html, application/json;q=0.5")
                        .statusCode())
                .as("JSON among the accepted types")
                .isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /api/v1/runs/abc, 404",
        "GET, /api/v1/runs/99999999999999999999, 404",
        "GET, /api/v1/runs?page=1.5, 400",
        "GET, /api/v1/runs?size=2147483648, 400",
        "GET, /api/v1/topologies?page=x, 400",
        "POST, /api/v1/runs/1/steps/2147483648/start, 404",
        "GET, /api/v1/runs/%1B%5B31mred, 404",
        "GET, /api/v1/runs?page=%1B%5B2J%00, 400",
        "GET, /api/v1/runs?pool=%C3%28&page=%FF, 400"
    })
    void malformedNumbersAreRefusedInJsonAndLoggedInOneEscapedLine(
            String method, String path, int status, CapturedOutput output) {
        int logBefore = output.getOut().length();

        HttpResponse<String> response = "POST".equals(method)
                ? http.post(path, OPERATOR, TestAccounts.PASSWORD)
                : http.get(path, OPERATOR, TestAccounts.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("Exception");
        String logged = output.getOut().substring(logBefore) + output.getErr();
        assertThat(logged)
                .doesNotContain("\u001b")
                .doesNotContain("\u0000")
                .doesNotContain("\tat ")
                .doesNotContain("REST call");
    }

    @Test
    void theSignInFormRefusesAPostWithoutItsCsrfToken() {
        http.get("/login", null, null);

        HttpResponse<String> response = http.postSignInForm(
                "username=" + OPERATOR + "&password=" + TestAccounts.PASSWORD, "Origin", http.base());

        assertThat(response.statusCode()).isIn(302, 403);
        assertThat(response.headers().firstValue("Location").orElse("/login")).contains("/login");
        assertThat(http.get("/", null, null).statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void theSignInFormRefusesAPostFromAnotherSite() {
        HttpResponse<String> refused = http.signInThroughForm(OPERATOR, TestAccounts.PASSWORD, "Origin", EVIL);
        HttpResponse<String> noOrigin =
                new PortalHttp(port).signInThroughForm(OPERATOR, TestAccounts.PASSWORD, "X-None", "1");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(noOrigin.statusCode()).as("no Origin").isEqualTo(403);
        assertThat(http.get("/", null, null).statusCode()).as("not signed in").isEqualTo(302);
        assertThat(http.signInThroughForm(OPERATOR, TestAccounts.PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    @Test
    void pagesCarryAContentSecurityPolicyThatAllowsOnlyThePortalItself() {
        HttpResponse<String> response = http.get("/login", null, null);

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .startsWith("default-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .contains("form-action 'self'"));
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .as("plain HTTP: no HSTS")
                .isEmpty();
    }

    private String topologies() {
        return http.get("/api/v1/topologies?size=1000", OPERATOR, TestAccounts.PASSWORD)
                .body();
    }

    private static String uniqueTopology(String purpose) {
        return Contoso.textWith(
                "\"name\": \"Contoso production\"", "\"name\": \"Contoso " + purpose + " " + System.nanoTime() + "\"");
    }
}
