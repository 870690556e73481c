package org.pchatdr.portal.change.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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

/** Change requests, windows and freezes over real HTTP, as a service desk would drive them. */
@IntegrationTest
class ChangeApiIT {

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void accounts() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.standingApprovers();
        accounts.ensure("chg-operator", Role.OPERATOR);
        accounts.ensure("chg-implementer", Role.OPERATOR);
        accounts.ensure("chg-approver-1", Role.APPROVER);
        accounts.ensure("chg-approver-2", Role.APPROVER);
        accounts.ensure("chg-bystander", Role.APPROVER);
        accounts.ensure("chg-admin", Role.ADMIN);
    }

    @Test
    void aHighChangeIsProposedApprovedVoidedByAWindowEditApprovedAgainAndStarted() {
        long topology = publishedWithASecondVersion();

        HttpResponse<String> created = send("POST", "/api/v1/change-requests", "chg-operator", null, body(topology, 0));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode change = read(created);
        long id = change.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/change-requests/" + id);
        assertThat(change.get("revision").asInt()).isEqualTo(1);
        assertThat(change.get("contentHash").asString()).matches("[0-9a-f]{64}");
        assertThat(change.get("state").asString()).isEqualTo("DRAFT");
        assertThat(change.get("risk").get("computed").asString()).isEqualTo("HIGH");
        assertThat(change.get("risk").get("declared").asString()).isEqualTo("LOW");
        assertThat(change.get("risk").get("effective").asString()).isEqualTo("HIGH");
        assertThat(change.get("risk").get("reasons").get(0).get("code").asString())
                .isEqualTo("active-servers");
        assertThat(actions(change)).contains("submit", "edit", "cancel");

        change = ok(send("POST", path(id, "submit"), "chg-operator", null, revision(change)));
        // The same request, each caller's own actions.
        assertThat(actions(ok(send("GET", "/api/v1/change-requests/" + id, "chg-operator", null, null))))
                .doesNotContain("approve");
        assertThat(actions(ok(send("GET", "/api/v1/change-requests/" + id, "chg-approver-1", null, null))))
                .contains("approve", "reject");
        change = ok(send("POST", path(id, "approve"), "chg-approver-1", null, revision(change)));
        change = ok(send("POST", path(id, "approve"), "chg-approver-2", null, revision(change)));
        assertThat(change.get("state").asString()).isEqualTo("APPROVED");

        HttpResponse<String> stale =
                send("PUT", "/api/v1/change-requests/" + id, "chg-operator", "\"7\"", body(topology, 0));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(read(stale).get("error").asString()).isEqualTo("change_stale");

        HttpResponse<String> moved =
                send("PUT", "/api/v1/change-requests/" + id, "chg-operator", "\"1\"", body(topology, 30));
        change = ok(moved);
        assertThat(moved.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(change.get("state").asString()).isEqualTo("SUBMITTED");
        JsonNode first =
                ok(send("GET", "/api/v1/change-requests/" + id + "/revisions/1", "chg-approver-1", null, null));
        assertThat(first.get("contentHash").asString())
                .isNotEqualTo(change.get("contentHash").asString());

        change = ok(send("POST", path(id, "approve"), "chg-approver-1", null, revision(change)));
        change = ok(send("POST", path(id, "approve"), "chg-approver-2", null, revision(change)));
        assertThat(change.get("state").asString()).isEqualTo("APPROVED");

        HttpResponse<String> byApprover = send("POST", path(id, "start"), "chg-approver-1", null, revision(change));
        assertThat(byApprover.statusCode()).isEqualTo(403);
        change = ok(send("POST", path(id, "start"), "chg-implementer", null, revision(change)));
        assertThat(change.get("state").asString()).isEqualTo("IMPLEMENTING");
        change = ok(send(
                "POST",
                path(id, "complete"),
                "chg-implementer",
                null,
                "{\"revision\":" + change.get("revision").asInt() + ",\"outcome\":\"SUCCESSFUL\"}"));
        assertThat(change.get("state").asString()).isEqualTo("IMPLEMENTED");
    }

    @Test
    void publishingASecondVersionWithoutAnApprovedChangeAnswersChangeRequestRequired() {
        long topology = publishedWithASecondVersion();

        HttpResponse<String> refused =
                send("POST", "/api/v1/topologies/" + topology + "/versions/2/publish", "chg-approver-1", null, null);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(read(refused).get("error").asString()).isEqualTo("change_request_required");
    }

    @Test
    void onlyAnAdministratorKeepsFreezesAndEveryoneSignedInReadsThem() {
        Instant now = clock.instant();
        String freeze = "{\"start\":\"" + now.plusSeconds(86_400) + "\",\"end\":\"" + now.plusSeconds(90_000)
                + "\",\"reason\":\"Year-end\",\"pools\":[\"frozen.example.local\"]}";

        assertThat(send("POST", "/api/v1/change-freezes", "chg-operator", null, freeze)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> created = send("POST", "/api/v1/change-freezes", "chg-admin", null, freeze);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = read(created).get("id").asLong();
        try {
            JsonNode all = read(send("GET", "/api/v1/change-freezes", "chg-operator", null, null));
            List<String> reasons = new ArrayList<>();
            all.forEach(node -> reasons.add(node.get("reason").asString()));
            assertThat(reasons).contains("Year-end");
        } finally {
            assertThat(send("DELETE", "/api/v1/change-freezes/" + id, "chg-admin", null, null)
                            .statusCode())
                    .isEqualTo(204);
        }
    }

    @Test
    void theListFiltersByStateTopologyAndRequester() {
        long topology = publishedWithASecondVersion();
        long draft = read(send("POST", "/api/v1/change-requests", "chg-operator", null, body(topology, 0)))
                .get("id")
                .asLong();
        JsonNode other = read(send("POST", "/api/v1/change-requests", "chg-implementer", null, body(topology, 0)));
        ok(send("POST", path(other.get("id").asLong(), "submit"), "chg-implementer", null, revision(other)));

        assertThat(ids("?topologyId=" + topology))
                .containsExactlyInAnyOrder(draft, other.get("id").asLong());
        assertThat(ids("?topologyId=" + topology + "&state=DRAFT")).containsExactly(draft);
        assertThat(ids("?topologyId=" + topology + "&requester=chg-implementer"))
                .containsExactly(other.get("id").asLong());
        assertThat(ids("?topologyId=" + topology + "&state=CLOSED")).isEmpty();
    }

    @Test
    void anAdministratorOpensAMaintenanceWindowThatEveryoneSignedInReads() {
        Instant now = clock.instant();
        String window = "{\"pool\":\"window-api.example.local\",\"start\":\"" + now.plusSeconds(86_400)
                + "\",\"end\":\"" + now.plusSeconds(90_000) + "\",\"reason\":\"Saturday night\"}";

        HttpResponse<String> created = send("POST", "/api/v1/change-windows", "chg-admin", null, window);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = read(created).get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/change-windows/" + id);
        try {
            List<String> pools = new ArrayList<>();
            read(send("GET", "/api/v1/change-windows", "chg-approver-1", null, null))
                    .forEach(node -> pools.add(node.get("pool").asString()));
            assertThat(pools).contains("window-api.example.local");
        } finally {
            assertThat(send("DELETE", "/api/v1/change-windows/" + id, "chg-admin", null, null)
                            .statusCode())
                    .isEqualTo(204);
        }
    }

    @Test
    void onlyAnAdministratorOpensAMaintenanceWindow() {
        Instant now = clock.instant();
        String window = "{\"pool\":\"window-api.example.local\",\"start\":\"" + now.plusSeconds(86_400)
                + "\",\"end\":\"" + now.plusSeconds(90_000) + "\"}";

        for (String user : List.of("chg-operator", "chg-approver-1")) {
            HttpResponse<String> refused = send("POST", "/api/v1/change-windows", user, null, window);
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(read(refused).get("error").asString()).isEqualTo("forbidden");
        }
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefusedInTheCallersLanguage() {
        Instant now = clock.instant();
        String backwards = "{\"pool\":\"window-api.example.local\",\"start\":\"" + now.plusSeconds(90_000)
                + "\",\"end\":\"" + now.plusSeconds(86_400) + "\"}";
        String noPool = "{\"start\":\"" + now.plusSeconds(86_400) + "\",\"end\":\"" + now.plusSeconds(90_000) + "\"}";

        HttpResponse<String> english = send("POST", "/api/v1/change-windows", "chg-admin", null, backwards);
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(read(english).get("error").asString()).isEqualTo("change_range_invalid");
        assertThat(read(english).get("message").asString()).isEqualTo("The end must come after the start.");

        HttpResponse<String> french = send("POST", "/api/v1/change-windows", "chg-admin", null, noPool, "fr");
        assertThat(french.statusCode()).isEqualTo(422);
        assertThat(read(french).get("error").asString()).isEqualTo("change_pool_required");
        assertThat(read(french).get("message").asString()).isEqualTo("Indiquez le pool de la fenêtre de maintenance.");
    }

    @Test
    void theImplementationsRunAnExtensionAndWhatChangedSinceTheApprovalAreOnTheApi() {
        long topology = publishedWithASecondVersion(Contoso.textWith(
                "\"copyDestination\": \"D:\\\\PChatLogShipCopy\"", "\"copyDestination\": \"E:\\\\PChatLogShipCopy\""));
        JsonNode change = read(send("POST", "/api/v1/change-requests", "chg-operator", null, body(topology, 0)));
        long id = change.get("id").asLong();
        change = ok(send("POST", path(id, "submit"), "chg-operator", null, revision(change)));
        change = ok(send("POST", path(id, "approve"), "chg-approver-1", null, revision(change)));
        change = ok(send("POST", path(id, "approve"), "chg-approver-2", null, revision(change)));

        change = ok(send("PUT", "/api/v1/change-requests/" + id, "chg-operator", "\"1\"", body(topology, 30)));
        assertThat(change.get("sinceApproved").get("revision").asInt()).isEqualTo(1);
        // body() opens each window at the moment it is sent: its start moves with its end.
        assertThat(paths(change.get("sinceApproved").get("changes"))).contains("windowEnd");
        JsonNode since =
                ok(send("GET", "/api/v1/change-requests/" + id + "/revisions/1/changes", "chg-approver-1", null, null));
        assertThat(paths(since)).isEqualTo(paths(change.get("sinceApproved").get("changes")));

        // Acting on the revision the approvals were voided from: 409, with who changed it and when.
        HttpResponse<String> stale = send("POST", path(id, "approve"), "chg-approver-1", null, "{\"revision\":1}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(read(stale).get("error").asString()).isEqualTo("change_stale");
        assertThat(read(stale).get("message").asString())
                .contains("chg-operator")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC")
                .contains("(Submitted)");

        change = ok(send("POST", path(id, "approve"), "chg-approver-1", null, revision(change)));
        change = ok(send("POST", path(id, "approve"), "chg-approver-2", null, revision(change)));
        change = ok(send("POST", path(id, "start"), "chg-implementer", null, revision(change)));
        JsonNode run = change.get("runs").get(0);
        assertThat(run.get("procedure").asString()).startsWith("configure-log-shipping");
        assertThat(run.get("state").asString()).isEqualTo("APPROVED");
        long runId = run.get("runId").asLong();
        JsonNode runPage = ok(send("GET", "/api/v1/runs/" + runId, "chg-implementer", null, null));
        assertThat(runPage.get("topologyVersion").asInt()).isEqualTo(2);
        assertThat(actions(runPage)).contains("start");

        // The run's approval is the change's: an approver who took no part is offered none of its own.
        JsonNode seenByBystander = ok(send("GET", "/api/v1/runs/" + runId, "chg-bystander", null, null));
        assertThat(actions(seenByBystander)).doesNotContain("approve", "reject", "withdraw");
        HttpResponse<String> approveRun = send(
                "POST",
                "/api/v1/runs/" + runId + "/approve",
                "chg-bystander",
                null,
                "{\"version\":" + seenByBystander.get("version").asLong() + "}");
        assertThat(approveRun.statusCode()).isEqualTo(409);
        assertThat(read(approveRun).get("error").asString()).isEqualTo("run_sponsored");

        String extension = "{\"revision\":" + change.get("revision").asInt() + ",\"until\":\""
                + clock.instant().plusSeconds(4 * 3600) + "\",\"reason\":\"Copy is slow\"}";
        HttpResponse<String> byImplementer = send("POST", path(id, "extend"), "chg-implementer", null, extension);
        assertThat(byImplementer.statusCode()).isEqualTo(403);
        change = ok(send("POST", path(id, "extend"), "chg-approver-1", null, extension));
        assertThat(change.get("extensions").get(0).get("grantedBy").asString()).isEqualTo("chg-approver-1");
        assertThat(change.get("extensions").get(0).get("reason").asString()).isEqualTo("Copy is slow");
        assertThat(actions(change)).doesNotContain("start");
    }

    private static List<String> paths(JsonNode changes) {
        List<String> paths = new ArrayList<>();
        changes.forEach(node -> paths.add(node.get("path").asString()));
        return paths;
    }

    private List<Long> ids(String query) {
        List<Long> ids = new ArrayList<>();
        ok(send("GET", "/api/v1/change-requests" + query, "chg-approver-1", null, null))
                .get("content")
                .forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    /** Contoso published at version 1; version 2 makes pc02 inactive (a HIGH change). */
    private long publishedWithASecondVersion() {
        return publishedWithASecondVersion(Contoso.textWith(
                "{ \"fqdn\": \"pc02.contoso.local\", \"site\": \"PAR\", \"active\": true }",
                "{ \"fqdn\": \"pc02.contoso.local\", \"site\": \"PAR\", \"active\": false }"));
    }

    /** Contoso published at version 1, {@code second} saved as version 2. */
    private long publishedWithASecondVersion(String second) {
        HttpResponse<String> created = send("POST", "/api/v1/topologies", "chg-operator", null, Contoso.text());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = read(created).get("id").asLong();
        assertThat(send("POST", "/api/v1/topologies/" + id + "/versions/1/publish", "chg-approver-1", null, null)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> saved = send("PUT", "/api/v1/topologies/" + id, "chg-operator", "\"1\"", second);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        return id;
    }

    /** A HIGH change of version 2 in a window starting now, its end {@code longer} minutes later. */
    private String body(long topology, int longer) {
        Instant now = clock.instant();
        return "{\"title\":\"Take pc02 out of the active servers\",\"type\":\"NORMAL\",\"topologyId\":" + topology
                + ",\"topologyVersion\":2,\"justification\":\"Disk replacement\",\"declaredRisk\":\"LOW\","
                + "\"implementationPlan\":\"Set-CsPersistentChatActiveServer\",\"backoutPlan\":\"Re-add pc02\","
                + "\"testPlan\":\"Post in a room\",\"windowStart\":\"" + now.minusSeconds(60) + "\",\"windowEnd\":\""
                + now.plusSeconds(3600 + longer * 60L) + "\",\"timeZone\":\"Europe/Paris\"}";
    }

    private static String revision(JsonNode change) {
        return "{\"revision\":" + change.get("revision").asInt() + "}";
    }

    private static String path(long id, String action) {
        return "/api/v1/change-requests/" + id + "/" + action;
    }

    private static List<String> actions(JsonNode change) {
        List<String> actions = new ArrayList<>();
        change.get("actions").forEach(action -> actions.add(action.asString()));
        return actions;
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

    private HttpResponse<String> send(String method, String path, String user, String ifMatch, String body) {
        return send(method, path, user, ifMatch, body, "en");
    }

    private HttpResponse<String> send(
            String method, String path, String user, String ifMatch, String body, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (user + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
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
