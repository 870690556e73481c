package org.pchatdr.portal.audit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.AuditableEvent;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.AuditTrailSnapshot;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain check over real HTTP. Each test puts the trail back as it found it
 * ({@link AuditTrailSnapshot}): tampering would spoil it for the tests after it.
 */
@IntegrationTest
class AuditApiIT {

    private static final String PATH = "/api/v1/audit/verification";
    private static final String AUDITOR = "api-audit-erin";

    record TestEvent(String actor, String action, String target, String details) implements AuditableEvent {}

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private PortalHttp http;
    private AuditTrailSnapshot trail;

    @BeforeEach
    void auditorAndSomeRecords() {
        trail = AuditTrailSnapshot.take(jdbc);
        new TestAccounts(userAccounts).ensure(AUDITOR, Role.AUDITOR);
        http = new PortalHttp(port);
        for (int i = 0; i < 5; i++) {
            String target = "event-" + i;
            transaction.executeWithoutResult(
                    status -> events.publishEvent(new TestEvent("tester", "TEST_EVENT", target, null)));
        }
    }

    @AfterEach
    void putTheTrailBack() {
        trail.restore();
    }

    @Test
    void anIntactChainIsReportedAndTheCheckIsItselfRecorded() {
        long records = count();

        HttpResponse<String> response = http.post(PATH, AUDITOR, TestAccounts.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.get("intact").asBoolean()).isTrue();
        assertThat(result.get("recordsChecked").asLong()).isEqualTo(records);
        assertThat(result.get("firstBadSeq").isNull()).isTrue();
        assertThat(result.get("problem").isNull()).isTrue();
        assertThat(result.get("message").asString()).isEqualTo("Chain intact: " + records + " records checked.");
        assertThat(jdbc.queryForObject(
                        "select details from audit_record where seq = ? and actor = ? and action = ?",
                        String.class,
                        records + 1,
                        AUDITOR,
                        "AUDIT_CHAIN_VERIFIED"))
                .isEqualTo("intact, " + records + " records");
    }

    @Test
    void aTamperedRecordIsNamedInTheCallersLanguage() {
        long victim = jdbc.queryForObject("select seq from audit_record where target = ?", Long.class, "event-2");
        jdbc.update("update audit_record set details = ? where seq = ?", "nothing to see", victim);

        HttpResponse<String> response = http.post(PATH, AUDITOR, TestAccounts.PASSWORD, "Accept-Language", "fr");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.get("intact").asBoolean()).isFalse();
        assertThat(result.get("problem").asString()).isEqualTo("ALTERED");
        assertThat(result.get("firstBadSeq").asLong()).isEqualTo(victim);
        assertThat(result.get("recordsChecked").asLong()).isEqualTo(victim - 1);
        assertThat(result.get("message").asString())
                .contains(String.valueOf(victim))
                .contains("modifié");
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from audit_record", Long.class);
    }
}
