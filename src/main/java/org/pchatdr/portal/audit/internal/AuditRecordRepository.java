package org.pchatdr.portal.audit.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append and read only: the trail offers no update or delete. */
public interface AuditRecordRepository extends Repository<AuditRecord, Long> {

    AuditRecord save(AuditRecord record);

    Optional<AuditRecord> findFirstByActionOrderBySeqDesc(String action);

    /** Issue 16: the records of one forwarding batch, in the chain's order. */
    List<AuditRecord> findBySeqInOrderBySeqAsc(java.util.Collection<Long> seqs);

    /** The history of one subject, which its records name in {@code target} (issue 14). */
    List<AuditRecord> findByTargetInOrderBySeqAsc(java.util.Collection<String> targets);

    java.util.Optional<AuditRecord> findBySeq(long seq);

    @Query("select max(r.seq) from AuditRecord r")
    Long maxSeq();

    @Query("select distinct r.action from AuditRecord r order by r.action")
    List<String> findActions();
}
