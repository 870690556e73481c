package org.pchatdr.portal.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with OpenID Connect (issue 15, decision 021), from the {@code PORTAL_OIDC_*} variables:
 * ADFS, Entra ID or any OpenID provider. Off while {@code issuer} is empty. {@code groupsClaim}
 * names the claim whose values the groups → roles mapping reads ({@code groups} by default, {@code
 * roles} for Entra ID app roles); {@code usernameClaim} the one that names the account; {@code
 * audience} what the API's bearer tokens must be issued for (the client ID when empty); {@code
 * displayName} ends the "Sign in with …" button.
 */
@ConfigurationProperties("portal.oidc")
public record OidcSettings(
        @DefaultValue("") String issuer,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("") String audience,
        @DefaultValue("openid,profile,email") String scopes,
        @DefaultValue("") String displayName) {

    public OidcSettings {
        // Unset variables reach here as empty strings.
        groupsClaim = orElse(groupsClaim, "groups");
        usernameClaim = orElse(usernameClaim, "preferred_username");
        scopes = orElse(scopes, "openid,profile,email");
        issuer = issuer == null ? "" : issuer.strip();
    }

    public boolean enabled() {
        return !issuer.isBlank();
    }

    /** The audience bearer tokens must carry: PORTAL_OIDC_AUDIENCE, else the client ID. */
    public String expectedAudience() {
        return audience.isBlank() ? clientId : audience.strip();
    }

    public List<String> scopeList() {
        return Arrays.stream(scopes.split("[,\\s]+"))
                .filter(scope -> !scope.isBlank())
                .toList();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
