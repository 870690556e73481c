package org.pchatdr.portal.approval;

import java.time.Instant;
import java.util.List;

/**
 * Every decision on one subject and the policy of its kind, read once: a caller that needs the
 * status for more than one executor, or the decisions and the status both, judges them without
 * reading them again.
 */
public record SubjectApprovals(String kind, ApprovalPolicy policy, List<Approval> decisions) {

    public SubjectApprovals {
        decisions = List.copyOf(decisions);
    }

    /** What the decisions add up to at {@code now} for {@code executor} ({@code null}: nobody yet). */
    public ApprovalStatus statusFor(String executor, Instant now) {
        return ApprovalStatus.of(kind, policy, decisions, executor, now);
    }
}
