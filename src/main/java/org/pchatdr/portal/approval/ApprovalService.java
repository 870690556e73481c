package org.pchatdr.portal.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pchatdr.portal.approval.Approval.Decision;
import org.pchatdr.portal.approval.internal.ApprovalEntity;
import org.pchatdr.portal.approval.internal.ApprovalPolicyEntity;
import org.pchatdr.portal.approval.internal.ApprovalPolicyRepository;
import org.pchatdr.portal.approval.internal.ApprovalRepository;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.TypedText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approvals and rejections of subjects. The rules hold here whatever calls: only approvers decide,
 * never on their own request (four eyes), once per subject (also a unique constraint), and an
 * approval counts only while it is neither expired nor withdrawn.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ApprovalService {

    static final int MAX_COMMENT = 1000;

    private final ApprovalRepository approvals;
    private final ApprovalPolicyRepository policies;
    private final EligibleApprovers eligible;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalService(
            ApprovalRepository approvals,
            ApprovalPolicyRepository policies,
            EligibleApprovers eligible,
            ApplicationEventPublisher events,
            Clock clock) {
        this.approvals = approvals;
        this.policies = policies;
        this.eligible = eligible;
        this.events = events;
        this.clock = clock;
    }

    /** Approves {@code subject} of {@code kind}, which {@code requester} asked for. */
    @PreAuthorize("hasRole('APPROVER')")
    public Approval approve(Subject subject, String kind, String requester, String comment) {
        Approval approval =
                decide(subject, kind, requester, Decision.APPROVED, TypedText.optional(comment, MAX_COMMENT));
        events.publishEvent(new ApprovalEvents.Decided(
                approval.approver(), subject, kind, requester, Decision.APPROVED, approval.comment()));
        return approval;
    }

    /** Rejects {@code subject}; a rejection needs a comment saying why. */
    @PreAuthorize("hasRole('APPROVER')")
    public Approval reject(Subject subject, String kind, String requester, String comment) {
        String why = TypedText.required(comment, MAX_COMMENT, "approval_comment_required");
        Approval approval = decide(subject, kind, requester, Decision.REJECTED, why);
        events.publishEvent(
                new ApprovalEvents.Decided(approval.approver(), subject, kind, requester, Decision.REJECTED, why));
        return approval;
    }

    /** Takes back one's own decision, while the subject has not gone ahead on it. */
    @PreAuthorize("hasRole('APPROVER')")
    public Approval withdraw(Subject subject, long approvalId) {
        String actor = CurrentUser.actor();
        ApprovalEntity entity = approvals
                .lock(approvalId)
                .filter(approval -> approval.isSubject(subject))
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "approval_not_found", approvalId));
        if (!entity.getApprover().equals(actor)) {
            throw new PortalException(Kind.FORBIDDEN, "approval_not_yours", approvalId, entity.getApprover());
        }
        if (entity.getWithdrawnAt() != null) {
            throw new PortalException(
                    Kind.CONFLICT,
                    "approval_already_withdrawn",
                    approvalId,
                    entity.getWithdrawnAt().toString());
        }
        if (!entity.isWithdrawable()) {
            throw new PortalException(Kind.CONFLICT, "approval_not_withdrawable", approvalId);
        }
        entity.withdraw(clock.instant());
        approvals.flush();
        Approval withdrawn = entity.view();
        events.publishEvent(new ApprovalEvents.Withdrawn(actor, subject, approvalId, withdrawn.decision()));
        return withdrawn;
    }

    /** Every decision on {@code subject}, oldest first. */
    @Transactional(readOnly = true)
    public List<Approval> decisions(Subject subject) {
        return approvals.findBySubjectTypeAndSubjectIdOrderByDecidedAtAscIdAsc(subject.type(), subject.id()).stream()
                .map(ApprovalEntity::view)
                .toList();
    }

    /**
     * What the decisions on {@code subject} add up to at {@code now} under the policy of
     * {@code kind}, for {@code executor} ({@code null} when nobody executes yet).
     */
    @Transactional(readOnly = true)
    public ApprovalStatus status(Subject subject, String kind, String executor, Instant now) {
        return approvals(subject, kind).statusFor(executor, now);
    }

    /** The decisions on {@code subject} with the policy of {@code kind}, to judge more than once. */
    @Transactional(readOnly = true)
    public SubjectApprovals approvals(Subject subject, String kind) {
        return new SubjectApprovals(kind, policies.effective(kind), decisions(subject));
    }

    /**
     * {@link #approvals(Subject, String)} for many subjects of one type at once, {@code kinds} giving
     * each one's kind: two queries whatever their number, for lists that judge every subject (the
     * inbox).
     */
    @Transactional(readOnly = true)
    public Map<Subject, SubjectApprovals> approvals(String type, Map<Long, String> kinds) {
        if (kinds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Approval>> decided =
                approvals.findBySubjectTypeAndSubjectIdInOrderByDecidedAtAscIdAsc(type, kinds.keySet()).stream()
                        .map(ApprovalEntity::view)
                        .collect(Collectors.groupingBy(
                                approval -> approval.subject().id()));
        Map<String, ApprovalPolicy> stored = policies.findAll().stream()
                .collect(Collectors.toMap(ApprovalPolicyEntity::getKind, ApprovalPolicyEntity::policy));
        Map<Subject, SubjectApprovals> result = new HashMap<>();
        kinds.forEach((id, kind) -> result.put(
                new Subject(type, id),
                new SubjectApprovals(
                        kind, stored.getOrDefault(kind, ApprovalPolicy.DEFAULT), decided.getOrDefault(id, List.of()))));
        return result;
    }

    /** What approving {@code kind} takes: any signed-in user may know the rules they work under. */
    @Transactional(readOnly = true)
    public ApprovalPolicy policy(String kind) {
        return policies.effective(ApprovalPolicyService.checkedKind(kind));
    }

    /**
     * Refuses a request of a subject of {@code kind} by {@code requester} when its policy requires
     * more approvers than exist besides the requester (decision 014): nothing may wait forever on a
     * gate nobody can pass. The feature calls it when the subject is requested.
     */
    @Transactional(readOnly = true)
    public void checkSatisfiable(String kind, String requester) {
        int required = policy(kind).requiredApprovers();
        int available = eligible.besides(requester);
        if (required > available) {
            throw new PortalException(Kind.CONFLICT, "approval_unsatisfiable", required, available);
        }
    }

    /** The signed-in approver's latest decisions, newest first: what they said lately. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('APPROVER')")
    public List<Approval> myRecentDecisions(int limit) {
        return approvals
                .findByApproverOrderByDecidedAtDescIdDesc(CurrentUser.actor(), PageRequest.of(0, limit))
                .stream()
                .map(ApprovalEntity::view)
                .toList();
    }

    /** The subject went ahead on its approvals: they can no longer be withdrawn. */
    public void seal(Subject subject) {
        approvals
                .findBySubjectTypeAndSubjectIdOrderByDecidedAtAscIdAsc(subject.type(), subject.id())
                .forEach(ApprovalEntity::seal);
    }

    private Approval decide(Subject subject, String kind, String requester, Decision decision, String comment) {
        String actor = CurrentUser.actor();
        if (actor.equals(requester)) {
            throw new PortalException(Kind.FORBIDDEN, "four_eyes", actor);
        }
        ApprovalPolicy policy = policies.effective(ApprovalPolicyService.checkedKind(kind));
        Instant now = clock.instant();
        var current = approvals.findBySubjectTypeAndSubjectIdAndApproverAndSlot(
                subject.type(), subject.id(), actor, ApprovalEntity.CURRENT);
        if (current.isPresent()) {
            Approval previous = current.get().view();
            if (previous.countsAt(now) || previous.isStandingRejection()) {
                throw new PortalException(
                        Kind.CONFLICT,
                        "approval_duplicate",
                        actor,
                        previous.decidedAt().toString());
            }
            // An expired approval stays on record; the approver may approve again.
            current.get().retire();
            approvals.flush();
        }
        try {
            return approvals
                    .saveAndFlush(new ApprovalEntity(
                            subject, kind, actor, decision, comment, now, now.plus(policy.validity())))
                    .view();
        } catch (DataIntegrityViolationException e) {
            throw new PortalException(Kind.CONFLICT, "approval_duplicate_concurrent", actor);
        }
    }
}
