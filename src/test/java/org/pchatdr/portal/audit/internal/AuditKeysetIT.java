package org.pchatdr.portal.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.AuditableEvent;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keyset pages with a window of 4 sequence numbers instead of 20,000 (decision 020): a page whose
 * filter is checked row by row stops at the window, says where to go on, and following the cursors
 * gives every matching record once, newest first — what the grid, the API and the exports rely on.
 */
@IntegrationTest
class AuditKeysetIT {

    @Autowired
    Clock clock;

    record Recorded(String actor, String action, String target, String details) implements AuditableEvent {}

    @Autowired
    EntityManager entities;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    private final String actor = "keyset-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aFilterCheckedRowByRowReadsAWindowAtATimeYetFindsEveryMatchOnceNewestFirst() {
        List<Long> wanted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long seq = record(actor, i % 3 == 0 ? "NEEDLE FOUND" : "hay " + i, "thing " + i);
            if (i % 3 == 0) {
                wanted.addFirst(seq);
            }
        }
        AuditKeyset keyset = new AuditKeyset(entities, 4);
        AuditKeyset.Criteria criteria = criteria(actor, null, null, "%needle%");

        List<AuditKeyset.Page<AuditRecord>> pages = transaction.execute(status -> walk(keyset, criteria, 10));

        assertThat(pages.getFirst().records().size())
                .as("the first window holds the newest records only")
                .isLessThan(wanted.size());
        assertThat(pages.getFirst().next()).isNotNull();
        assertThat(pages.stream().flatMap(page -> page.records().stream()).map(AuditRecord::getSeq))
                .containsExactlyElementsOf(wanted);
        assertThat(pages.getLast().next()).isNull();
    }

    @Test
    void anIndexedFilterAloneFillsEveryPageWhateverTheWindow() {
        for (int i = 0; i < 7; i++) {
            record(actor, "step " + i, "thing " + i);
        }
        AuditKeyset keyset = new AuditKeyset(entities, 2);

        List<AuditKeyset.Page<AuditRecord>> pages =
                transaction.execute(status -> walk(keyset, criteria(actor, null, null, null), 3));

        assertThat(pages).extracting(page -> page.records().size()).containsExactly(3, 3, 1);
    }

    @Test
    void aSubjectMatchesItselfAndItsDecoratedTargetsButNoLongerNumber() {
        String run = "run " + (System.nanoTime() % 1_000_000_000L);
        long plain = record(actor, "reviewed", run);
        long decorated = record(actor, "step done", run + " (pool.contoso.local)");
        record(actor, "another run", run + "7 (pool.contoso.local)");
        AuditKeyset keyset = new AuditKeyset(entities, 4);

        AuditKeyset.Criteria criteria = criteria(null, run, run + " (", null);
        List<AuditKeyset.Page<AuditRecord>> pages = transaction.execute(status -> walk(keyset, criteria, 10));

        assertThat(pages.stream().flatMap(page -> page.records().stream()).map(AuditRecord::getSeq))
                .containsExactly(decorated, plain);
        Long counted = transaction.execute(status -> keyset.count(criteria, null));
        assertThat(counted).isEqualTo(2L);
    }

    @Test
    void aTimeWindowFindsTheRecordsStampedInsideItAndNoneBefore() {
        java.time.Instant start = clock.instant().minusSeconds(1);
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seqs.addFirst(record(actor, "timed " + i, "thing " + i));
        }
        java.time.Instant end = clock.instant().plusSeconds(1);
        AuditKeyset keyset = new AuditKeyset(entities, 2);
        AuditKeyset.Criteria inside = new AuditKeyset.Criteria(actor, null, null, null, null, start, end, null);
        AuditKeyset.Criteria earlier =
                new AuditKeyset.Criteria(actor, null, null, null, null, start.minusSeconds(60), start, null);

        assertThat(transaction.execute(status -> walk(keyset, inside, 10)).stream()
                        .flatMap(page -> page.records().stream())
                        .map(AuditRecord::getSeq))
                .containsExactlyElementsOf(seqs);
        assertThat(transaction.execute(status -> walk(keyset, earlier, 10)).stream()
                        .flatMap(page -> page.records().stream()))
                .isEmpty();
    }

    private static AuditKeyset.Criteria criteria(String actor, String subject, String subjectPrefix, String q) {
        return new AuditKeyset.Criteria(actor, null, null, subject, subjectPrefix, null, null, q);
    }

    private static List<AuditKeyset.Page<AuditRecord>> walk(
            AuditKeyset keyset, AuditKeyset.Criteria criteria, int size) {
        List<AuditKeyset.Page<AuditRecord>> pages = new ArrayList<>();
        AuditKeyset.Page<AuditRecord> page = keyset.page(criteria, null, size);
        pages.add(page);
        while (page.next() != null) {
            page = keyset.page(criteria, page.next(), size);
            pages.add(page);
        }
        return pages;
    }

    private long record(String actor, String details, String target) {
        transaction.executeWithoutResult(
                status -> events.publishEvent(new Recorded(actor, "KEYSET_TEST", target, details)));
        return transaction.execute(status -> entities.createQuery(
                        "select max(r.seq) from AuditRecord r where r.actor = :actor", Long.class)
                .setParameter("actor", actor)
                .getSingleResult());
    }
}
