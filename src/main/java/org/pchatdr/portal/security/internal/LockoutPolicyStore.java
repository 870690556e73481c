package org.pchatdr.portal.security.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.pchatdr.portal.security.LockoutPolicy;
import org.pchatdr.portal.security.LockoutSettings;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The lockout policy in force: the administrator's, or else the configuration's. */
public interface LockoutPolicyStore extends JpaRepository<LockoutPolicyEntity, Integer> {

    @Query("select p from LockoutPolicyEntity p where p.id = " + LockoutPolicyEntity.ID)
    Optional<LockoutPolicyEntity> stored();

    /** The stored policy, row-locked: two administrators saving at once queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from LockoutPolicyEntity p where p.id = " + LockoutPolicyEntity.ID)
    Optional<LockoutPolicyEntity> lockStored();

    default LockoutPolicy effective(LockoutSettings defaults) {
        return stored().map(LockoutPolicyEntity::policy).orElseGet(() -> LockoutPolicy.of(defaults));
    }
}
