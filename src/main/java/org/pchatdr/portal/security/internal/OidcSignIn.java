package org.pchatdr.portal.security.internal;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pchatdr.portal.security.OidcSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Sign-in with OpenID Connect (issue 15, decision 021), built from {@link OidcSettings} and used by
 * both security chains when {@code PORTAL_OIDC_ISSUER} is set: the client registration (discovered
 * from the issuer at first use, so that a provider that is down at start-up keeps neither the portal
 * nor its local accounts from starting), the provider that turns the authorization code into a
 * signed-in {@link PortalOidcUser}, the logout at the provider, and the API's bearer JWTs.
 */
@Component
class OidcSignIn {

    /** The registration's id: the browser goes to /oauth2/authorization/portal, comes back to /login/oauth2/code/portal. */
    static final String REGISTRATION_ID = "portal";

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    /** Three base64url parts: a JWT. The portal's own API tokens ({@link ApiTokens#PREFIX}) never match. */
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final OidcSettings settings;
    private final OidcAccounts accounts;
    private final AuthenticationEventPublisher events;
    private volatile ClientRegistration registration;

    OidcSignIn(OidcSettings settings, OidcAccounts accounts, AuthenticationEventPublisher events) {
        this.settings = settings;
        this.accounts = accounts;
        this.events = events;
    }

    boolean enabled() {
        return settings.enabled();
    }

    /** The one registration, discovered from the issuer at first use and retried until it succeeds. */
    ClientRegistrationRepository registrations() {
        return id -> REGISTRATION_ID.equals(id) ? registration() : null;
    }

    private ClientRegistration registration() {
        ClientRegistration known = registration;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (registration == null) {
                try {
                    registration = ClientRegistrations.fromIssuerLocation(settings.issuer())
                            .registrationId(REGISTRATION_ID)
                            .clientId(settings.clientId())
                            .clientSecret(settings.clientSecret())
                            .scope(settings.scopeList())
                            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                            .build();
                } catch (RuntimeException e) {
                    log.warn(
                            "The OpenID provider {} cannot be reached or its discovery document is unusable: {}",
                            settings.issuer(),
                            e.toString());
                    return null;
                }
            }
            return registration;
        }
    }

    /**
     * When the browser cannot be sent to the provider — in practice, its discovery document cannot
     * be fetched because it is down — back to the sign-in page with a message that says so, instead
     * of Spring Security's bare 500 (issue 15). Local sign-in never goes through here.
     */
    AuthenticationFailureHandler authorizationFailureHandler() {
        SimpleUrlAuthenticationFailureHandler signInPage = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            log.warn(
                    "The browser could not be sent to the OpenID provider {}: {}",
                    settings.issuer(),
                    exception.toString());
            signInPage.onAuthenticationFailure(
                    request,
                    response,
                    new DirectoryException.ProviderUnavailable("The OpenID provider cannot be reached", exception));
        };
    }

    /** Turns the provider's authorization code into a signed-in person; part of the portal's one manager. */
    AuthenticationProvider loginProvider() {
        return new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), userService());
    }

    private OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            PortalPrincipal account = accounts.signIn(
                    claimText(user.getClaims(), settings.usernameClaim()),
                    claimValues(user.getClaims(), settings.groupsClaim()));
            return new PortalOidcUser(account, user.getIdToken(), user.getUserInfo());
        };
    }

    /**
     * Signing out ends the portal session and, when the provider advertises an end_session_endpoint,
     * its own session too (RP-initiated logout), which sends the browser back to the sign-in page.
     * Local and LDAP users, and providers without that endpoint, go straight to the sign-in page.
     */
    LogoutSuccessHandler logoutSuccessHandler() {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations());
        handler.setPostLogoutRedirectUri("{baseUrl}/login");
        handler.setDefaultTargetUrl("/login");
        // Sign-out is clicked in a Vaadin UI: the redirect goes through Vaadin's answer.
        handler.setRedirectStrategy(new UidlRedirectStrategy());
        return handler;
    }

    /** The bearer token of an API request when it is a JWT; the portal's own tokens are left to ApiCredentialsFilter. */
    String bearerJwt(jakarta.servlet.http.HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return isJwt(token) ? token : null;
    }

    boolean isJwt(String token) {
        return settings.enabled() && JWT.matcher(token).matches();
    }

    /**
     * The API's check of the provider's access tokens: signature by the issuer's published keys,
     * issuer, expiry and audience; then the same account rules and role mapping as the sign-in page.
     * Successes and failures are events like any other authentication (lockout, throttle, audit).
     */
    AuthenticationManager bearerManager() {
        JwtDecoder discovered = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder nimbus = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(settings.issuer());
            String audience = settings.expectedAudience();
            nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(settings.issuer()),
                    new JwtClaimValidator<List<String>>(
                            JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
            return nimbus;
        });
        JwtDecoder decoder = token -> {
            try {
                return discovered.decode(token);
            } catch (JwtDecoderInitializationException e) {
                // The provider is down: refused like a bad token (401), not an error page.
                log.warn(
                        "The OpenID provider {} cannot be reached to check a bearer token: {}",
                        settings.issuer(),
                        e.toString());
                throw new BadJwtException("The OpenID provider cannot be reached", e);
            }
        };
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(this::bearerAuthentication);
        return authentication -> {
            try {
                Authentication result = provider.authenticate(authentication);
                events.publishAuthenticationSuccess(result);
                return result;
            } catch (AuthenticationException e) {
                events.publishAuthenticationFailure(
                        e,
                        UsernamePasswordAuthenticationToken.unauthenticated(
                                ApiCredentialsFilter.TOKEN_PRINCIPAL, null));
                throw e;
            }
        };
    }

    private UsernamePasswordAuthenticationToken bearerAuthentication(Jwt jwt) {
        PortalPrincipal account = accounts.signIn(
                claimText(jwt.getClaims(), settings.usernameClaim()),
                claimValues(jwt.getClaims(), settings.groupsClaim()));
        return UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
    }

    private static String claimText(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null ? "" : value.toString();
    }

    /** A claim's values: ADFS sends a single group as a string, several as an array. */
    private static List<String> claimValues(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
