package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Import, export and publishing over real HTTP, as automation uses them. */
@IntegrationTest
class TopologyApiIT {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void accounts() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.ensure("topo-operator", Role.OPERATOR);
        accounts.ensure("topo-operator-2", Role.OPERATOR);
        accounts.ensure("topo-approver", Role.APPROVER);
        accounts.ensure("topo-both", Role.OPERATOR, Role.APPROVER);
        accounts.ensure("topo-auditor", Role.AUDITOR);
    }

    @Test
    void importingTheSampleCreatesVersionOneAndExportGivesItBack() {
        HttpResponse<String> created = send("POST", "/api/v1/topologies", "topo-operator", sample(), null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"version\":1").contains("\"violations\":[");
        long id = id(created);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/topologies/" + id);

        HttpResponse<String> exported = send("GET", "/api/v1/topologies/" + id, "topo-auditor", null, null);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(TopologySamples.read(exported.body())).isEqualTo(Contoso.topology());

        HttpResponse<String> reimported = send("POST", "/api/v1/topologies", "topo-operator", exported.body(), null);
        HttpResponse<String> reexported =
                send("GET", "/api/v1/topologies/" + id(reimported) + "/versions/1", "topo-auditor", null, null);
        assertThat(reexported.body()).isEqualTo(exported.body());
    }

    @Test
    void sharesAndAccountsWithApostrophesAreStoredAndTheirProceduresQuoteThem() {
        String document = Contoso.textWithLegalNames();

        HttpResponse<String> created = send("POST", "/api/v1/topologies", "topo-operator", document, null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = id(created);
        HttpResponse<String> exported = send("GET", "/api/v1/topologies/" + id, "topo-auditor", null, null);
        assertThat(TopologySamples.read(exported.body())).isEqualTo(TopologySamples.read(document));
        HttpResponse<String> procedure = send(
                "GET",
                "/api/v1/topologies/" + id + "/pools/pchat.contoso.local/procedures/configure-log-shipping?version=1",
                "topo-auditor",
                null,
                null);
        assertThat(procedure.statusCode()).as(procedure.body()).isEqualTo(200);
        assertThat(procedure.body()).contains("N'\\\\\\\\fs01\\\\o''brien-logship");
    }

    @Test
    void aDocumentThatIsNoTopologyIsRefusedWithEveryProblemAndNothingIsStored() {
        HttpResponse<String> before = send("GET", "/api/v1/topologies?size=500", "topo-auditor", null, null);
        String broken = sample().replace("\"pchat-dr-topology/1\"", "\"pchat-dr-topology/9\"")
                .replace("\"port\": 1433", "\"port\": \"1433; DROP TABLE topology\"");

        HttpResponse<String> refused = send("POST", "/api/v1/topologies", "topo-operator", broken, null);
        HttpResponse<String> malformed = send("POST", "/api/v1/topologies", "topo-operator", "{\"format\":", null);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).startsWith("{\"error\":\"invalid_topology\"").contains("\"path\":\"format\"");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(send("GET", "/api/v1/topologies?size=500", "topo-auditor", null, null)
                        .body())
                .isEqualTo(before.body());
    }

    @Test
    void aTenMegabyteDocumentIsRefusedAsTooLarge() {
        String huge = "{\"name\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";

        HttpResponse<String> refused = send("POST", "/api/v1/topologies", "topo-operator", huge, null);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).startsWith("{\"error\":\"document_too_large\"");
    }

    @Test
    void aStaleUpdateIsRefusedWithAConflict() {
        long id = id(send("POST", "/api/v1/topologies", "topo-operator", sample(), null));
        assertThat(send("PUT", "/api/v1/topologies/" + id, "topo-operator", sample(), "\"1\"")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> stale = send("PUT", "/api/v1/topologies/" + id, "topo-operator-2", sample(), "\"1\"");

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).startsWith("{\"error\":\"topology_stale\"").contains("topo-operator");
    }

    @Test
    void publishingFollowsFourEyesAndTheRules() {
        long id = id(send("POST", "/api/v1/topologies", "topo-both", sample(), null));

        HttpResponse<String> ownWork = send("POST", publish(id, 1), "topo-both", null, null);
        HttpResponse<String> byOperator = send("POST", publish(id, 1), "topo-operator", null, null);
        HttpResponse<String> published = send("POST", publish(id, 1), "topo-approver", null, null);

        assertThat(ownWork.statusCode()).isEqualTo(409);
        assertThat(ownWork.body()).startsWith("{\"error\":\"topology_four_eyes\"");
        assertThat(byOperator.statusCode()).isEqualTo(403);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).isEqualTo("{\"id\":" + id + ",\"version\":1,\"published\":true}");
        assertThat(send("GET", "/api/v1/topologies/" + id + "/published", "topo-auditor", null, null)
                        .statusCode())
                .isEqualTo(200);

        String broken = Contoso.text().replace("\"active\": false", "\"active\": true");
        long errorsId = id(send("POST", "/api/v1/topologies", "topo-operator", broken, null));
        HttpResponse<String> withErrors = send("POST", publish(errorsId, 1), "topo-approver", null, null);
        assertThat(withErrors.statusCode()).isEqualTo(409);
        assertThat(withErrors.body()).startsWith("{\"error\":\"topology_has_errors\"");
    }

    @Test
    void rolesAndMissingThingsGetTheRightStatus() {
        assertThat(send("POST", "/api/v1/topologies", "topo-auditor", sample(), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/topologies", null, sample(), null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/api/v1/topologies/999999", "topo-auditor", null, null)
                        .statusCode())
                .isEqualTo(404);
        long id = id(send("POST", "/api/v1/topologies", "topo-operator", sample(), null));
        assertThat(send("GET", "/api/v1/topologies/" + id + "/versions/7", "topo-auditor", null, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/topologies/" + id + "/published", "topo-auditor", null, null)
                        .statusCode())
                .isEqualTo(404);
    }

    private static String publish(long id, int version) {
        return "/api/v1/topologies/" + id + "/versions/" + version + "/publish";
    }

    private static String sample() {
        return Contoso.text();
    }

    private static long id(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private HttpResponse<String> send(String method, String path, String user, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
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
