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
        List<String> actions) {

    public ChangeView {
        diff = List.copyOf(diff);
        approvals = List.copyOf(approvals);
        conflicts = List.copyOf(conflicts);
        actions = List.copyOf(actions);
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
