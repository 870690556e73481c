package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every procedure in every variant renders over REST, as JSON and as Markdown, from the published
 * version of every golden topology: the portal's side of "all six procedures render everywhere".
 */
@IntegrationTest
class EveryProcedureRendersIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    TopologyService topologies;

    private final HttpClient client = HttpClient.newHttpClient();

    static Stream<Arguments> everyProcedureOfEverySample() {
        List<Arguments> cases = new ArrayList<>();
        for (String sample : TopologySamples.NAMES) {
            for (String name : Procedures.names()) {
                List<String> variants = Procedures.generator(name).orElseThrow().variants();
                for (String variant : variants.isEmpty() ? List.of("") : variants) {
                    cases.add(Arguments.of(sample, name, variant));
                }
            }
        }
        return cases.stream();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("everyProcedureOfEverySample")
    void rendersAsJsonAndMarkdownFromThePublishedVersion(String sample, String name, String variant) throws Exception {
        assertThat(Procedures.names()).hasSize(6);
        new TestAccounts(userAccounts).ensure("binder-reader", Role.AUDITOR);
        Topology topology = TopologySamples.topology(sample);
        signIn("binder-author", Role.OPERATOR);
        long id = topologies.create(topology, null).topologyId();
        signIn("binder-approver", Role.APPROVER);
        topologies.publish(id, 1);
        String path = "/api/v1/topologies/" + id + "/pools/"
                + topology.pools().getFirst().fqdn() + "/procedures/" + name
                + (variant.isEmpty() ? "" : "?variant=" + variant);

        HttpResponse<String> json = get(path, "application/json");
        HttpResponse<String> markdown = get(path, "text/markdown");

        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains("\"procedure\": \"" + name + "\"").contains("\"number\": 1,");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body()).startsWith("# ").contains("```");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", accept)
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(("binder-reader:" + TestAccounts.PASSWORD)
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
