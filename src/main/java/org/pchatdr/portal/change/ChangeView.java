package org.pchatdr.portal.change;

import java.time.Instant;
import java.util.List;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.topology.TopologyDiff;

/**
 * A change request as its reader sees it: the current revision, the diff it proposes, its risk,
 * the approvals of each round (the revision and hash they were given to), conflicts and the actions
 * the reader may take now ({@code actions}, named as the REST paths).
 */
public record ChangeView(
        long id,
        ChangeType type,
        ChangeState state,
        long topologyId,
        String topologyName,
        Long templateId,
        int revision,
        String contentHash,
        RevisionView current,
        List<TopologyDiff.Change> diff,
        Risk risk,
        String approvalKind,
        int requiredApprovers,
        List<RoundApprovals> approvals,
        boolean ratified,
        List<String> conflicts,
        String requestedBy,
        Instant requestedAt,
        String startedBy,
        Instant startedAt,
        String endedBy,
        Instant endedAt,
        Outcome outcome,
        boolean reviewDue,
        Review review,
        String changedBy,
        Instant changedAt,
        List<String> actions,
        List<ConfigurationRun> runs,
        List<Extension> extensions,
        FreezeOverride freezeOverride,
        SinceApproved sinceApproved) {

    public ChangeView {
        diff = List.copyOf(diff);
        approvals = List.copyOf(approvals);
        conflicts = List.copyOf(conflicts);
        actions = List.copyOf(actions);
        runs = List.copyOf(runs);
        extensions = List.copyOf(extensions);
    }

    /**
     * A configuration run the implementation calls for: a procedure on a pool of the proposed
     * version; {@code runId} and what follows are empty while an earlier run of the change holds
     * the pool.
     */
    public record ConfigurationRun(
            String pool,
            String procedure,
            String variant,
            Long runId,
            org.pchatdr.portal.run.RunState state,
            Instant startedAt,
            Instant endedAt) {}

    /** An extension of the window (C-11): until when, why, by which approver. */
    public record Extension(Instant until, String reason, String grantedBy, Instant grantedAt) {}

    /** An emergency's override of a freeze by a second approver (C-12), for the current round. */
    public record FreezeOverride(String by, Instant at, String reason) {}

    /**
     * What changed since the last revision that was approved, when a material edit voided its
     * approvals: that revision, and each field that differs since (topology fields prefixed
     * {@code topology.}).
     */
    public record SinceApproved(int revision, List<TopologyDiff.Change> changes) {

        public SinceApproved {
            changes = List.copyOf(changes);
        }
    }

    /** The decisions given to one approval round: revision {@code revision}, hash {@code contentHash}. */
    public record RoundApprovals(int revision, String contentHash, boolean current, List<Approval> decisions) {

        public RoundApprovals {
            decisions = List.copyOf(decisions);
        }
    }

    /**
     * The post-implementation review: what the portal drafted (planned and actual window, outcome)
     * and what the reviewer wrote and signed.
     */
    public record Review(String draft, String text, String signedBy, Instant signedAt) {}
}
