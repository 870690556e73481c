package org.pchatdr.portal.review;

import java.time.Instant;
import java.time.LocalDate;

/** A finding of a review; {@code overdue} once its due date passed while it is open. */
public record Finding(
        long id,
        long runId,
        String title,
        String owner,
        LocalDate due,
        String createdBy,
        Instant createdAt,
        String closedBy,
        Instant closedAt,
        String closeNote,
        boolean overdue) {

    public boolean open() {
        return closedAt == null;
    }
}
