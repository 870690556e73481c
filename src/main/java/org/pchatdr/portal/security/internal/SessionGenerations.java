package org.pchatdr.portal.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions follow the account (decision 015). Every request of a signed-in session — pages, Vaadin's
 * UI requests and heartbeats — compares the session generation it signed in with against the
 * account's row, in one indexed query: a session of a disabled account, or of one whose roles or
 * password changed since, is ended there and then, whichever instance made the change.
 */
@Component
public record SessionGenerations(UserAccountRepository accounts) {

    private static final Logger log = LoggerFactory.getLogger(SessionGenerations.class);

    /** Whether a session signed in as {@code principal} may still act. */
    boolean isCurrent(SessionBound principal) {
        return accounts.enabledSessionGeneration(principal.getUsername())
                .map(generation -> generation == principal.sessionGeneration())
                .orElse(false);
    }

    /**
     * After the signed-in user changed their own password, which ends every session of the account,
     * the session they did it from adopts the new generation and stays signed in.
     */
    public void keepCurrentSession(UserAccount account) {
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = holder.getContext();
        Authentication signedIn = context.getAuthentication();
        if (signedIn == null || !(signedIn.getPrincipal() instanceof PortalPrincipal before)) {
            return;
        }
        PortalPrincipal after = new PortalPrincipal(
                before.getUsername(), "", true, true, before.getAuthorities(), account.getSessionGeneration());
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(after, null, signedIn.getAuthorities()));
        // The session holds this same context object; setting it again also suits stores that copy.
        SignInMonitor.currentRequest()
                .map(request -> request.getSession(false))
                .ifPresent(session -> session.setAttribute(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context));
    }

    /** The filter, for the UI's chain only: the API is stateless and authenticates every call. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
                Authentication signedIn = holder.getContext().getAuthentication();
                if (signedIn != null
                        // Decision 021: OpenID sessions follow the account too.
                        && signedIn.getPrincipal() instanceof SessionBound principal
                        && !isCurrent(principal)) {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    holder.clearContext();
                    log.info(
                            "Ended a session of {}: the account was disabled or its roles or password changed",
                            principal.getUsername());
                }
                chain.doFilter(request, response);
            }
        };
    }
}
