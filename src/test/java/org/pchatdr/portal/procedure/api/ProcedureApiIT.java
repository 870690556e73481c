package org.pchatdr.portal.procedure.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.pchatdr.portal.procedure.EchoGenerator;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Procedures over real HTTP, with the test-only generator {@code test-echo}. */
@IntegrationTest
class ProcedureApiIT {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    private final HttpClient client = HttpClient.newHttpClient();
    private long id;

    @BeforeEach
    void aStoredTopology() throws Exception {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.ensure("proc-operator", Role.OPERATOR);
        accounts.ensure("proc-auditor", Role.AUDITOR);
        HttpResponse<String> created = send("POST", "/api/v1/topologies", "proc-operator", Contoso.text(), null);
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher matcher = ID.matcher(created.body());
        assertThat(matcher.find()).isTrue();
        id = Long.parseLong(matcher.group(1));
    }

    @Test
    void anyRoleReadsAProcedureAsJson() throws Exception {
        HttpResponse<String> response =
                send("GET", path(EchoGenerator.NAME) + "?version=1", "proc-auditor", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .startsWith(
                        "{\n  \"procedure\": \"test-echo\",\n  \"variant\": \"plain\",\n  \"pool\": \"pchat.contoso.local\",")
                .contains("\"version\": 1,")
                .contains("\"number\": 4,");
    }

    @Test
    void markdownIsThePrintablePageInTheRequestedLanguage() throws Exception {
        HttpResponse<String> response =
                send("GET", path(EchoGenerator.NAME) + "?version=1&lang=fr", "proc-auditor", null, "text/markdown");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/markdown;charset=UTF-8");
        assertThat(response.body())
                .startsWith("# test-echo (plain)\n")
                .contains("| Topologie | Contoso production, version 1 |")
                .contains("## Étape 1 : ");
    }

    @Test
    void withoutAVersionTheUnpublishedTopologyIsNotFound() throws Exception {
        HttpResponse<String> response = send("GET", path(EchoGenerator.NAME), "proc-auditor", null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"error\":\"topology_not_published\"");
    }

    @Test
    void refusalsAreJsonErrorsEvenWhenMarkdownWasAskedFor() throws Exception {
        HttpResponse<String> procedure =
                send("GET", path("site-teleport") + "?version=1", "proc-auditor", null, "text/markdown");
        HttpResponse<String> pool = send(
                "GET",
                "/api/v1/topologies/" + id + "/pools/pchat.nowhere.local/procedures/test-echo?version=1",
                "proc-auditor",
                null,
                null);
        HttpResponse<String> variant =
                send("GET", path(EchoGenerator.NAME) + "?version=1&variant=sideways", "proc-auditor", null, null);
        HttpResponse<String> unsafe =
                send("GET", path(EchoGenerator.NAME) + "?version=1&variant=unsafe", "proc-auditor", null, null);

        assertThat(procedure.statusCode()).isEqualTo(404);
        assertThat(procedure.body()).contains("\"error\":\"procedure_unknown\"");
        assertThat(pool.statusCode()).isEqualTo(404);
        assertThat(pool.body()).contains("\"error\":\"procedure_pool_unknown\"");
        assertThat(variant.statusCode()).isEqualTo(422);
        assertThat(variant.body())
                .contains("\"error\":\"procedure_variant_unknown\"")
                .contains("plain, unsafe");
        assertThat(unsafe.statusCode()).isEqualTo(422);
        assertThat(unsafe.body()).contains("\"error\":\"procedure_unsafe_value\"");
    }

    @Test
    void aTopologyThatBreaksRulesGivesNoProcedure() throws Exception {
        HttpResponse<String> created = send(
                "POST",
                "/api/v1/topologies",
                "proc-operator",
                Contoso.text().replace("\"active\": false", "\"active\": true"),
                null);
        Matcher matcher = ID.matcher(created.body());
        assertThat(matcher.find()).isTrue();

        HttpResponse<String> response = send(
                "GET",
                "/api/v1/topologies/" + matcher.group(1) + "/pools/pchat.contoso.local/procedures/test-echo?version=1",
                "proc-auditor",
                null,
                null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"error\":\"procedure_topology_unusable\"");
    }

    @Test
    void strangersGetNothing() throws Exception {
        assertThat(send("GET", path(EchoGenerator.NAME) + "?version=1", null, null, null)
                        .statusCode())
                .isEqualTo(401);
    }

    private String path(String procedure) {
        return "/api/v1/topologies/" + id + "/pools/pchat.contoso.local/procedures/" + procedure;
    }

    private HttpResponse<String> send(String method, String path, String user, String body, String accept)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
