package org.pchatdr.portal.security.internal;

import java.util.Objects;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person signed in through OpenID Connect (decision 021): the provider's ID token, kept for the
 * logout at the provider, with the portal's account name, the roles the mapping gave at this
 * sign-in and the account's session generation, so that the session follows the account like any
 * other (decision 015).
 */
public class PortalOidcUser extends DefaultOidcUser implements SessionBound {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final int sessionGeneration;

    PortalOidcUser(PortalPrincipal account, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(account.getAuthorities(), idToken, userInfo);
        this.username = account.getUsername();
        this.sessionGeneration = account.sessionGeneration();
    }

    /** The portal's name for the person, which authorship and the audit trail record. */
    @Override
    public String getName() {
        return username;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public int sessionGeneration() {
        return sessionGeneration;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PortalOidcUser that
                && super.equals(that)
                && username.equals(that.username)
                && sessionGeneration == that.sessionGeneration;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), username, sessionGeneration);
    }
}
