package org.pchatdr.portal.audit;

import java.time.Instant;

/** One record of the audit trail as readers see it. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        String target,
        String details,
        String clientAddress) {}
