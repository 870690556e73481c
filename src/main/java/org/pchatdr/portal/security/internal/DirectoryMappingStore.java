package org.pchatdr.portal.security.internal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.pchatdr.portal.security.DirectorySettings;
import org.pchatdr.portal.security.GroupRoleMapping;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The groups → roles mapping in force: the administrator's, or else PORTAL_LDAP_GROUP_ROLES. */
public interface DirectoryMappingStore extends JpaRepository<DirectoryMappingEntity, Integer> {

    @Query("select m from DirectoryMappingEntity m where m.id = " + DirectoryMappingEntity.ID)
    Optional<DirectoryMappingEntity> stored();

    /** Row-locked: two administrators saving at once queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from DirectoryMappingEntity m where m.id = " + DirectoryMappingEntity.ID)
    Optional<DirectoryMappingEntity> lockStored();

    default GroupRoleMapping effective(DirectorySettings settings) {
        return stored().map(entity -> GroupRoleMapping.parse(entity.mapping()))
                .orElseGet(() -> GroupRoleMapping.parse(settings.groupRoles()));
    }
}
