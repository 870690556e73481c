package org.pchatdr.portal.security;

import java.time.Clock;
import java.time.Duration;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.security.internal.LockoutPolicyEntity;
import org.pchatdr.portal.security.internal.LockoutPolicyStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings administrators change in the portal: for now the lockout policy, which overrides the
 * {@code PORTAL_LOCKOUT_*} configuration once saved. Every change is on the audit trail.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class SecuritySettingsService {

    private final LockoutPolicyStore store;
    private final LockoutSettings defaults;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecuritySettingsService(
            LockoutPolicyStore store, LockoutSettings defaults, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.defaults = defaults;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LockoutPolicy lockoutPolicy() {
        return store.effective(defaults);
    }

    /**
     * Replaces {@code seen} (the policy the administrator started from) with {@code next}; refused
     * when someone changed it meanwhile or when {@code next} is out of range.
     */
    public LockoutPolicy changeLockoutPolicy(LockoutPolicy seen, LockoutPolicy next) {
        if (next.maxFailures() < 1 || next.maxFailures() > LockoutPolicy.MAX_FAILURES_LIMIT) {
            throw new PortalException(Kind.INVALID, "lockout_failures_range", LockoutPolicy.MAX_FAILURES_LIMIT);
        }
        if (!withinADay(next.window()) || !withinADay(next.duration())) {
            throw new PortalException(Kind.INVALID, "lockout_minutes_range", LockoutPolicy.LONGEST.toMinutes());
        }
        var stored = store.lockStored();
        LockoutPolicy current = stored.map(LockoutPolicyEntity::policy).orElseGet(() -> LockoutPolicy.of(defaults));
        if (!current.equals(seen)) {
            throw new PortalException(Kind.CONFLICT, "stale");
        }
        String actor = CurrentUser.actor();
        stored.ifPresentOrElse(
                entity -> entity.set(next, actor, clock.instant()),
                () -> store.save(new LockoutPolicyEntity(next, actor, clock.instant())));
        events.publishEvent(new SettingsChanged(
                actor, "lockout policy", current.toString(), next.toString(), current.said(), next.said()));
        return next;
    }

    private static boolean withinADay(Duration duration) {
        return duration.toMinutes() >= 1 && duration.compareTo(LockoutPolicy.LONGEST) <= 0;
    }
}
