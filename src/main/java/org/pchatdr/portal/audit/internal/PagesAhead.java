package org.pchatdr.portal.audit.internal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keyset pages read one ahead on a thread of their own, for the export of the whole trail (issue 14):
 * the database decoding the next page and the writing of this one cost about as much each, and on
 * two cores they overlap. At most three pages exist at once (the one written, one waiting, the one
 * being read), so memory stays flat however long the trail.
 *
 * <p>The reader is never interrupted: an interrupt inside the embedded database's file I/O could
 * close its file channel. Closing sets a flag that the reader sees within {@link #POLL_MS} of its
 * current query.
 */
public final class PagesAhead<T> implements AutoCloseable {

    private static final long POLL_MS = 100;

    /** A page's rows, or the end of the pages, or what the reader failed with. */
    private record Item<T>(List<T> rows, RuntimeException failure) {
        static <T> Item<T> end() {
            return new Item<>(null, null);
        }
    }

    private final BlockingQueue<Item<T>> ready = new ArrayBlockingQueue<>(1);
    private volatile boolean closed;

    /** Starts reading at cursor {@code first}; {@code read} answers the page below a cursor. */
    public PagesAhead(Function<Long, AuditKeyset.Page<T>> read, Long first) {
        Thread.ofPlatform().daemon().name("audit-export-read-ahead").start(() -> {
            try {
                Long after = first;
                while (after != null && !closed) {
                    AuditKeyset.Page<T> page = read.apply(after);
                    if (!hand(new Item<>(page.records(), null))) {
                        return;
                    }
                    after = page.next();
                }
                hand(Item.end());
            } catch (RuntimeException failure) {
                hand(new Item<>(null, failure));
            }
        });
    }

    /** The next page's rows, oldest cursor first; {@code null} after the last page. */
    public List<T> next() {
        Item<T> item;
        try {
            item = ready.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next page", interrupted);
        }
        if (item.failure() != null) {
            throw item.failure();
        }
        return item.rows();
    }

    /** Stops the reader after its current query, whether or not every page was taken. */
    @Override
    public void close() {
        closed = true;
        ready.clear();
    }

    /** Hands {@code item} over once there is room; false when closed meanwhile. */
    private boolean hand(Item<T> item) {
        try {
            while (!closed) {
                if (ready.offer(item, POLL_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
