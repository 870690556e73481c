package org.pchatdr.portal.approval;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/** Decisions of approvers and changes of policy, for the audit trail. */
public final class ApprovalEvents {

    private ApprovalEvents() {}

    /** An event about one subject's approvals: the trail's target is the subject. */
    interface OnSubject extends AuditableEvent {

        Subject subject();

        @Override
        default String target() {
            return subject().toString();
        }
    }

    /** An approver approved or rejected {@code subject}: the trail's action is the decision's name. */
    public record Decided(
            String actor, Subject subject, String kind, String requester, Approval.Decision decision, String comment)
            implements OnSubject {

        @Override
        public String action() {
            return decision.name();
        }

        @Override
        public AuditMessage message() {
            return AuditMessage.of("audit.details." + decision.name(), kind, requester, comment);
        }
    }

    public record Withdrawn(String actor, Subject subject, long approvalId, Approval.Decision decision)
            implements OnSubject {

        @Override
        public String action() {
            return "APPROVAL_WITHDRAWN";
        }

        @Override
        public AuditMessage message() {
            return AuditMessage.of("audit.details.APPROVAL_WITHDRAWN." + decision, approvalId);
        }
    }

    /** An approval lapsed before the work went ahead on it; the portal itself notices. */
    public record Expired(Subject subject, String kind, long approvalId, String approver) implements OnSubject {

        @Override
        public String actor() {
            return "system";
        }

        @Override
        public String action() {
            return "APPROVAL_EXPIRED";
        }

        @Override
        public AuditMessage message() {
            return AuditMessage.of("audit.details.APPROVAL_EXPIRED", approvalId, approver, kind);
        }
    }

    /** An administrator changed the approval policy of one kind. */
    public record PolicyChanged(String actor, String kind, ApprovalPolicy before, ApprovalPolicy after)
            implements AuditableEvent {

        @Override
        public String action() {
            return "SETTINGS_CHANGED";
        }

        @Override
        public String target() {
            return "approval policy " + kind;
        }

        /** "before -> after", each policy as its record reads (the stored English, as before issue 12). */
        @Override
        public AuditMessage message() {
            return AuditMessage.of("audit.details.SETTINGS_CHANGED", said(before), said(after));
        }

        private static AuditMessage said(ApprovalPolicy policy) {
            return AuditMessage.of(
                    "audit.details.approval-policy",
                    policy.requiredApprovers(),
                    AuditMessage.of("audit.details.boolean." + policy.executorMayApprove()),
                    policy.validity().toString(),
                    policy.ratificationWindow().toString(),
                    AuditMessage.of("audit.details.boolean." + policy.dataLossGateWaived()));
        }
    }
}
