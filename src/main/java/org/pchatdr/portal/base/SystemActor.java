package org.pchatdr.portal.base;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The portal acting on its own (scheduled sweeps): authenticated as {@link CurrentUser#SYSTEM}, a
 * username no account may take, with the single authority {@link #AUTHORITY} that no user holds.
 * Service methods meant only for the portal itself require that authority.
 */
public final class SystemActor {

    public static final String AUTHORITY = "PORTAL_SYSTEM";

    private SystemActor() {}

    /** Runs {@code work} as the portal, then restores whoever was signed in on this thread. */
    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                CurrentUser.SYSTEM, null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
