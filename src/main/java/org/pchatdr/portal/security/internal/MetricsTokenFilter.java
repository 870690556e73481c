package org.pchatdr.portal.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 16: lets a scraper read {@code /actuator/prometheus} with {@code Authorization: Bearer
 * <PORTAL_METRICS_TOKEN>} and nothing else: the authority it grants is asked for by that one path
 * only, and on any other path the header goes on to the API-token check (and fails there). Without a
 * configured token only administrators read the metrics.
 */
class MetricsTokenFilter extends OncePerRequestFilter {

    static final String PATH = "/actuator/prometheus";
    static final String AUTHORITY = "METRICS_SCRAPE";
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    private MetricsTokenFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return token.length == 0
                || !request.getRequestURI()
                        .substring(request.getContextPath().length())
                        .equals(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                // Constant time: the comparison must not tell a guesser how much of the token was right.
                && MessageDigest.isEqual(
                        token, authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8))) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "metrics-scraper", null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** The API chain's filter, made from {@code portal.metrics.token} ({@code PORTAL_METRICS_TOKEN}). */
    @Component
    static class Factory {

        private final String token;

        Factory(@Value("${portal.metrics.token:}") String token) {
            this.token = token.strip();
        }

        MetricsTokenFilter create() {
            return new MetricsTokenFilter(token);
        }
    }
}
