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
     * transitions open the run, a review's and its findings' the review, a topology's the topology,
     * a change request's (any revision) the request.
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
        java.util.regex.Matcher change = CHANGE.matcher(target);
        if (change.matches()) {
            return "changes/" + change.group(1);
        }
        return null;
    }

    /**
     * The account the record is about, or {@code null}: the target of an account's events (sign-in,
     * creation, roles, lockout, tokens) is its user name. The codes are the security module's
     * {@code AccountAction}s, named here because the trail depends on no feature.
     */
    public String subjectUser() {
        return target != null && ACCOUNT_ACTIONS.contains(action) ? target : null;
    }

    private static final java.util.Set<String> ACCOUNT_ACTIONS = java.util.Set.of(
            "SIGNED_IN",
            "SIGN_IN_FAILED",
            "ACCOUNT_LOCKED",
            "SIGNED_OUT",
            "PASSWORD_CHANGED",
            "PASSWORD_RESET",
            "USER_CREATED",
            "ROLES_CHANGED",
            "USER_DISABLED",
            "USER_ENABLED",
            "USER_UNLOCKED",
            "TOKEN_CREATED",
            "TOKEN_REVOKED");

    private static final java.util.regex.Pattern RUN = java.util.regex.Pattern.compile("run (\\d+) \\(.*\\)");
    private static final java.util.regex.Pattern REVIEW =
            java.util.regex.Pattern.compile("(?:finding \\d+ of )?run (\\d+)");
    private static final java.util.regex.Pattern CHANGE = java.util.regex.Pattern.compile("change (\\d+) r\\d+");
    private static final java.util.regex.Pattern TOPOLOGY = java.util.regex.Pattern.compile("topology (\\d+).*");
}
