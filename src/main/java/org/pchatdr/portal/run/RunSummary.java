package org.pchatdr.portal.run;

import java.time.Instant;

/** One line of the runs list; {@code ratifyBy} is set while an emergency start awaits ratification. */
public record RunSummary(
        long id,
        long version,
        RunKind kind,
        RunState state,
        long topologyId,
        String topologyName,
        String pool,
        String procedure,
        String variant,
        String requestedBy,
        Instant requestedAt,
        Instant endedAt,
        boolean ratificationOwed,
        Instant ratifyBy) {}
