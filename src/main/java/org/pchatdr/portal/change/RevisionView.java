package org.pchatdr.portal.change;

import java.time.Instant;
import java.util.List;

/**
 * One revision of a change request, as it was saved. {@code approvalRound} is the revision whose
 * content the approvals of this one are for: itself after a material edit, an earlier one after a
 * description-only edit.
 */
public record RevisionView(
        int number,
        String title,
        String justification,
        int topologyVersion,
        String topologySha256,
        String implementationPlan,
        String backoutPlan,
        String testPlan,
        Instant windowStart,
        Instant windowEnd,
        String timeZone,
        List<String> pools,
        String contentHash,
        int approvalRound,
        String author,
        Instant createdAt) {

    public RevisionView {
        pools = List.copyOf(pools);
    }
}
