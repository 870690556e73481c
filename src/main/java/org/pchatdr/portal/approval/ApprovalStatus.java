package org.pchatdr.portal.approval;

import java.time.Instant;
import java.util.List;

/**
 * What a subject's decisions add up to at one moment, for the person who would execute it.
 *
 * @param valid the approvals that count: not withdrawn, not expired and, unless the policy lets the
 *     executor approve, not the executor's own
 * @param decisions every decision, withdrawn and expired ones included, oldest first
 * @param executorExcluded whether an approval was left out because its approver is the executor
 */
public record ApprovalStatus(
        String kind,
        int required,
        boolean executorMayApprove,
        List<Approval> valid,
        List<Approval> decisions,
        boolean rejected,
        boolean executorExcluded,
        boolean satisfied) {

    public ApprovalStatus {
        valid = List.copyOf(valid);
        decisions = List.copyOf(decisions);
    }

    /** The rules of approval, in one place: {@code executor} may be {@code null} (not known yet). */
    public static ApprovalStatus of(
            String kind, ApprovalPolicy policy, List<Approval> decisions, String executor, Instant now) {
        List<Approval> counting =
                decisions.stream().filter(approval -> approval.countsAt(now)).toList();
        boolean excluded = false;
        if (!policy.executorMayApprove() && executor != null) {
            excluded =
                    counting.stream().anyMatch(approval -> approval.approver().equals(executor));
            counting = counting.stream()
                    .filter(approval -> !approval.approver().equals(executor))
                    .toList();
        }
        long distinct = counting.stream().map(Approval::approver).distinct().count();
        boolean rejected = decisions.stream().anyMatch(Approval::isStandingRejection);
        return new ApprovalStatus(
                kind,
                policy.requiredApprovers(),
                policy.executorMayApprove(),
                counting,
                decisions,
                rejected,
                excluded,
                !rejected && distinct >= policy.requiredApprovers());
    }
}
