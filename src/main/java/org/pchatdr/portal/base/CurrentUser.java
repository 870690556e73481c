package org.pchatdr.portal.base;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request or UI, as features need it for authorship. */
public final class CurrentUser {

    /** The actor recorded when the portal acts on its own (start-up, scheduled work). */
    public static final String SYSTEM = "system";

    private CurrentUser() {}

    public static Optional<String> username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }

    /** The signed-in username, or {@link #SYSTEM} outside a signed-in request. */
    public static String actor() {
        return username().orElse(SYSTEM);
    }

    /** Every role the signed-in user holds; none outside a signed-in request. */
    public static Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (username().isPresent() && authentication != null) {
            for (var granted : authentication.getAuthorities()) {
                for (Role role : Role.values()) {
                    if (role.authority().equals(granted.getAuthority())) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
