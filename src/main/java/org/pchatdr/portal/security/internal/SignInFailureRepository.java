package org.pchatdr.portal.security.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SignInFailureRepository extends JpaRepository<SignInFailure, Long> {

    long countByUserIdAndOccurredAtAfter(Long userId, Instant since);

    long countByUserIdAndClientAddressAndOccurredAtAfter(Long userId, String clientAddress, Instant since);

    @Modifying
    @Query("delete from SignInFailure f where f.userId = :userId")
    void deleteByUser(Long userId);

    @Modifying
    @Query("delete from SignInFailure f where f.userId = :userId and f.occurredAt <= :before")
    void deleteByUserBefore(Long userId, Instant before);

    Optional<SignInFailure> findFirstByUserIdOrderByIdDesc(Long userId);

    /** Withdraws the attempt just claimed, whose password was never checked (directory unreachable). */
    default void deleteLatestOf(Long userId) {
        findFirstByUserIdOrderByIdDesc(userId).ifPresent(this::delete);
    }
}
