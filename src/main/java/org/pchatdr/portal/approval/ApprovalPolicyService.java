package org.pchatdr.portal.approval;

import java.time.Clock;
import org.pchatdr.portal.approval.internal.ApprovalPolicyEntity;
import org.pchatdr.portal.approval.internal.ApprovalPolicyRepository;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The approval policy of each kind of subject, which administrators change; every change is audited. */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class ApprovalPolicyService {

    static final int MAX_KIND = 64;

    private final ApprovalPolicyRepository policies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalPolicyService(ApprovalPolicyRepository policies, ApplicationEventPublisher events, Clock clock) {
        this.policies = policies;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ApprovalPolicy policy(String kind) {
        return policies.effective(checkedKind(kind));
    }

    /**
     * Replaces {@code seen} (the policy the administrator started from) with {@code next}; refused
     * when someone changed it meanwhile or when {@code next} is out of range.
     */
    public ApprovalPolicy changePolicy(String kind, ApprovalPolicy seen, ApprovalPolicy next) {
        checkedKind(kind);
        next.checked();
        var stored = policies.lock(kind);
        ApprovalPolicy current = stored.map(ApprovalPolicyEntity::policy).orElse(ApprovalPolicy.DEFAULT);
        if (!current.equals(seen)) {
            throw new PortalException(Kind.CONFLICT, "stale");
        }
        String actor = CurrentUser.actor();
        try {
            stored.ifPresentOrElse(
                    entity -> entity.set(next, actor, clock.instant()),
                    () -> policies.save(new ApprovalPolicyEntity(kind, next, actor, clock.instant())));
            policies.flush();
        } catch (DataIntegrityViolationException e) {
            throw new PortalException(Kind.CONFLICT, "stale");
        }
        events.publishEvent(new ApprovalEvents.PolicyChanged(actor, kind, current, next));
        return next;
    }

    static String checkedKind(String kind) {
        if (kind == null || kind.isBlank() || kind.length() > MAX_KIND) {
            throw new PortalException(Kind.INVALID, "approval_kind_invalid", MAX_KIND);
        }
        return kind;
    }
}
