package org.pchatdr.portal.audit.internal;

import java.time.Instant;

/**
 * The columns an export writes of one record, read as they are (issue 14): no entity, no loaded
 * state kept for it, and not the translated {@code message}, which the exports leave out. Built by
 * the query itself ({@link AuditKeyset#EXPORTED}).
 */
public record ExportRow(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        String target,
        String details,
        String clientAddress,
        String hash) {}
