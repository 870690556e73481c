package org.pchatdr.portal.audit;

import java.util.List;

/**
 * One page of the audit trail, newest first, and the cursor of the next (older) page: the sequence
 * number to pass as {@code after}, or {@code null} when this is the last page. A page whose filter
 * is checked row by row reads a bounded window of the trail, so it may hold fewer records than
 * asked, even none, and still name a {@code next} (decision 020).
 */
public record AuditPage(List<AuditEntry> events, Long next) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
