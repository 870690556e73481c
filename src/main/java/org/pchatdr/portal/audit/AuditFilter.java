package org.pchatdr.portal.audit;

import java.time.Instant;

/**
 * What to show: records by or about {@code user}, of {@code action}, in {@code [from, to)}; every
 * part may be {@code null} to leave it open.
 */
public record AuditFilter(String user, String action, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }
}
