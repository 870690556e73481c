package org.pchatdr.portal.audit;

import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.audit.ChainVerification.Problem;
import org.pchatdr.portal.audit.internal.AuditRecord;
import org.pchatdr.portal.audit.internal.AuditRecordRepository;
import org.pchatdr.portal.audit.internal.ChainHead;
import org.pchatdr.portal.audit.internal.ChainHeadRepository;
import org.pchatdr.portal.base.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and verifying the audit trail: for administrators, auditors and managers. */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'MANAGER')")
public class AuditService {

    private final AuditRecordRepository records;
    private final ChainHeadRepository heads;
    private final ApplicationEventPublisher events;

    AuditService(AuditRecordRepository records, ChainHeadRepository heads, ApplicationEventPublisher events) {
        this.records = records;
        this.heads = heads;
        this.events = events;
    }

    /** The matching records, newest first unless the caller sorts otherwise. */
    @Transactional(readOnly = true)
    public Slice<AuditEntry> find(AuditFilter filter, Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(
                        pageable.getPageNumber(),
                        pageable.getPageSize(),
                        Sort.by("seq").descending());
        return records.search(
                        blankToNull(filter.user()), blankToNull(filter.action()), filter.from(), filter.to(), sorted)
                .map(AuditService::entry);
    }

    /** Every action code recorded so far, for the filter. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        return records.findActions();
    }

    /** The latest check of the chain on the trail (who, when, with what result), if any: one query. */
    @Transactional(readOnly = true)
    public Optional<LastVerification> lastVerification() {
        return records.findFirstByActionOrderBySeqDesc(AuditChainVerified.ACTION)
                .map(record -> new LastVerification(
                        record.getActor(),
                        record.getOccurredAt(),
                        AuditChainVerified.intact(record.getDetails()),
                        record.getDetails()));
    }

    /**
     * Walks the whole chain from the first record and reports the first one that does not match.
     * The check itself is recorded.
     */
    @Transactional
    public ChainVerification verifyChain() {
        ChainVerification result = walk();
        events.publishEvent(new AuditChainVerified(CurrentUser.actor(), result));
        return result;
    }

    private ChainVerification walk() {
        long expectedSeq = 1;
        String expectedPrevious = AuditRecord.GENESIS_HASH;
        List<AuditRecord> batch = records.findTop500BySeqGreaterThanOrderBySeqAsc(0);
        while (!batch.isEmpty()) {
            for (AuditRecord record : batch) {
                if (record.getSeq() != expectedSeq) {
                    return new ChainVerification(expectedSeq - 1, expectedSeq, Problem.MISSING);
                }
                if (!record.getPreviousHash().equals(expectedPrevious)) {
                    return new ChainVerification(expectedSeq - 1, record.getSeq(), Problem.RELINKED);
                }
                if (!record.getHash().equals(record.computeHash())) {
                    return new ChainVerification(expectedSeq - 1, record.getSeq(), Problem.ALTERED);
                }
                expectedPrevious = record.getHash();
                expectedSeq++;
            }
            batch = records.findTop500BySeqGreaterThanOrderBySeqAsc(expectedSeq - 1);
        }
        ChainHead head = heads.head().orElseThrow(() -> new IllegalStateException("audit_chain_head row missing"));
        if (head.getLastSeq() != expectedSeq - 1 || !head.getLastHash().equals(expectedPrevious)) {
            return new ChainVerification(expectedSeq - 1, expectedSeq, Problem.TRUNCATED);
        }
        return ChainVerification.intact(expectedSeq - 1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static AuditEntry entry(AuditRecord record) {
        return new AuditEntry(
                record.getSeq(),
                record.getOccurredAt(),
                record.getActor(),
                record.getAction(),
                record.getTarget(),
                record.getDetails(),
                record.getClientAddress());
    }
}
