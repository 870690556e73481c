package org.pchatdr.portal.run;

import java.time.Instant;

/**
 * What the runs list is narrowed to; {@code null} criteria match everything. {@code from} and
 * {@code to} bound the request time, {@code to} excluded.
 */
public record RunFilter(String pool, RunKind kind, RunState state, String requester, Instant from, Instant to) {

    public static final RunFilter ALL = new RunFilter(null, null, null, null, null, null);

    public static RunFilter ofPool(String pool) {
        return new RunFilter(pool, null, null, null, null, null);
    }
}
