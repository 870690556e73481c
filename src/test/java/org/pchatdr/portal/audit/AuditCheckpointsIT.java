package org.pchatdr.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.AuditableEvent;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints let verification tell integrity from completeness (issue 14). Each test puts
 * the trail back as it found it, so that the shared database stays sound for the tests after it.
 */
@IntegrationTest
class AuditCheckpointsIT {

    @Autowired
    AuditService audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    private List<Map<String, Object>> removed = List.of();
    private Map<String, Object> head;
    private Long altered;
    private String originalDetails;

    @AfterEach
    void putTheTrailBack() {
        if (altered != null) {
            jdbc.update("update audit_record set details = ? where seq = ?", originalDetails, altered);
        }
        if (head != null) {
            jdbc.update(
                    "delete from audit_record where seq > ?",
                    ((Number) removed.getFirst().get("seq")).longValue() - 1);
            for (Map<String, Object> row : removed) {
                jdbc.update(
                        "insert into audit_record (seq, occurred_at, actor, action, target, details, message,"
                                + " client_address, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        row.get("seq"),
                        row.get("occurred_at"),
                        row.get("actor"),
                        row.get("action"),
                        row.get("target"),
                        row.get("details"),
                        row.get("message"),
                        row.get("client_address"),
                        row.get("previous_hash"),
                        row.get("hash"));
            }
            jdbc.update(
                    "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1",
                    head.get("last_seq"),
                    head.get("last_hash"));
        }
        TestAccounts.signOut();
    }

    @Test
    void anAlteredRecordBreaksIntegrityWhileTheTrailStaysComplete() {
        publish("tamper", 4);
        TestAccounts.signIn("cp-erin", Role.AUDITOR);
        audit.checkpoint();
        altered = seqOf("tamper-2");
        originalDetails = jdbc.queryForObject("select details from audit_record where seq = ?", String.class, altered);
        jdbc.update("update audit_record set details = ? where seq = ?", "nothing happened", altered);

        ChainVerification result = audit.verifyChain();

        assertThat(result.isIntact()).isFalse();
        assertThat(result.problem()).isEqualTo(ChainVerification.Problem.ALTERED);
        assertThat(result.firstBadSeq()).isEqualTo(altered);
        assertThat(result.completeness().isComplete()).isTrue();
        assertThat(result.completeness().checkpoints()).isPositive();
    }

    @Test
    void deletingTheLastRecordsAndMovingTheHeadBackLeavesAnIntactChainThatTheCheckpointShowsIncomplete() {
        publish("truncate", 3);
        TestAccounts.signIn("cp-erin", Role.AUDITOR);
        ChainPosition checkpointed = audit.checkpoint();
        long keep = seqOf("truncate-1");
        head = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
        removed = jdbc.queryForList("select * from audit_record where seq > ? order by seq", keep);
        String keptHash = jdbc.queryForObject("select hash from audit_record where seq = ?", String.class, keep);
        // What someone with write access to both tables does to make the last records vanish.
        jdbc.update("delete from audit_record where seq > ?", keep);
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", keep, keptHash);

        ChainVerification result = audit.verifyChain();

        assertThat(result.isIntact()).as("the hash chain alone cannot see it").isTrue();
        assertThat(result.completeness().isComplete()).isFalse();
        assertThat(result.completeness().problem()).isEqualTo(Completeness.Problem.TRUNCATED);
        assertThat(result.completeness().at()).isEqualTo(keep + 1);
        assertThat(result.completeness().lastCheckpointSeq()).isGreaterThanOrEqualTo(checkpointed.seq());
    }

    private void publish(String prefix, int count) {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                String target = prefix + "-" + i;
                events.publishEvent(new AuditableEvent() {
                    @Override
                    public String actor() {
                        return "cp-test";
                    }

                    @Override
                    public String action() {
                        return "CHECKPOINT_TEST";
                    }

                    @Override
                    public String target() {
                        return target;
                    }

                    @Override
                    public String details() {
                        return "record " + target;
                    }
                });
            }
        });
    }

    private long seqOf(String target) {
        return jdbc.queryForObject("select max(seq) from audit_record where target = ?", Long.class, target);
    }
}
