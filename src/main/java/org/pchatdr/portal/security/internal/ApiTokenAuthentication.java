package org.pchatdr.portal.security.internal;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A request authenticated by an API token, with the account's roles as they are now. */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final long tokenId;
    private final boolean mustChangePassword;

    ApiTokenAuthentication(
            String username,
            long tokenId,
            boolean mustChangePassword,
            Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.username = username;
        this.tokenId = tokenId;
        this.mustChangePassword = mustChangePassword;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public String getName() {
        return username;
    }

    public long tokenId() {
        return tokenId;
    }

    /** Read with the account at this call, so that {@link PasswordChangeRequiredFilter} need not read it again. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }
}
