package org.pchatdr.portal.audit;

import java.time.Instant;
import org.pchatdr.portal.base.AuditMessage;

/**
 * One record of the audit trail as readers see it; {@code hash} is its link in the chain, so that an
 * export can be checked against the trail and a checkpoint. {@code details} is the recorded text (in
 * English since issue 12); {@code message} the same details as words of the bundles, to show in the
 * reader's language, {@code null} for records written before.
 */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actor,
        String action,
        String target,
        String details,
        AuditMessage message,
        String clientAddress,
        String hash) {

    /**
     * The portal page of the record's subject, without a leading slash, or {@code null}: a run's
     * transitions open the run, a review's and its findings' the review, a topology's the topology.
     */
    public String subjectPath() {
        if (target == null) {
            return null;
        }
        java.util.regex.Matcher run = RUN.matcher(target);
        if (run.matches()) {
            return "runs/" + run.group(1);
        }
        java.util.regex.Matcher review = REVIEW.matcher(target);
        if (review.matches()) {
            return "reviews/" + review.group(1);
        }
        java.util.regex.Matcher topology = TOPOLOGY.matcher(target);
        if (topology.matches()) {
            return "topologies/" + topology.group(1);
        }
        return null;
    }

    private static final java.util.regex.Pattern RUN = java.util.regex.Pattern.compile("run (\\d+) \\(.*\\)");
    private static final java.util.regex.Pattern REVIEW =
            java.util.regex.Pattern.compile("(?:finding \\d+ of )?run (\\d+)");
    private static final java.util.regex.Pattern TOPOLOGY = java.util.regex.Pattern.compile("topology (\\d+).*");
}
