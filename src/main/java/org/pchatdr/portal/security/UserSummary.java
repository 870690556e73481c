package org.pchatdr.portal.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.pchatdr.portal.base.Role;

/**
 * An account as the user administration shows it; {@code version} guards concurrent edits. For a
 * directory account, {@code directoryGroups} are the groups that gave its roles at its last sign-in.
 */
public record UserSummary(
        long id,
        String username,
        Set<Role> roles,
        boolean enabled,
        Instant lockedUntil,
        boolean mustChangePassword,
        Instant createdAt,
        long version,
        AccountSource source,
        Instant lastSignInAt,
        List<String> directoryGroups) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
