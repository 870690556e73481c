package org.pchatdr.portal.review.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.review.EndedRuns;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reviews over real HTTP: what waits on a manager, the 409 naming an undisposed exception, 403s. */
@IntegrationTest
class ReviewApiIT {

    private static final String MANAGER = "api-rev-frank";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    Clock clock;

    private final JsonMapper json = JsonMapper.builder().build();
    private PortalHttp http;
    private RunView run;

    @BeforeEach
    void anAbortedDrill() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.standingApprovers();
        accounts.ensure(MANAGER, Role.MANAGER);
        accounts.ensure(EndedRuns.EXECUTOR, Role.OPERATOR, Role.MANAGER);
        accounts.ensure("api-rev-auditor", Role.AUDITOR);
        http = new PortalHttp(port);
        run = new EndedRuns(topologies, runs, clock).abortedDrillWithRetriedStep();
        TestAccounts.signOut();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aManagerSeesTheEndedRunWaitingAndSignsItOffOnceEveryExceptionIsDisposed() {
        JsonNode waiting = body(http.get("/api/v1/reviews", MANAGER, TestAccounts.PASSWORD));
        java.util.List<Long> ids = new java.util.ArrayList<>();
        waiting.forEach(review -> ids.add(review.get("runId").asLong()));
        assertThat(ids).contains(run.id());

        HttpResponse<String> refused = decide(MANAGER, """
                {"decision": "SIGN_OFF", "comment": "fine"}""", "fr");
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode error = json.readTree(refused.body());
        assertThat(error.get("error").asString()).isEqualTo("review_exception_undisposed");
        assertThat(error.get("message").asString()).contains("STEP_RETRIED:1").contains("suite");

        HttpResponse<String> signed = decide(MANAGER, """
                {"decision": "SIGN_OFF", "comment": "fine",
                 "dispositions": [{"exception": "STEP_RETRIED:1", "note": "permissions fixed before the retry"}],
                 "findings": [{"title": "Document the permission", "owner": "api-rev-owner", "due": "2027-02-01"}]}""", "en");
        assertThat(signed.statusCode()).isEqualTo(200);
        JsonNode review = json.readTree(signed.body());
        assertThat(review.get("state").asString()).isEqualTo("SIGNED_OFF");
        assertThat(review.get("exceptions").get(0).get("disposition").asString())
                .isEqualTo("permissions fixed before the retry");
        assertThat(review.get("findings").get(0).get("due").asString()).isEqualTo("2027-02-01");
        assertThat(review.get("actions").toString()).doesNotContain("review/SIGN_OFF");
    }

    @Test
    void aManagerWhoCarriedOutTheRunIsRefusedWithTheRule() {
        HttpResponse<String> refused = decide(EndedRuns.EXECUTOR, """
                {"decision": "SIGN_OFF", "dispositions": [{"exception": "STEP_RETRIED:1", "note": "mine"}]}""", "en");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).get("message").asString()).contains("you started it");
    }

    @Test
    void anAuditorReadsTheReviewButMayNotDecide() {
        HttpResponse<String> read =
                http.get("/api/v1/runs/" + run.id() + "/review", "api-rev-auditor", TestAccounts.PASSWORD);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json.readTree(read.body()).get("actions").size()).isZero();

        assertThat(decide("api-rev-auditor", """
                        {"decision": "RETURN", "findings": [{"title": "x", "owner": "y", "due": "2027-01-01"}]}""", "en").statusCode()).isEqualTo(403);
    }

    @Test
    void aFindingIsClosedOverHttpByItsOwnerWithANoteOnceAndRefusedToAnyoneElse() {
        new TestAccounts(userAccounts).ensure("api-rev-bystander", Role.OPERATOR);
        HttpResponse<String> returned = decide(MANAGER, """
                {"decision": "RETURN", "comment": "redo",
                 "findings": [{"title": "Grant the permission", "owner": "%s", "due": "2027-02-01"}]}""".formatted(EndedRuns.EXECUTOR), "en");
        long finding = body(returned).get("findings").get(0).get("id").asLong();

        HttpResponse<String> bystander = close(finding, "api-rev-bystander", "done");
        assertThat(bystander.statusCode()).isEqualTo(403);
        assertThat(json.readTree(bystander.body()).get("error").asString()).isEqualTo("finding_close_forbidden");
        HttpResponse<String> silent = close(finding, EndedRuns.EXECUTOR, " ");
        assertThat(silent.statusCode()).isEqualTo(422);
        assertThat(json.readTree(silent.body()).get("error").asString()).isEqualTo("finding_note_required");

        JsonNode closed = body(close(finding, EndedRuns.EXECUTOR, "granted on both SQL Servers"));
        assertThat(closed.get("closedBy").asString()).isEqualTo(EndedRuns.EXECUTOR);
        assertThat(closed.get("closeNote").asString()).isEqualTo("granted on both SQL Servers");
        HttpResponse<String> again = close(finding, MANAGER, "again");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("error").asString()).isEqualTo("finding_already_closed");
    }

    private HttpResponse<String> close(long finding, String user, String note) {
        return http.authorized(
                "POST",
                "/api/v1/findings/" + finding + "/close",
                PortalHttp.basic(user, TestAccounts.PASSWORD),
                json.writeValueAsString(java.util.Map.of("note", note)),
                "Accept-Language",
                "en");
    }

    private HttpResponse<String> decide(String user, String body, String language) {
        return http.authorized(
                "POST",
                "/api/v1/runs/" + run.id() + "/review",
                PortalHttp.basic(user, TestAccounts.PASSWORD),
                body,
                "Accept-Language",
                language);
    }

    private JsonNode body(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
