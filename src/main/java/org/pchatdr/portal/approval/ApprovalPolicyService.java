package org.pchatdr.portal.approval;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pchatdr.portal.approval.internal.ApprovalPolicyEntity;
import org.pchatdr.portal.approval.internal.ApprovalPolicyRepository;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval policy of each kind of subject the features contribute ({@link ApprovableSubjects}),
 * which administrators change; every change is audited, and a policy nobody could satisfy is
 * refused (decision 014).
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class ApprovalPolicyService {

    static final int MAX_KIND = 64;

    private final ApprovalPolicyRepository policies;
    private final ObjectProvider<ApprovableSubjects> subjects;
    private final EligibleApprovers eligible;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalPolicyService(
            ApprovalPolicyRepository policies,
            ObjectProvider<ApprovableSubjects> subjects,
            EligibleApprovers eligible,
            ApplicationEventPublisher events,
            Clock clock) {
        this.policies = policies;
        this.subjects = subjects;
        this.eligible = eligible;
        this.events = events;
        this.clock = clock;
    }

    /** Every kind the features contribute, in their order. */
    @Transactional(readOnly = true)
    public List<PolicyKind> kinds() {
        return subjects.orderedStream()
                .flatMap(contribution -> contribution.policyKinds().stream())
                .toList();
    }

    /** The contributed kind named {@code kind}; refused when no feature contributes it. */
    @Transactional(readOnly = true)
    public PolicyKind kind(String kind) {
        checkedKind(kind);
        return kinds().stream()
                .filter(candidate -> candidate.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "approval_kind_unknown", kind));
    }

    @Transactional(readOnly = true)
    public ApprovalPolicy policy(String kind) {
        return policies.effective(checkedKind(kind));
    }

    /**
     * How many distinct approvers a subject of {@code kind} can count on whoever requests and
     * executes it: the most its policy may require (decision 014).
     */
    @Transactional(readOnly = true)
    public int eligibleApprovers(String kind) {
        return eligible.atWorst(kind(kind));
    }

    /**
     * Every kind with its policy and how many approvers it can count on, for the administrator's
     * home: one query for the stored policies and two counts per acting role, whatever the number of
     * kinds. {@link PolicyOverview#satisfiable()} is false where approvers were disabled or demoted
     * after the policy was saved (decision 014).
     */
    @Transactional(readOnly = true)
    public List<PolicyOverview> overview() {
        Map<String, ApprovalPolicy> stored = policies.findAll().stream()
                .collect(Collectors.toMap(ApprovalPolicyEntity::getKind, ApprovalPolicyEntity::policy));
        Map<Role, Integer> eligibleByActingRole = new HashMap<>();
        return kinds().stream()
                .map(kind -> new PolicyOverview(
                        kind,
                        stored.getOrDefault(kind.kind(), ApprovalPolicy.DEFAULT),
                        eligibleByActingRole.computeIfAbsent(kind.actingRole(), role -> eligible.atWorst(kind))))
                .toList();
    }

    /** A kind, its policy, and the approvers it can count on at worst. */
    public record PolicyOverview(PolicyKind kind, ApprovalPolicy policy, int eligible) {

        public boolean satisfiable() {
            return policy.requiredApprovers() <= eligible;
        }
    }

    /**
     * Replaces {@code seen} (the policy the administrator started from) with {@code next}; fields
     * that do not apply to the kind keep their value. Refused when someone changed it meanwhile,
     * when {@code next} is out of range, or when it requires more approvers than are eligible.
     */
    public ApprovalPolicy changePolicy(String kind, ApprovalPolicy seen, ApprovalPolicy next) {
        PolicyKind policyKind = kind(kind);
        next.checked();
        var stored = policies.lock(kind);
        ApprovalPolicy current = stored.map(ApprovalPolicyEntity::policy).orElse(ApprovalPolicy.DEFAULT);
        if (!current.equals(seen)) {
            throw new PortalException(Kind.CONFLICT, "stale");
        }
        ApprovalPolicy applied = policyKind.limit(next, current);
        int available = eligible.atWorst(policyKind);
        if (applied.requiredApprovers() > available) {
            throw new PortalException(
                    Kind.INVALID, "approval_policy_unsatisfiable", applied.requiredApprovers(), available);
        }
        String actor = CurrentUser.actor();
        try {
            stored.ifPresentOrElse(
                    entity -> entity.set(applied, actor, clock.instant()),
                    () -> policies.save(new ApprovalPolicyEntity(kind, applied, actor, clock.instant())));
            policies.flush();
        } catch (DataIntegrityViolationException e) {
            throw new PortalException(Kind.CONFLICT, "stale");
        }
        events.publishEvent(new ApprovalEvents.PolicyChanged(actor, kind, current, applied));
        return applied;
    }

    static String checkedKind(String kind) {
        if (kind == null || kind.isBlank() || kind.length() > MAX_KIND) {
            throw new PortalException(Kind.INVALID, "approval_kind_invalid", MAX_KIND);
        }
        return kind;
    }
}
