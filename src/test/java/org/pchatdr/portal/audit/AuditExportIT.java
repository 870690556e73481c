package org.pchatdr.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.AuditableEvent;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The exports' bytes, pinned (issue 14): the columns and their order, RFC 4180 quoting with CRLF,
 * the NDJSON lines, and the manifest line with its filter, count and SHA-256 — for a filter the
 * database answers through an index (the actor), one checked row by row (actor and action), and a
 * subject (two driving targets merged). The records' sequence, time and hash are the ones the
 * grid's page shows, written out here by hand: whatever way the export reads the trail, an auditor
 * gets the same file.
 */
@IntegrationTest
class AuditExportIT {

    record Recorded(String actor, String action, String target, String details) implements AuditableEvent {}

    private static final Pattern UP_TO = Pattern.compile("\"upToSeq\":(\\d+),");

    @Autowired
    AuditService audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    private final String actor = "export-" + UUID.randomUUID().toString().substring(0, 8);
    private final String subject = "subject " + UUID.randomUUID().toString().substring(0, 8);

    private AuditEntry quoted;
    private AuditEntry plain;
    private AuditEntry accented;

    @BeforeEach
    void recordThreeAwkwardRecords() {
        signIn("erin", Role.AUDITOR);
        record("EXPORT_TEST", subject + " (pool, east)", "said \"hi\"\r\nthen left ");
        record("EXPORT_TEST", null, "plain");
        record("EXPORT_OTHER", subject, "réplica prête ✓");
        List<AuditEntry> shown = audit.page(new AuditQuery(actor, null, null, null, null, null, null), null, 10)
                .events();
        assertThat(shown).hasSize(3);
        accented = shown.get(0);
        plain = shown.get(1);
        quoted = shown.get(2);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aCsvExportHoldsExactlyTheFilteredRecordsQuotedAsRfc4180NewestFirstThenItsManifestLine() throws Exception {
        Map<AuditEntry, String> rows = Map.of(
                accented,
                accented.seq() + "," + accented.occurredAt() + "," + actor + ",EXPORT_OTHER," + subject
                        + ",réplica prête ✓,192.0.2.7," + accented.hash() + "\r\n",
                plain,
                plain.seq() + "," + plain.occurredAt() + "," + actor + ",EXPORT_TEST,,plain,192.0.2.7," + plain.hash()
                        + "\r\n",
                quoted,
                quoted.seq() + "," + quoted.occurredAt() + "," + actor + ",EXPORT_TEST,\"" + subject
                        + " (pool, east)\",\"said \"\"hi\"\"\r\nthen left \",192.0.2.7," + quoted.hash() + "\r\n");
        String header = "seq,occurredAt,actor,action,target,details,clientAddress,hash\r\n";

        assertCsv(
                new AuditQuery(actor, null, null, null, null, null, null),
                "{\"actor\":\"" + actor + "\"}",
                3,
                header + rows.get(accented) + rows.get(plain) + rows.get(quoted));
        assertCsv(
                new AuditQuery(actor, "EXPORT_TEST", null, null, null, null, null),
                "{\"actor\":\"" + actor + "\",\"action\":\"EXPORT_TEST\"}",
                2,
                header + rows.get(plain) + rows.get(quoted));
        assertCsv(
                new AuditQuery(null, null, null, subject, null, null, null),
                "{\"subject\":\"" + subject + "\"}",
                2,
                header + rows.get(accented) + rows.get(quoted));
    }

    @Test
    void anNdjsonExportWritesOneJsonObjectPerRecordInTheColumnsOrderThenItsManifestLine() throws Exception {
        Function<AuditEntry, String> start = entry -> "{\"seq\":" + entry.seq() + ",\"occurredAt\":\""
                + entry.occurredAt() + "\",\"actor\":\"" + actor + "\",";
        String data = start.apply(accented) + "\"action\":\"EXPORT_OTHER\",\"target\":\"" + subject
                + "\",\"details\":\"réplica prête ✓\",\"clientAddress\":\"192.0.2.7\",\"hash\":\"" + accented.hash()
                + "\"}\n"
                + start.apply(plain) + "\"action\":\"EXPORT_TEST\",\"target\":null,\"details\":\"plain\","
                + "\"clientAddress\":\"192.0.2.7\",\"hash\":\"" + plain.hash() + "\"}\n"
                + start.apply(quoted) + "\"action\":\"EXPORT_TEST\",\"target\":\"" + subject + " (pool, east)\","
                + "\"details\":\"said \\\"hi\\\"\\r\\nthen left \",\"clientAddress\":\"192.0.2.7\",\"hash\":\""
                + quoted.hash() + "\"}\n";

        long before = audit.head().seq();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long count =
                audit.export(new AuditQuery(actor, null, null, null, null, null, null), AuditExportFormat.NDJSON, out);

        String written = out.toString(StandardCharsets.UTF_8);
        long upTo = upTo(written);
        assertThat(upTo).isGreaterThanOrEqualTo(before);
        assertThat(count).isEqualTo(3);
        assertThat(written)
                .isEqualTo(data + "{\"manifest\":{\"filter\":{\"actor\":\"" + actor + "\"},\"upToSeq\":" + upTo
                        + ",\"count\":3,\"sha256\":\"" + sha256(data) + "\"}}\n");
    }

    private void assertCsv(AuditQuery query, String filter, long rows, String data) throws Exception {
        long before = audit.head().seq();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long count = audit.export(query, AuditExportFormat.CSV, out);

        String written = out.toString(StandardCharsets.UTF_8);
        long upTo = upTo(written);
        assertThat(upTo).isGreaterThanOrEqualTo(before);
        assertThat(count).as(filter).isEqualTo(rows);
        assertThat(written)
                .as(filter)
                .isEqualTo(data + "# manifest {\"filter\":" + filter + ",\"upToSeq\":" + upTo + ",\"count\":" + count
                        + ",\"sha256\":\"" + sha256(data) + "\"}\r\n");
    }

    /** The head the export stood at, as its manifest states it: records appended meanwhile are left out. */
    private static long upTo(String written) {
        Matcher found = UP_TO.matcher(written);
        assertThat(found.find()).as(written).isTrue();
        return Long.parseLong(found.group(1));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One record by this test's actor, as if sent from 192.0.2.7 (the recorder reads the request). */
    private void record(String action, String target, String details) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            transaction.executeWithoutResult(
                    status -> events.publishEvent(new Recorded(actor, action, target, details)));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
