package org.pchatdr.portal.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.pchatdr.portal.security.LockoutPolicy;

@Entity
@Table(name = "lockout_policy")
public class LockoutPolicyEntity {

    static final int ID = 1;

    @Id
    private int id = ID;

    @Column(name = "max_failures", nullable = false)
    private int maxFailures;

    @Column(name = "window_minutes", nullable = false)
    private int windowMinutes;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LockoutPolicyEntity() {}

    public LockoutPolicyEntity(LockoutPolicy policy, String updatedBy, Instant updatedAt) {
        set(policy, updatedBy, updatedAt);
    }

    public void set(LockoutPolicy policy, String by, Instant at) {
        this.maxFailures = policy.maxFailures();
        this.windowMinutes = (int) policy.window().toMinutes();
        this.durationMinutes = (int) policy.duration().toMinutes();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public LockoutPolicy policy() {
        return new LockoutPolicy(maxFailures, Duration.ofMinutes(windowMinutes), Duration.ofMinutes(durationMinutes));
    }
}
