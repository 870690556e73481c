package org.pchatdr.portal.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PagesAheadTest {

    /** Pages of three numbers below the cursor, down to 1: cursor 10 gives 9 8 7, 6 5 4, 3 2 1. */
    private static AuditKeyset.Page<Long> below(Long cursor) {
        List<Long> rows = new ArrayList<>();
        for (long seq = cursor - 1; seq >= Math.max(1, cursor - 3); seq--) {
            rows.add(seq);
        }
        Long next = rows.getLast() > 1 ? rows.getLast() : null;
        return new AuditKeyset.Page<>(rows, next);
    }

    @Test
    void everyPageArrivesInCursorOrderAndThenTheEnd() {
        List<Long> seen = new ArrayList<>();
        try (PagesAhead<Long> pages = new PagesAhead<>(PagesAheadTest::below, 10L)) {
            for (List<Long> rows = pages.next(); rows != null; rows = pages.next()) {
                seen.addAll(rows);
            }
        }
        assertThat(seen).containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void aFailedReadReachesTheWriterAfterThePagesBeforeIt() {
        IllegalStateException broken = new IllegalStateException("database gone");
        try (PagesAhead<Long> pages = new PagesAhead<>(
                cursor -> {
                    if (cursor < 10) {
                        throw broken;
                    }
                    return below(cursor);
                },
                10L)) {
            assertThat(pages.next()).containsExactly(9L, 8L, 7L);
            assertThatThrownBy(pages::next).isSameAs(broken);
        }
    }

    @Test
    void closingBeforeTheLastPageStopsTheReader() throws InterruptedException {
        AtomicReference<Thread> reader = new AtomicReference<>();
        PagesAhead<Long> pages = new PagesAhead<>(
                cursor -> {
                    reader.set(Thread.currentThread());
                    return below(cursor);
                },
                1_000_000L);
        assertThat(pages.next()).hasSize(3);
        pages.close();
        reader.get().join(10_000);
        assertThat(reader.get().isAlive())
                .as("the reader of a million pages stops once the writer has closed")
                .isFalse();
    }
}
