package org.pchatdr.portal.security.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.security.AccountAction;
import org.pchatdr.portal.security.AccountEvent;
import org.pchatdr.portal.security.LockoutPolicy;
import org.pchatdr.portal.security.LockoutSettings;
import org.pchatdr.portal.security.Usernames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Watches Spring Security's authentication events: locks the account after too many wrong
 * passwords, whichever channel they came through, and reports sign-ins and sign-outs to the audit
 * trail. A successful sign-in that cannot be recorded is refused; failures and sign-outs are
 * recorded on a best-effort basis, since the attempt itself was counted before the password check.
 */
@Component
record SignInMonitor(
        UserAccountRepository accounts,
        SignInFailureRepository failures,
        LockoutSettings defaults,
        LockoutPolicyStore policies,
        ApplicationEventPublisher events,
        TransactionTemplate transaction,
        AddressThrottle throttle,
        Clock clock,
        MeterRegistry meters) {

    private static final Logger log = LoggerFactory.getLogger(SignInMonitor.class);
    private static final int MAX_RECORDED_USERNAME = 64;

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = recordable(
                event.getException() instanceof DirectoryException.OfAccount refusal && refusal.username() != null
                        ? refusal.username()
                        : event.getAuthentication().getName());
        String reason = reason(event.getException());
        AuditMessage details = AuditMessage.of(
                "audit.details.SIGN_IN_FAILED",
                channel(),
                // The codes the bundles know are said in words; the others (a name's explanation,
                // an exception's class) as recorded.
                WORDED_REASONS.contains(reason) ? AuditMessage.of("audit.details.sign-in." + reason) : reason);
        boolean wrongPassword = event.getException() instanceof BadCredentialsException;
        // Issue 16: every failed authentication, known account or not, on /actuator/prometheus.
        Counter.builder("portal.signin.failures")
                .tag("channel", channel())
                .tag("reason", reason.split(" ", 2)[0])
                .description("Failed sign-ins and API authentications on this instance")
                .register(meters)
                .increment();
        // The attempt was already claimed (and counted) before the password was checked
        // (PortalUserDetailsService): a failure to record more here cannot let a guess through.
        safely(() -> transaction.executeWithoutResult(status -> {
            // A wrong password may lock the account: its row is locked before it is read, since a copy
            // read before a concurrent lock-out conflicts with it and rolls this record back (failed
            // attempts that raced a lock-out were missing from the audit trail).
            Optional<UserAccount> account =
                    wrongPassword ? accounts.lockByUsername(username) : accounts.findByUsername(username);
            // Issue 11: unknown names are audited per address and window (AddressThrottle), not one each.
            throttle.recordFailure(clientAddress(), account.isPresent() ? null : username);
            if (account.isEmpty()) {
                return;
            }
            events.publishEvent(new AccountEvent(AccountAction.SIGN_IN_FAILED, username, username, null, details));
            if (wrongPassword) {
                lockIfTooMany(account.get());
            }
        }));
    }

    /**
     * Clears the claimed attempts and, for the sign-in page, records the sign-in. Published before
     * the session is established, so a record that cannot be written refuses the sign-in (fail
     * closed) instead of letting it through unaudited.
     */
    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        String channel = channel();
        try {
            transaction.executeWithoutResult(status -> {
                Optional<UserAccount> account = accounts.findByUsername(username);
                account.ifPresent(found -> failures.deleteByUser(found.getId()));
                // Only sign-ins through the sign-in page: each API call authenticates and is not a sign-in.
                if (channel.equals("UI")) {
                    account.ifPresent(found -> found.signedInAt(clock.instant()));
                    AuditMessage details = account.filter(UserAccount::isExternal)
                            .map(found -> AuditMessage.of(
                                    "audit.details.SIGNED_IN.external",
                                    "UI",
                                    found.getSource().name().toLowerCase(java.util.Locale.ROOT),
                                    String.valueOf(found.getRoles()),
                                    String.valueOf(found.getDirectoryGroups())))
                            .orElse(AuditMessage.of("audit.details.SIGNED_IN", channel));
                    events.publishEvent(new AccountEvent(AccountAction.SIGNED_IN, username, username, null, details));
                }
            });
        } catch (RuntimeException e) {
            throw new InternalAuthenticationServiceException("The sign-in could not be recorded", e);
        }
    }

    @EventListener
    void onSignOut(LogoutSuccessEvent event) {
        String username = event.getAuthentication().getName();
        safely(() -> transaction.executeWithoutResult(
                status -> events.publishEvent(new AccountEvent(AccountAction.SIGNED_OUT, username, username, null))));
    }

    private void lockIfTooMany(UserAccount account) {
        LockoutPolicy lockout = policies.effective(defaults);
        Instant now = clock.instant();
        long recent = failures.countByUserIdAndOccurredAtAfter(account.getId(), now.minus(lockout.window()));
        if (recent < lockout.maxFailures() || account.isLockedAt(now)) {
            return;
        }
        if (accounts.isLastActiveAdmin(account)) {
            // Somebody else's wrong passwords must not lock out the last administrator: the
            // addresses that sent them are throttled instead (PortalUserDetailsService).
            return;
        }
        Instant until = now.plus(lockout.duration());
        account.lockUntil(until);
        failures.deleteByUser(account.getId());
        events.publishEvent(new AccountEvent(
                AccountAction.ACCOUNT_LOCKED,
                CurrentUser.SYSTEM,
                account.getUsername(),
                null,
                AuditMessage.of(
                        "audit.details.ACCOUNT_LOCKED", recent, lockout.window().toString(), until.toString())));
    }

    private static void safely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Could not record an authentication event", e);
        }
    }

    /** What an attacker typed is stored bounded and without control characters. */
    private static String recordable(String typed) {
        String cleaned = Usernames.normalise(typed).replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() <= MAX_RECORDED_USERNAME ? cleaned : cleaned.substring(0, MAX_RECORDED_USERNAME);
    }

    private static final java.util.Set<String> WORDED_REASONS =
            java.util.Set.of("directory-unavailable", "locked", "disabled", "bad-credentials");

    private static String reason(Exception e) {
        if (e instanceof DirectoryException.NameTaken) {
            return "name-of-another-account (" + e.getMessage() + ")";
        }
        if (e instanceof DirectoryException.NoMappedGroup) {
            return "no-mapped-group (" + e.getMessage() + ")";
        }
        if (e instanceof DirectoryException.Unavailable) {
            return "directory-unavailable";
        }
        if (e instanceof LockedException) {
            return "locked";
        }
        if (e instanceof DisabledException) {
            return "disabled";
        }
        if (e instanceof BadCredentialsException) {
            return "bad-credentials";
        }
        return e.getClass().getSimpleName();
    }

    private static String clientAddress() {
        return currentRequest().map(HttpServletRequest::getRemoteAddr).orElse("(no request)");
    }

    private static String channel() {
        return currentRequest()
                .map(request -> request.getRequestURI()
                        .substring(request.getContextPath().length()))
                .map(path -> path.startsWith("/api/") || path.startsWith("/actuator/") ? "API" : "UI")
                .orElse("UI");
    }

    static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }
}
