package org.pchatdr.portal.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.pchatdr.portal.security.LockoutPolicy;

@Entity
@Table(name = "lockout_policy")
public class LockoutPolicyEntity extends SavedSetting {

    @Column(name = "max_failures", nullable = false)
    private int maxFailures;

    @Column(name = "window_minutes", nullable = false)
    private int windowMinutes;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    protected LockoutPolicyEntity() {}

    public LockoutPolicyEntity(LockoutPolicy policy, String updatedBy, Instant updatedAt) {
        set(policy, updatedBy, updatedAt);
    }

    public void set(LockoutPolicy policy, String by, Instant at) {
        this.maxFailures = policy.maxFailures();
        this.windowMinutes = (int) policy.window().toMinutes();
        this.durationMinutes = (int) policy.duration().toMinutes();
        saved(by, at);
    }

    public LockoutPolicy policy() {
        return new LockoutPolicy(maxFailures, Duration.ofMinutes(windowMinutes), Duration.ofMinutes(durationMinutes));
    }
}
