package org.pchatdr.portal.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.pchatdr.portal.audit.ChainVerification.Problem;
import org.pchatdr.portal.audit.internal.AuditKeyset;
import org.pchatdr.portal.audit.internal.AuditMessages;
import org.pchatdr.portal.audit.internal.AuditRecord;
import org.pchatdr.portal.audit.internal.AuditRecordRepository;
import org.pchatdr.portal.audit.internal.ChainHead;
import org.pchatdr.portal.audit.internal.ChainHeadRepository;
import org.pchatdr.portal.audit.internal.Checkpoints;
import org.pchatdr.portal.audit.internal.PagesAhead;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.Sha256;
import org.pchatdr.portal.base.SystemActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reading and verifying the audit trail: for administrators, auditors and managers. */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'MANAGER')")
public class AuditService {

    /** The largest page one call returns. */
    public static final int MAX_PAGE = 1000;

    private final AuditRecordRepository records;
    private final AuditKeyset keyset;
    private final ChainHeadRepository heads;
    private final Checkpoints checkpoints;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    AuditService(
            AuditRecordRepository records,
            AuditKeyset keyset,
            ChainHeadRepository heads,
            Checkpoints checkpoints,
            ApplicationEventPublisher events,
            java.time.Clock clock) {
        this.records = records;
        this.keyset = keyset;
        this.heads = heads;
        this.checkpoints = checkpoints;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Every record whose target is one of {@code targets}, oldest first: the history of one subject
     * (a run's transitions, its review and findings) for reviews and evidence packs.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(java.util.Collection<String> targets) {
        return records.findByTargetInOrderBySeqAsc(targets).stream()
                .map(AuditService::entry)
                .toList();
    }

    /**
     * One page of the records matching {@code query}, newest first, older than {@code after} (a
     * sequence number; {@code null} for the newest page): the grid and the REST API read the trail
     * through this query, the exports through the same one reading fewer columns ({@link AuditKeyset}).
     */
    @Transactional(readOnly = true)
    public AuditPage page(AuditQuery query, Long after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        AuditKeyset.Page<AuditRecord> found = keyset.page(criteria(query), after, size);
        return new AuditPage(found.records().stream().map(AuditService::entry).toList(), found.next());
    }

    /** How many records match {@code query} below {@code after}: the count shown before an export. */
    @Transactional(readOnly = true)
    public long count(AuditQuery query, Long after) {
        return keyset.count(criteria(query), after);
    }

    private static AuditKeyset.Criteria criteria(AuditQuery query) {
        return new AuditKeyset.Criteria(
                query.actor(),
                query.action(),
                query.target(),
                query.subject(),
                query.subject() == null ? null : likeLiteral(query.subject()) + " (",
                query.from(),
                query.to(),
                query.q() == null ? null : "%" + likeLiteral(query.q().toLowerCase(java.util.Locale.ROOT)) + "%");
    }

    /**
     * Streams every record matching {@code query} to {@code out}, newest first, as it stood when
     * the export began (records appended meanwhile, this export's own included, are left out), in
     * batches of {@link #MAX_PAGE}, the next read while this one is written, so memory stays flat however long the
     * trail. Ends with a manifest line: the filter, the count and the SHA-256 of every byte before
     * it. The export is recorded on the trail before the first byte.
     */
    public long export(AuditQuery query, AuditExportFormat format, OutputStream out) throws IOException {
        long upTo = head().seq();
        long expected = count(query, upTo + 1);
        events.publishEvent(new AuditExported(
                CurrentUser.actor(), format.name(), JSON.writeValueAsString(query.asMap()), expected, upTo));
        MessageDigest digest = Sha256.digest();
        Writer writer = new BufferedWriter(new OutputStreamWriter(
                new java.security.DigestOutputStream(nonClosing(out), digest), StandardCharsets.UTF_8));
        CSVPrinter csv = format == AuditExportFormat.CSV ? new CSVPrinter(writer, CSV) : null;
        if (csv != null) {
            csv.printRecord(EXPORT_COLUMNS);
        }
        long count = 0;
        AuditKeyset.Criteria criteria = criteria(query);
        // The page's conditions and cursor, but only the columns written (issue 14), read one page
        // ahead; each page is read outside any transaction, so nothing read stays.
        try (PagesAhead<AuditEntry> pages =
                new PagesAhead<>(after -> keyset.page(criteria, after, MAX_PAGE, AuditKeyset.EXPORTED), upTo + 1)) {
            for (List<AuditEntry> entries = pages.next(); entries != null; entries = pages.next()) {
                for (AuditEntry entry : entries) {
                    if (csv != null) {
                        csv.printRecord(
                                entry.seq(),
                                entry.occurredAt(),
                                entry.actor(),
                                entry.action(),
                                entry.target(),
                                entry.details(),
                                entry.clientAddress(),
                                entry.hash());
                    } else {
                        writer.write(JSON.writeValueAsString(exportLine(entry)));
                        writer.write('\n');
                    }
                    count++;
                }
            }
        }
        writer.flush();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("filter", query.asMap());
        manifest.put("upToSeq", upTo);
        manifest.put("count", count);
        manifest.put("sha256", Sha256.hex(digest.digest()));
        // The manifest line is outside the hash it states.
        Writer tail = new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8);
        if (format == AuditExportFormat.CSV) {
            tail.write("# manifest " + JSON.writeValueAsString(manifest) + "\r\n");
        } else {
            tail.write(JSON.writeValueAsString(Map.of("manifest", manifest)) + "\n");
        }
        tail.flush();
        return count;
    }

