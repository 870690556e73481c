package org.pchatdr.portal.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.security.ApiTokenSummary;

/** A named API token of one account; only its SHA-256 is kept (see {@code ApiTokenService}). */
@Entity
@Table(name = "api_token")
public class ApiToken extends GeneratedKey {

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {}

    public ApiToken(Long userId, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public ApiTokenSummary summary() {
        return new ApiTokenSummary(getId(), name, createdAt, expiresAt, lastUsedAt);
    }

    /** Never used, or last used before {@code instant}. */
    public boolean isUnusedSince(Instant instant) {
        return lastUsedAt == null || lastUsedAt.isBefore(instant);
    }

    /** Usable at {@code now}: neither revoked nor expired. */
    public boolean isValidAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public void revoke(Instant at) {
        this.revokedAt = at;
    }
}
