package org.pchatdr.portal.audit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit API pages by the sequence cursor, and exports exactly its filter with a manifest line. */
@IntegrationTest
class AuditEventsApiIT {

    private static final String MANAGER = "api-audit-frank";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    private final JsonMapper json = JsonMapper.builder().build();
    private PortalHttp http;

    @BeforeEach
    void accounts() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.ensure(MANAGER, Role.MANAGER);
        accounts.ensure("api-audit-op", Role.OPERATOR);
        http = new PortalHttp(port);
        // Three records by the manager at least: each check of the chain is one.
        for (int call = 0; call < 3; call++) {
            assertThat(http.post("/api/v1/audit/verification", MANAGER, TestAccounts.PASSWORD)
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void pagesFollowTheCursorNewestFirstWithoutRepeatingOrSkippingARecord() {
        String filter = "/api/v1/audit/events?actor=" + MANAGER;
        JsonNode first = get(filter + "&limit=2");
        assertThat(first.get("events")).hasSize(2);
        long cursor = first.get("next").asLong();
        JsonNode second = get(filter + "&limit=2&after=" + cursor);

        List<Long> seqs = new ArrayList<>();
        first.get("events").forEach(e -> seqs.add(e.get("seq").asLong()));
        second.get("events").forEach(e -> seqs.add(e.get("seq").asLong()));
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        assertThat(seqs.get(2)).isLessThan(cursor);
        assertThat(first.get("events").get(0).get("actor").asString()).isEqualTo(MANAGER);
    }

    @Test
    void theCsvExportHoldsExactlyTheFilteredRecordsAndEndsWithAManifestOfThem() throws Exception {
        HttpResponse<String> export =
                http.get("/api/v1/audit/events/export?format=CSV&actor=" + MANAGER, MANAGER, TestAccounts.PASSWORD);
        assertThat(export.statusCode()).isEqualTo(200);
        String body = export.body();
        int manifestAt = body.lastIndexOf("# manifest ");
        String data = body.substring(0, manifestAt);
        JsonNode manifest = json.readTree(body.substring(manifestAt + "# manifest ".length()));
        long rows = data.lines().count() - 1;

        assertThat(data).startsWith("seq,occurredAt,actor,action,target,details,clientAddress,hash");
        assertThat(manifest.get("count").asLong()).isEqualTo(rows).isGreaterThanOrEqualTo(3);
        assertThat(manifest.get("filter").get("actor").asString()).isEqualTo(MANAGER);
        assertThat(manifest.get("sha256").asString())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8))));
        assertThat(data.lines().skip(1)).isNotEmpty().allMatch(line -> line.contains("," + MANAGER + ","));
    }

    @Test
    void theNdjsonExportEndsWithItsManifestLineAndTheExportIsAudited() {
        HttpResponse<String> export = http.get(
                "/api/v1/audit/events/export?format=NDJSON&action=AUDIT_CHAIN_VERIFIED&actor=" + MANAGER,
                MANAGER,
                TestAccounts.PASSWORD);
        List<String> lines = export.body().lines().toList();
        JsonNode manifest = json.readTree(lines.getLast()).get("manifest");
        assertThat(manifest.get("count").asLong()).isEqualTo(lines.size() - 1L);

        JsonNode exported = get("/api/v1/audit/events?action=AUDIT_EXPORTED&actor=" + MANAGER + "&limit=1");
        assertThat(exported.get("events").get(0).get("details").asString()).startsWith("NDJSON export of ");
    }

    @Test
    void aFilterValueThatIsNoInstantIsABadRequestNamingItsParameter() {
        for (String path :
                List.of("/api/v1/audit/events?from=yesterday", "/api/v1/audit/events/export?format=CSV&to=tomorrow")) {
            HttpResponse<String> response = http.get(path, MANAGER, TestAccounts.PASSWORD);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            JsonNode error = json.readTree(response.body());
            assertThat(error.get("error").asString()).isEqualTo("bad_parameter");
            assertThat(error.get("message").asString()).contains(path.contains("from=") ? "from" : "to");
        }
    }

    @Test
    void anOperatorMayNotReadTheTrail() {
        assertThat(http.get("/api/v1/audit/events", "api-audit-op", TestAccounts.PASSWORD)
                        .statusCode())
                .isEqualTo(403);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = http.get(path, MANAGER, TestAccounts.PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
