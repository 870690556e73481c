package org.pchatdr.portal.security.internal;

import jakarta.persistence.LockModeType;
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
}
