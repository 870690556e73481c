package org.pchatdr.portal.review;

import java.time.Instant;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunState;

/** A review in a list: whose run, where it stands and whether it is late. */
public record ReviewSummary(
        long runId,
        RunKind kind,
        RunState runState,
        String pool,
        String procedure,
        ReviewState state,
        Instant endedAt,
        Instant dueAt,
        boolean overdue,
        String decidedBy) {}
