package org.pchatdr.portal.change;

import java.time.Instant;

/** A change request in a list. */
public record ChangeSummary(
        long id,
        String title,
        ChangeType type,
        ChangeState state,
        RiskLevel risk,
        long topologyId,
        int revision,
        Instant windowStart,
        Instant windowEnd,
        String requestedBy,
        Instant changedAt) {}
