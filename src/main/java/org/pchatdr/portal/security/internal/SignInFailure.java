package org.pchatdr.portal.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;

/**
 * One sign-in attempt on an existing account: claimed before the password is checked, so that it
 * counts as a wrong password until the attempt succeeds (which clears them all); kept only as long
 * as the lockout window needs it.
 */
@Entity
@Table(name = "sign_in_failure")
public class SignInFailure extends GeneratedKey {

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    protected SignInFailure() {}

    public SignInFailure(Long userId, Instant occurredAt, String clientAddress) {
        this.userId = userId;
        this.occurredAt = occurredAt;
        this.clientAddress = clientAddress;
    }
}
