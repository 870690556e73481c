package org.pchatdr.portal.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.pchatdr.portal.base.api.ApiErrors;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No cross-site use of the portal (decision 015). Not beans: Boot would register them for every
 * request; each goes into one filter chain, before any credentials are looked at.
 */
final class CrossSiteFilters {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private CrossSiteFilters() {}

    /**
     * The API: a request another site sent is refused (403), and a state-changing call must say
     * {@code Content-Type: application/json} (415), body or not. A cross-site HTML form can send
     * neither, so a browser's cached or ambient credentials can never be used from another page.
     */
    static OncePerRequestFilter api(ApiErrors errors) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (SameOrigin.isCrossSite(request)) {
                    errors.write(request, response, HttpServletResponse.SC_FORBIDDEN, "cross_site");
                    return;
                }
                if (STATE_CHANGING.contains(request.getMethod()) && !isJson(request.getContentType())) {
                    errors.write(
                            request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * The sign-in form (login CSRF), part one: the post must come from the portal's own sign-in
     * page, as its {@code Origin} says.
     */
    static OncePerRequestFilter signInOrigin(String loginPath) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                if (request.getMethod().equals("POST") && path.equals(loginPath)) {
                    String origin = request.getHeader("Origin");
                    if (origin == null || !SameOrigin.isOwn(request, origin) || SameOrigin.isCrossSite(request)) {
                        // A bare status: no error page, no redirect that a framing page could use.
                        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * The sign-in form, part two: the post must carry the CSRF token of the sign-in page. Vaadin
     * exempts its sign-in page from CSRF protection; this second check reads the same token store.
     * Named, so that {@code OncePerRequestFilter} does not take it for the first one.
     */
    static CsrfFilter signInCsrf(String loginPath) {
        CsrfFilter filter = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        filter.setBeanName("signInCsrfFilter");
        filter.setRequireCsrfProtectionMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath));
        return filter;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.parseMediaType(contentType).equalsTypeAndSubtype(MediaType.APPLICATION_JSON);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
