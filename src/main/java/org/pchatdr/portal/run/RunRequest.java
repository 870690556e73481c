package org.pchatdr.portal.run;

import java.time.Instant;

/**
 * What an operator asks for: a procedure (and variant, {@code null} for the default) of a pool of a
 * topology's published version, why, and optionally when the incident began (the RTO clock's start).
 * It is also the body of {@code POST /api/v1/runs}, where any of it may be missing: the service
 * refuses a request without its topology, kind or reason.
 */
public record RunRequest(
        Long topologyId,
        String pool,
        String procedure,
        String variant,
        RunKind kind,
        String reason,
        Instant incidentAt) {}
