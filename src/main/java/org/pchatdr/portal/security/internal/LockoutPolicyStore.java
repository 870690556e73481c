package org.pchatdr.portal.security.internal;

import org.pchatdr.portal.security.LockoutPolicy;
import org.pchatdr.portal.security.LockoutSettings;

/** The lockout policy in force: the administrator's, or else the configuration's. */
public interface LockoutPolicyStore extends SavedSettingStore<LockoutPolicyEntity> {

    default LockoutPolicy effective(LockoutSettings defaults) {
        return stored().map(LockoutPolicyEntity::policy).orElseGet(() -> LockoutPolicy.of(defaults));
    }
}
