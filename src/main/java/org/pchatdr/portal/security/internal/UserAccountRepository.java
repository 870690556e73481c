package org.pchatdr.portal.security.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.base.Role;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    /** The account, row-locked until the transaction ends: sign-in attempts claim their turn here. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.username = :username")
    Optional<UserAccount> lockByUsername(String username);

    /** The session generation of an enabled account; empty when disabled or gone (decision 015). */
    @Query("select u.sessionGeneration from UserAccount u where u.username = :username and u.enabled = true")
    Optional<Integer> enabledSessionGeneration(String username);

    Slice<UserAccount> findAllBy(Pageable pageable);

    /**
     * Row-locks the enabled holders of {@code role} until the transaction ends: two administrators
     * taking away each other's rights at the same moment queue up here.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.enabled = true and :role member of u.roles")
    List<UserAccount> lockEnabledWithRole(Role role);

    @Query("select count(u) from UserAccount u where u.enabled = true and :role member of u.roles")
    long countEnabledWithRole(Role role);

    /** Usernames of the enabled accounts holding every role of {@code roles}, each once. */
    @Query("select u.username from UserAccount u join u.roles r where u.enabled = true and r in :roles"
            + " group by u.username having count(r) = :size")
    List<String> enabledHoldingAll(Collection<Role> roles, long size);

    /** Whether no other enabled account holds ADMIN: such an account is throttled, never locked. */
    default boolean isLastActiveAdmin(UserAccount account) {
        return account.isActiveAdmin() && countEnabledWithRole(Role.ADMIN) <= 1;
    }

    /** Accounts locked at {@code now}, with their roles: one query for the administrators' home. */
    @Query("select distinct u from UserAccount u left join fetch u.roles where u.lockedUntil > :now"
            + " order by u.username")
    List<UserAccount> lockedAt(Instant now);
}
