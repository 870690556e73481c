package org.pchatdr.portal.run;

import java.time.Instant;

/** One line of the runs list. */
public record RunSummary(
        long id,
        long version,
        RunKind kind,
        RunState state,
        long topologyId,
        String pool,
        String procedure,
        String variant,
        String requestedBy,
        Instant requestedAt,
        Instant endedAt) {}
