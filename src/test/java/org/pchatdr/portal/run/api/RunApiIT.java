package org.pchatdr.portal.run.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs over real HTTP, as chat-ops and service desks drive them. */
@IntegrationTest
class RunApiIT {

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    Clock clock;

    private static final String POOL = "pchat.contoso.local";

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void accounts() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.ensure("run-topo-editor", Role.OPERATOR);
        accounts.ensure("run-topo-publisher", Role.APPROVER);
        accounts.ensure("run-alice", Role.OPERATOR, Role.APPROVER);
        accounts.ensure("run-bob", Role.OPERATOR);
        accounts.ensure("run-carol", Role.APPROVER);
        accounts.ensure("run-dora", Role.OPERATOR, Role.APPROVER);
        accounts.ensure("run-auditor", Role.AUDITOR);
    }

    @Test
    void aSiteFailoverDrillOnContosoIsRequestedApprovedAndWalkedToTheEnd() {
        long topology = publishedContoso();

        HttpResponse<String> created = send("POST", "/api/v1/runs", "run-alice", requestBody(topology));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode run = read(created);
        long id = run.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/runs/" + id);
        assertThat(run.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(run.get("kind").asString()).isEqualTo("DRILL");
        assertThat(run.get("topologyVersion").asInt()).isEqualTo(1);
        assertThat(run.get("steps").size()).isGreaterThan(3);

        run = ok(send("POST", "/api/v1/runs/" + id + "/approve", "run-carol", change(run, "comment", "go ahead")));
        assertThat(run.get("state").asString()).isEqualTo("APPROVED");
        run = ok(send("POST", "/api/v1/runs/" + id + "/start", "run-alice", change(run, null, null)));
        assertThat(run.get("state").asString()).isEqualTo("IN_PROGRESS");
        int steps = run.get("steps").size();
        for (int number = 1; number <= steps; number++) {
            HttpResponse<String> started =
                    send("POST", step(id, number, "start"), "run-alice", change(run, null, null));
            if (started.statusCode() == 409
                    && read(started).get("error").asString().equals("run_data_loss_gate")) {
                run = passDataLossGate(id, run);
                started = send("POST", step(id, number, "start"), "run-alice", change(run, null, null));
            }
            run = ok(started);
            run = ok(send("POST", step(id, number, "complete"), "run-alice", change(run, "note", "ok")));
        }

        assertThat(run.get("state").asString()).isEqualTo("COMPLETED");
        JsonNode fetched = ok(send("GET", "/api/v1/runs/" + id, "run-auditor", null));
        assertThat(fetched.get("version").asLong()).isEqualTo(run.get("version").asLong());
        assertThat(fetched.get("steps").get(0).get("state").asString()).isEqualTo("DONE");
        assertThat(fetched.get("approvals")
                        .get("decisions")
                        .get(0)
                        .get("approver")
                        .asString())
                .isEqualTo("run-carol");
        assertThat(fetched.get("timings").get("rtoTargetMinutes").asInt()).isEqualTo(60);
        assertThat(fetched.get("timings").has("elapsedSeconds")).isTrue();
        HttpResponse<String> listed =
                send("GET", "/api/v1/runs?pool=" + POOL + "&state=COMPLETED", "run-auditor", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"id\":" + id);
        HttpResponse<String> procedure = send("GET", "/api/v1/runs/" + id + "/procedure", "run-auditor", null);
        assertThat(procedure.body()).contains("\"procedure\": \"site-failover\"");
    }

    @Test
    void theRequesterApprovingTheirOwnRunIsForbiddenWithTheRuleAndAnOperatorByTheirRole() {
        long topology = publishedContoso();
        JsonNode run = read(send("POST", "/api/v1/runs", "run-alice", requestBody(topology)));
        long id = run.get("id").asLong();

        HttpResponse<String> own =
                send("POST", "/api/v1/runs/" + id + "/approve", "run-alice", change(run, null, null));
        HttpResponse<String> operator =
                send("POST", "/api/v1/runs/" + id + "/approve", "run-bob", change(run, null, null));

        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(read(own).get("error").asString()).isEqualTo("four_eyes");
        assertThat(read(own).get("message").asString()).contains("Four eyes");
        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(read(operator).get("error").asString()).isEqualTo("forbidden");
    }

    @Test
    void aRunAndEveryAnswerToAChangeListWhatTheCallerMayDoNowAndARefusalNamesTheRule() {
        long topology = publishedContoso();
        JsonNode run = read(send("POST", "/api/v1/runs", "run-alice", requestBody(topology)));
        long id = run.get("id").asLong();
        assertThat(actions(run)).containsExactly("abort");
        assertThat(actions(ok(send("GET", "/api/v1/runs/" + id, "run-carol", null))))
                .containsExactly("approve", "reject");
        assertThat(actions(ok(send("GET", "/api/v1/runs/" + id, "run-auditor", null))))
                .isEmpty();

        run = ok(send("POST", "/api/v1/runs/" + id + "/approve", "run-dora", change(run, null, null)));
        assertThat(actions(run)).containsExactly("withdraw", "abort");
        run = ok(send("POST", "/api/v1/runs/" + id + "/approve", "run-carol", change(run, null, null)));
        assertThat(actions(run)).containsExactly("withdraw");

        HttpResponse<String> approverStarts =
                send("POST", "/api/v1/runs/" + id + "/start", "run-dora", change(run, null, null));
        assertThat(approverStarts.statusCode()).isEqualTo(403);
        assertThat(read(approverStarts).get("error").asString()).isEqualTo("run_executor_is_approver");
        assertThat(actions(ok(send("GET", "/api/v1/runs/" + id, "run-bob", null))))
                .containsExactly("start", "abort");
        run = ok(send("POST", "/api/v1/runs/" + id + "/start", "run-bob", change(run, null, null)));
        // The data-loss figures may be recorded any time before the recovery step starts (F-4).
        assertThat(actions(run)).containsExactly("data-loss", "abort", "fail", "steps/1/start", "steps/1/request-skip");
        run = ok(send("POST", step(id, 1, "start"), "run-bob", change(run, null, null)));
        assertThat(actions(run)).containsExactly("data-loss", "abort", "fail", "steps/1/complete", "steps/1/fail");
        assertThat(actions(ok(send("GET", "/api/v1/runs/" + id, "run-dora", null))))
                .containsExactly("abort");
    }

    private static List<String> actions(JsonNode run) {
        List<String> actions = new ArrayList<>();
        run.get("actions").forEach(action -> actions.add(action.asString()));
        return actions;
    }

    @Test
    void aChangeFromAStaleVersionIsRefusedWithWhoDidItAndBadInputAndUnknownRunsAreNamed() {
        long topology = publishedContoso();
        JsonNode requested = read(send("POST", "/api/v1/runs", "run-alice", requestBody(topology)));
        long id = requested.get("id").asLong();
        JsonNode approved =
                ok(send("POST", "/api/v1/runs/" + id + "/approve", "run-carol", change(requested, null, null)));
        ok(send("POST", "/api/v1/runs/" + id + "/start", "run-bob", change(approved, null, null)));

        HttpResponse<String> stale =
                send("POST", "/api/v1/runs/" + id + "/start", "run-alice", change(approved, null, null));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(read(stale).get("error").asString()).isEqualTo("run_stale");
        // Issue 12: said to people, who did what and when, never versions.
        assertThat(read(stale).get("message").asString())
                .matches("run-bob started this run at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\. .*")
                .doesNotContainIgnoringCase("version");

        HttpResponse<String> busy = send("POST", "/api/v1/runs", "run-bob", requestBody(topology));
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(read(busy).get("message").asString()).contains("Run " + id);

        HttpResponse<String> noVersion = send("POST", "/api/v1/runs/" + id + "/abort", "run-bob", "{\"reason\":\"x\"}");
        assertThat(noVersion.statusCode()).isEqualTo(422);
        assertThat(read(noVersion).get("error").asString()).isEqualTo("run_version_required");
        HttpResponse<String> badKind =
                send("POST", "/api/v1/runs", "run-bob", requestBody(topology).replace("\"DRILL\"", "\"PICNIC\""));
        assertThat(badKind.statusCode()).isEqualTo(422);
        HttpResponse<String> noTopology = send(
                "POST",
                "/api/v1/runs",
                "run-bob",
                requestBody(topology).replace("\"topologyId\":" + topology + ",", ""));
        assertThat(noTopology.statusCode()).isEqualTo(422);
        assertThat(read(noTopology).get("error").asString()).isEqualTo("run_topology_required");
        assertThat(send("GET", "/api/v1/runs/987654321", "run-auditor", null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/runs?state=SLEEPING", "run-auditor", null)
                        .statusCode())
                .isEqualTo(422);
        assertThat(send("GET", "/api/v1/runs/" + id, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aDisasterRunStartsInAnEmergencyAndAnotherApproverRatifiesIt() {
        long topology = publishedContoso();
        JsonNode run = read(
                send("POST", "/api/v1/runs", "run-alice", requestBody(topology).replace("DRILL", "DISASTER")));
        long id = run.get("id").asLong();

        HttpResponse<String> noReason =
                send("POST", "/api/v1/runs/" + id + "/emergency-start", "run-bob", change(run, null, null));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(read(noReason).get("error").asString()).isEqualTo("run_emergency_reason_required");
        run = ok(send(
                "POST",
                "/api/v1/runs/" + id + "/emergency-start",
                "run-bob",
                change(run, "reason", "primary site lost")));
        assertThat(run.get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(run.get("emergency").get("owed").asBoolean()).isTrue();

        HttpResponse<String> inbox = send("GET", "/api/v1/runs/inbox", "run-carol", null);
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("\"need\":\"RATIFICATION\"").contains("\"id\":" + id);
        assertThat(send("GET", "/api/v1/runs/inbox", "run-bob", null).statusCode())
                .isEqualTo(403);

        HttpResponse<String> own = send("POST", "/api/v1/runs/" + id + "/ratify", "run-alice", change(run, null, null));
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(read(own).get("error").asString()).isEqualTo("run_ratify_four_eyes");
        run = ok(send("POST", "/api/v1/runs/" + id + "/ratify", "run-carol", change(run, "comment", "right call")));
        assertThat(run.get("emergency").get("owed").asBoolean()).isFalse();
        assertThat(ok(send("GET", "/api/v1/runs/overdue-ratifications", "run-auditor", null))
                        .toString())
                .doesNotContain("\"id\":" + id + ",");
        assertThat(send("GET", "/api/v1/runs?kind=DISASTER&requester=run-alice", "run-auditor", null)
                        .body())
                .contains("\"id\":" + id);
        assertThat(send("GET", "/api/v1/runs?kind=DRILL&requester=run-alice", "run-auditor", null)
                        .body())
                .doesNotContain("\"id\":" + id + ",");
        assertThat(send("GET", "/api/v1/runs?from=yesterday", "run-auditor", null)
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void theDataLossGateStepCannotBeSkippedBeforeItsGateAndTheRtoClockRunsWhileTheRunWaits() {
        long topology = publishedContoso();
        java.time.Instant incident = clock.instant().minusSeconds(40 * 60);
        JsonNode run = read(send(
                "POST",
                "/api/v1/runs",
                "run-alice",
                requestBody(topology)
                        .replace("DRILL", "DISASTER")
                        .replace("}", ",\"incidentAt\":\"" + incident + "\"}")));
        long id = run.get("id").asLong();
        JsonNode waiting = ok(send("GET", "/api/v1/runs/" + id, "run-auditor", null));
        assertThat(waiting.get("timings").get("running").asBoolean()).isTrue();
        assertThat(waiting.get("timings").get("elapsedSeconds").asLong()).isGreaterThanOrEqualTo(40 * 60L);

        run = ok(
                send("POST", "/api/v1/runs/" + id + "/emergency-start", "run-bob", change(run, "reason", "site lost")));
        int gate = run.get("dataLoss").get("gateStep").asInt();
        for (int number = 1; number < gate; number++) {
            run = ok(send("POST", step(id, number, "start"), "run-bob", change(run, null, null)));
            run = ok(send("POST", step(id, number, "complete"), "run-bob", change(run, null, null)));
        }
        HttpResponse<String> skip =
                send("POST", step(id, gate, "request-skip"), "run-bob", change(run, "reason", "no time"));
        assertThat(skip.statusCode()).isEqualTo(409);
        assertThat(read(skip).get("error").asString()).isEqualTo("run_skip_data_loss_gate");
        assertThat(read(skip).get("message").asString()).contains("data-loss gate (F-4)");
    }

    @Test
    void dataLossFiguresThatAreNotTimesAreRefusedWithTheExpectedForm() {
        long topology = publishedContoso();
        JsonNode run = read(
                send("POST", "/api/v1/runs", "run-alice", requestBody(topology).replace("DRILL", "DISASTER")));
        long id = run.get("id").asLong();
        run = ok(
                send("POST", "/api/v1/runs/" + id + "/emergency-start", "run-bob", change(run, "reason", "site lost")));

        HttpResponse<String> refused = send(
                "POST",
                "/api/v1/runs/" + id + "/data-loss",
                "run-bob",
                "{\"version\":" + run.get("version").asLong()
                        + ",\"lastLogBackup\":\"mgc.trn\",\"lastLogBackupAt\":\"9 o’clock\",\"primaryLostAt\":\"now\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(read(refused).get("error").asString()).isEqualTo("run_time_invalid");
    }

    /** Records five minutes of data lost as the operator; run-carol accepts them in writing. */
    private JsonNode passDataLossGate(long id, JsonNode run) {
        java.time.Instant now = clock.instant();
        JsonNode recorded = ok(send(
                "POST",
                "/api/v1/runs/" + id + "/data-loss",
                "run-alice",
                "{\"version\":" + run.get("version").asLong() + ",\"lastLogBackup\":\"mgc_last.trn\","
                        + "\"lastLogBackupAt\":\"" + now.minusSeconds(360) + "\",\"primaryLostAt\":\""
                        + now.minusSeconds(60) + "\"}"));
        assertThat(recorded.get("dataLoss").get("windowSeconds").asLong()).isEqualTo(300);
        JsonNode accepted = ok(send(
                "POST",
                "/api/v1/runs/" + id + "/data-loss/accept",
                "run-carol",
                change(recorded, "comment", "five minutes, accepted")));
        assertThat(accepted.get("dataLoss").get("acceptedBy").asString()).isEqualTo("run-carol");
        return accepted;
    }

    private long publishedContoso() {
        HttpResponse<String> created = send("POST", "/api/v1/topologies", "run-topo-editor", Contoso.text());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = read(created).get("id").asLong();
        HttpResponse<String> published =
                send("POST", "/api/v1/topologies/" + id + "/versions/1/publish", "run-topo-publisher", null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }

    @Test
    void aRunRequestedInEnglishReadsInTheCallersLanguageAndItsFrozenDocumentHasTheRunsHash() throws Exception {
        long topology = publishedContoso();
        JsonNode run = read(send("POST", "/api/v1/runs", "run-alice", requestBody(topology)));
        long id = run.get("id").asLong();

        JsonNode english = ok(send("GET", "/api/v1/runs/" + id, "run-auditor", null, "en"));
        JsonNode french = ok(send("GET", "/api/v1/runs/" + id, "run-auditor", null, "fr"));
        JsonNode englishProcedure = ok(send("GET", "/api/v1/runs/" + id + "/procedure", "run-auditor", null, "en"));
        JsonNode frenchProcedure = ok(send("GET", "/api/v1/runs/" + id + "/procedure", "run-auditor", null, "fr"));

        assertThat(french.get("steps").size()).isEqualTo(english.get("steps").size());
        assertThat(french.get("steps").get(0).get("title").asString())
                .isNotEqualTo(english.get("steps").get(0).get("title").asString())
                .isEqualTo(frenchProcedure.get("steps").get(0).get("title").asString());
        assertThat(english.get("steps").get(0).get("title").asString())
                .isEqualTo(englishProcedure.get("steps").get(0).get("title").asString());
        assertThat(frenchProcedure.get("steps").get(0).get("script").asString())
                .as("the same scripts in every language")
                .isEqualTo(englishProcedure.get("steps").get(0).get("script").asString());
        HttpResponse<String> frozen =
                send("GET", "/api/v1/runs/" + id + "/procedure/frozen", "run-auditor", null, "fr");
        assertThat(frozen.statusCode()).isEqualTo(200);
        String sha = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(frozen.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(sha).isEqualTo(run.get("procedureSha256").asString());
    }

    private static String requestBody(long topology) {
        return "{\"topologyId\":" + topology + ",\"pool\":\"" + POOL
                + "\",\"procedure\":\"site-failover\",\"variant\":\"planned\",\"kind\":\"DRILL\","
                + "\"reason\":\"Quarterly site failover drill\"}";
    }

    private String change(JsonNode run, String field, String value) {
        String extra = field == null ? "" : ",\"" + field + "\":" + json.writeValueAsString(value);
        return "{\"version\":" + run.get("version").asLong() + extra + "}";
    }

    private static String step(long id, int number, String action) {
        return "/api/v1/runs/" + id + "/steps/" + number + "/" + action;
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response);
    }

    private JsonNode read(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String user, String body) {
        return send(method, path, user, body, "en");
    }

    private HttpResponse<String> send(String method, String path, String user, String body, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Accept-Language", language);
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
