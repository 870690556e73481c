package org.pchatdr.portal.review;

import java.time.Instant;
import java.util.List;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunState;

/**
 * The review of an ended run as its readers see it: the run as a timeline, the RTO achieved against
 * the target and the data-loss window against the RPO, every exception with its disposition, the
 * findings, and {@code actions}: what the reader may do now, named as the REST paths ({@code
 * review/SIGN_OFF}, {@code review/RETURN}, {@code findings/7/close}).
 */
public record ReviewView(
        long runId,
        RunKind kind,
        RunState runState,
        String pool,
        String procedure,
        String variant,
        String procedureSha256,
        int topologyVersion,
        ReviewState state,
        Instant endedAt,
        Instant dueAt,
        boolean overdue,
        String decidedBy,
        Instant decidedAt,
        String comment,
        Objectives objectives,
        List<RunException> exceptions,
        List<Finding> findings,
        List<TimelineEntry> timeline,
        List<String> actions) {

    public ReviewView {
        exceptions = List.copyOf(exceptions);
        findings = List.copyOf(findings);
        timeline = List.copyOf(timeline);
        actions = List.copyOf(actions);
    }

    /** RTO achieved against the target, and the data-loss window against the RPO; null when unknown. */
    public record Objectives(
            Long rtoAchievedSeconds,
            Integer rtoTargetMinutes,
            Boolean withinRto,
            Long dataLossWindowSeconds,
            Integer rpoTargetMinutes,
            Boolean withinRpo) {}
}
