package org.pchatdr.portal.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.pchatdr.portal.base.api.ApiErrors;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of HTTP Basic on the API (issue 11): authenticates {@code Authorization: Bearer} tokens,
 * and answers 429 to any other credentials from an address that has failed too often, before
 * bcrypt runs. A valid token passes even then: the limit is on failures, not on work done.
 * Not a bean, Boot would register it for every request: {@link Factory} makes it for the API chain.
 */
class ApiCredentialsFilter extends OncePerRequestFilter {

    /** The name failed token authentications are reported under; no username can look like it. */
    static final String TOKEN_PRINCIPAL = "<api token>";

    private static final String BEARER = "Bearer ";

    private final Factory parts;

    private ApiCredentialsFilter(Factory parts) {
        this.parts = parts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        // Issue 16: already authenticated by the scrape token (MetricsTokenFilter), whose bearer is no API token.
        if (authorization == null || SecurityContextHolder.getContext().getAuthentication() != null) {
            chain.doFilter(request, response);
            return;
        }
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && parts.oidc().isJwt(authorization.substring(BEARER.length()).strip())) {
            // Decision 021: the OpenID provider's JWT, checked by the resource server's filter.
            chain.doFilter(request, response);
            return;
        }
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            Optional<ApiTokenAuthentication> authentication = parts.tokens()
                    .authenticate(authorization.substring(BEARER.length()).strip());
            if (authentication.isPresent()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication.get());
                SecurityContextHolder.setContext(context);
                chain.doFilter(request, response);
                return;
            }
        }
        Optional<Duration> wait = parts.throttle().retryAfter(request.getRemoteAddr());
        if (wait.isPresent()) {
            parts.throttle().refuse(request, response, wait.get());
            return;
        }
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            // Counted and audited like a wrong password for an unknown user (SignInMonitor).
            parts.authenticationEvents()
                    .publishAuthenticationFailure(
                            new BadCredentialsException("unknown, expired or revoked API token"),
                            UsernamePasswordAuthenticationToken.unauthenticated(TOKEN_PRINCIPAL, null));
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            parts.errors().write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_token");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * What the API's security chain asks for its filter, so that the chain's definition stays one
     * line: the filter's parts, as beans.
     */
    @Component
    record Factory(
            ApiTokenAuthenticator tokens,
            AddressThrottle throttle,
            AuthenticationEventPublisher authenticationEvents,
            ApiErrors errors,
            OidcSignIn oidc) {

        ApiCredentialsFilter create() {
            return new ApiCredentialsFilter(this);
        }
    }
}
