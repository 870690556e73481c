package org.pchatdr.portal.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(Long userId);

    long countByUserIdAndRevokedAtIsNullAndExpiresAtAfter(Long userId, Instant now);

    /**
     * Records a use at most once a minute per token: a write (and an fsync, decision 011) on every
     * call would cost more than the call itself. Returns the rows changed, 0 when recorded recently.
     */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id"
            + " and (t.lastUsedAt is null or t.lastUsedAt < :notBefore)")
    int markUsed(Long id, Instant now, Instant notBefore);
}
