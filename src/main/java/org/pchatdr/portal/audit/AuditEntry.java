package org.pchatdr.portal.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
     * A record as the exports read it, built by the query itself ({@code AuditKeyset.EXPORTED}, a
     * JPQL constructor expression, issue 14): without the translated {@code message}, which the
     * exports leave out, so that the column is not read.
     */
    public AuditEntry(
            long seq,
            Instant occurredAt,
            String actor,
            String action,
            String target,
            String details,
            String clientAddress,
            String hash) {
        this(seq, occurredAt, actor, action, target, details, null, clientAddress, hash);
    }

    /**
     * The record's facts as the JSON exports write them, in this order: the trail's export and the
     * forwarder add the chain's {@code hash}, an evidence pack leaves it out.
     */
    public Map<String, Object> facts() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", seq);
        line.put("occurredAt", occurredAt.toString());
        line.put("actor", actor);
        line.put("action", action);
        line.put("target", target);
        line.put("details", details);
        line.put("clientAddress", clientAddress);
        return line;
    }

    /**
     * The portal page of the record's subject, without a leading slash, or {@code null}: a run's
     * transitions open the run, a review's and its findings' the review, a topology's the topology,
     * a change request's (any revision) the request.
     */
    public String subjectPath() {
        if (target == null) {
            return null;
        }
        for (SubjectPage page : SUBJECT_PAGES) {
            java.util.regex.Matcher subject = page.target().matcher(target);
            if (subject.matches()) {
                return page.path() + subject.group(1);
            }
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

    /** A target whose first group is the id of the subject, and the path of the subject's page. */
    private record SubjectPage(java.util.regex.Pattern target, String path) {

        SubjectPage(String target, String path) {
            this(java.util.regex.Pattern.compile(target), path);
        }
    }

    /** Tried in this order: a run's own target names its pool in brackets, a review's does not. */
    private static final java.util.List<SubjectPage> SUBJECT_PAGES = java.util.List.of(
            new SubjectPage("run (\\d+) \\(.*\\)", "runs/"),
            new SubjectPage("(?:finding \\d+ of )?run (\\d+)", "reviews/"),
            new SubjectPage("topology (\\d+).*", "topologies/"),
            new SubjectPage("change (\\d+) r\\d+", "changes/"));
}
