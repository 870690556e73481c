package org.pchatdr.portal.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.api.ApiErrors;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account with an initial or reset password may do nothing over the API until its owner has
 * chosen a password of their own in the UI. Not a bean: Boot would register it for every request.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    private final UserAccountRepository accounts;
    private final ApiErrors errors;

    PasswordChangeRequiredFilter(UserAccountRepository accounts, ApiErrors errors) {
        this.accounts = accounts;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // A token's authentication has just read the account: one query less on every token call.
        boolean mustChange =
                SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication token
                        ? token.mustChangePassword()
                        : CurrentUser.username()
                                .flatMap(accounts::findByUsername)
                                .map(UserAccount::isMustChangePassword)
                                .orElse(false);
        if (mustChange) {
            errors.write(request, response, HttpServletResponse.SC_FORBIDDEN, "password_change_required");
            return;
        }
        chain.doFilter(request, response);
    }
}
