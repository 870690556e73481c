package org.pchatdr.portal.approval;

import java.time.Duration;
import java.util.Objects;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;

/**
 * What approving one kind of subject (such as {@code run:DISASTER}) takes: {@code requiredApprovers}
 * distinct approvers, whether the person who executes may be one of them, how long an approval
 * holds, how long approvers have to ratify an emergency start and, for drills, whether they skip the
 * data-loss gate (an exercise gives up no real data; other kinds ignore the flag).
 */
public record ApprovalPolicy(
        int requiredApprovers,
        boolean executorMayApprove,
        Duration validity,
        Duration ratificationWindow,
        boolean dataLossGateWaived) {

    public static final int MAX_APPROVERS = 5;
    public static final Duration LONGEST = Duration.ofDays(30);
    public static final ApprovalPolicy DEFAULT =
            new ApprovalPolicy(1, false, Duration.ofHours(8), Duration.ofHours(24), false);

    public ApprovalPolicy {
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(ratificationWindow, "ratificationWindow");
    }

    /** Refuses a policy out of range, with what the range is. */
    public ApprovalPolicy checked() {
        if (requiredApprovers < 1 || requiredApprovers > MAX_APPROVERS) {
            throw new PortalException(Kind.INVALID, "approval_policy_approvers_range", MAX_APPROVERS);
        }
        if (!inRange(validity) || !inRange(ratificationWindow)) {
            throw new PortalException(Kind.INVALID, "approval_policy_duration_range", LONGEST.toDays());
        }
        return this;
    }

    private static boolean inRange(Duration duration) {
        return duration.toMinutes() >= 1 && duration.compareTo(LONGEST) <= 0;
    }
}
