package org.pchatdr.portal.testsupport;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end of the audit chain when a test began, to put the trail back afterwards (issue 17): tests
 * that tamper with records share the database with every other test instead of taking a fresh
 * context each. Only what the test appended goes: the records after the head, their outbox rows,
 * and the head itself, so the trail is again the intact chain it was.
 */
public final class AuditTrailSnapshot {

    private final JdbcTemplate jdbc;
    private final long lastSeq;
    private final String lastHash;

    private AuditTrailSnapshot(JdbcTemplate jdbc, long lastSeq, String lastHash) {
        this.jdbc = jdbc;
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
    }

    public static AuditTrailSnapshot take(JdbcTemplate jdbc) {
        Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
        return new AuditTrailSnapshot(
                jdbc, ((Number) head.get("last_seq")).longValue(), (String) head.get("last_hash"));
    }

    public void restore() {
        jdbc.update("delete from audit_outbox where seq > ?", lastSeq);
        jdbc.update("delete from audit_record where seq > ?", lastSeq);
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", lastSeq, lastHash);
    }
}
