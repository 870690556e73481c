package org.pchatdr.portal.security.internal;

import java.util.Collection;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in user as Spring Security keeps it in a session, with the account's session
 * generation read in the same query as the password hash and the roles: a session whose generation
 * is no longer the account's was signed in before a change that ends sessions (decision 015).
 */
public class PortalPrincipal extends User implements SessionBound {

    private static final long serialVersionUID = 1L;

    private final int sessionGeneration;

    PortalPrincipal(
            String username,
            String password,
            boolean enabled,
            boolean accountNonLocked,
            Collection<? extends GrantedAuthority> authorities,
            int sessionGeneration) {
        super(username, password, enabled, true, true, accountNonLocked, authorities);
        this.sessionGeneration = sessionGeneration;
    }

    @Override
    public int sessionGeneration() {
        return sessionGeneration;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PortalPrincipal that
                && super.equals(that)
                && sessionGeneration == that.sessionGeneration;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), sessionGeneration);
    }
}