    private static final List<String> EXPORT_COLUMNS =
            List.of("seq", "occurredAt", "actor", "action", "target", "details", "clientAddress", "hash");
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    /** One record as the JSON export writes it, and as the forwarder sends it (decision 022). */
    static Map<String, Object> exportLine(AuditEntry entry) {
        Map<String, Object> line = entry.facts();
        line.put("hash", entry.hash());
        return line;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Escapes LIKE's wildcards, so that a typed {@code _} or {@code %} matches itself. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The head of the chain now: what an evidence pack or a checkpoint vouches for. */
    @Transactional(readOnly = true)
    public ChainPosition head() {
        ChainHead head = heads.head().orElseThrow(() -> new IllegalStateException("audit_chain_head row missing"));
        return new ChainPosition(head.getLastSeq(), head.getLastHash());
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
                        record.getDetails(),
                        AuditMessages.read(record.getMessage())));
    }

    /**
     * Walks the whole chain from the first record and reports the first one that does not match.
     * The check itself is recorded.
     */
    @Transactional
    public ChainVerification verifyChain() {
        ChainVerification integrity = walk();
        ChainVerification result = integrity.with(completeness(integrity));
        events.publishEvent(new AuditChainVerified(CurrentUser.actor(), result));
        return result;
    }

    /**
     * Whether the trail still holds every record (issue 14): no gap, and every signed checkpoint's
     * record still there with the hash it vouched for. The first problem found is reported.
     */
    private Completeness completeness(ChainVerification integrity) {
        Long max = records.maxSeq();
        long last = max == null ? 0 : max;
        List<Checkpoints.Checkpoint> written = checkpoints.read();
        Long lastCheckpoint = written.isEmpty() ? null : written.getLast().seq();
        if (integrity.problem() == ChainVerification.Problem.MISSING) {
            return new Completeness(
                    last, written.size(), lastCheckpoint, Completeness.Problem.GAP, integrity.firstBadSeq());
        }
        for (Checkpoints.Checkpoint checkpoint : written) {
            if (!checkpoint.signed()) {
                return new Completeness(
                        last, written.size(), lastCheckpoint, Completeness.Problem.FORGED_CHECKPOINT, checkpoint.seq());
            }
            if (checkpoint.seq() > last) {
                return new Completeness(last, written.size(), lastCheckpoint, Completeness.Problem.TRUNCATED, last + 1);
            }
            if (checkpoint.seq() > 0
                    && records.findBySeq(checkpoint.seq())
                            .map(record -> !record.getHash().equals(checkpoint.hash()))
                            .orElse(true)) {
                return new Completeness(
                        last, written.size(), lastCheckpoint, Completeness.Problem.REWRITTEN, checkpoint.seq());
            }
        }
        if (integrity.problem() == ChainVerification.Problem.TRUNCATED) {
            return new Completeness(
                    last, written.size(), lastCheckpoint, Completeness.Problem.TRUNCATED, integrity.firstBadSeq());
        }
        return new Completeness(last, written.size(), lastCheckpoint, null, null);
    }

    /**
     * Writes a signed checkpoint of the chain head now, outside the database, and records that it
     * did (issue 14). Also what the hourly schedule calls, as the portal itself.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'MANAGER') or hasAuthority('" + SystemActor.AUTHORITY + "')")
    public ChainPosition checkpoint() {
        ChainPosition head = head();
        java.nio.file.Path file = checkpoints.write(head, clock.instant());
        events.publishEvent(new AuditCheckpointWritten(CurrentUser.actor(), head, file.toString()));
        return head;
    }

    /** Records read at a time by a verification. */
    private static final int VERIFY_BATCH = 500;

    private ChainVerification walk() {
        long expectedSeq = 1;
        String expectedPrevious = AuditRecord.GENESIS_HASH;
        List<AuditRecord> batch = keyset.chainAfter(0, VERIFY_BATCH);
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
            batch = keyset.chainAfter(expectedSeq - 1, VERIFY_BATCH);
        }
        ChainHead head = heads.head().orElseThrow(() -> new IllegalStateException("audit_chain_head row missing"));
        if (head.getLastSeq() != expectedSeq - 1 || !head.getLastHash().equals(expectedPrevious)) {
            return new ChainVerification(expectedSeq - 1, expectedSeq, Problem.TRUNCATED);
        }
        return ChainVerification.intact(expectedSeq - 1);
    }

    static AuditEntry entry(AuditRecord record) {
        return new AuditEntry(
                record.getSeq(),
                record.getOccurredAt(),
                record.getActor(),
                record.getAction(),
                record.getTarget(),
                record.getDetails(),
                AuditMessages.read(record.getMessage()),
                record.getClientAddress(),
                record.getHash());
    }
}
