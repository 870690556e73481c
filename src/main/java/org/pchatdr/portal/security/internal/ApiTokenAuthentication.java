package org.pchatdr.portal.security.internal;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A request authenticated by an API token, with the account's roles as they are now. */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final long tokenId;

    ApiTokenAuthentication(String username, long tokenId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.username = username;
        this.tokenId = tokenId;
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
}
