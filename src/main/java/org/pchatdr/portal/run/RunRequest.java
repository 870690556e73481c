package org.pchatdr.portal.run;

import java.time.Instant;

/**
 * What an operator asks for: a procedure (and variant, {@code null} for the default) of a pool of a
 * topology's published version, why, and optionally when the incident began (the RTO clock's start).
 */
public record RunRequest(
        long topologyId,
        String pool,
        String procedure,
        String variant,
        RunKind kind,
        String reason,
        Instant incidentAt) {}
