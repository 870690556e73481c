package org.pchatdr.portal.review;

import java.time.Instant;
import java.util.List;
import org.pchatdr.portal.run.RunState;

/**
 * How ready one pool of a published topology is (issue 14): its last drill and how long ago, the RTO
 * and RPO its last drills achieved against the targets, open findings and overdue reviews, and the
 * published topology's version and age. {@code stale} when no drill ended within the configured days.
 */
public record PoolReadiness(
        long topologyId,
        String topologyName,
        String pool,
        int publishedVersion,
        Instant publishedAt,
        Long lastDrillId,
        RunState lastDrillOutcome,
        Instant lastDrillEndedAt,
        Long daysSinceDrill,
        boolean stale,
        Integer rtoTargetMinutes,
        Integer rpoTargetMinutes,
        List<Drill> drills,
        long openFindings,
        long overdueReviews) {

    public PoolReadiness {
        drills = List.copyOf(drills);
    }

    /** One ended drill, oldest first: what it achieved (seconds), {@code null} where not measured. */
    public record Drill(long runId, Instant endedAt, Long rtoSeconds, Long rpoSeconds) {}
}
