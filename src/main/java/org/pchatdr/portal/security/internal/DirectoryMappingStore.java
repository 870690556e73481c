package org.pchatdr.portal.security.internal;

import org.pchatdr.portal.security.DirectorySettings;
import org.pchatdr.portal.security.GroupRoleMapping;

/** The groups → roles mapping in force: the administrator's, or else PORTAL_LDAP_GROUP_ROLES. */
public interface DirectoryMappingStore extends SavedSettingStore<DirectoryMappingEntity> {

    default GroupRoleMapping effective(DirectorySettings settings) {
        return stored().map(entity -> GroupRoleMapping.parse(entity.mapping()))
                .orElseGet(() -> GroupRoleMapping.parse(settings.groupRoles()));
    }
}
