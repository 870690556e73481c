package org.pchatdr.portal.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.LockoutPolicy;
import org.pchatdr.portal.security.LockoutSettings;
import org.pchatdr.portal.security.Usernames;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one user store behind the sign-in page and HTTP Basic on the API. Spring Security calls it
 * right before it checks a password, and only then, so it is where an attempt <em>claims</em> its
 * turn (decision 015): under the account's row lock it refuses the attempt when the lockout window
 * is already full, or else records it as a failure and commits, before the password is looked at.
 * A correct password then clears the failures ({@link SignInMonitor}). Forty wrong passwords sent
 * at once therefore get at most {@code maxFailures} checks, on every instance alike. An attempt
 * that cannot be recorded is refused (fail closed).
 *
 * <p>Not for looking accounts up: every call counts as an attempt.
 */
@Service
class PortalUserDetailsService implements UserDetailsService {

    private static final int MAX_ADDRESS = 64;

    private final UserAccountRepository accounts;
    private final SignInFailureRepository failures;
    private final LockoutSettings defaults;
    private final LockoutPolicyStore policies;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PortalUserDetailsService(
            UserAccountRepository accounts,
            SignInFailureRepository failures,
            LockoutSettings defaults,
            LockoutPolicyStore policies,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.accounts = accounts;
        this.failures = failures;
        this.defaults = defaults;
        this.policies = policies;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String name = Usernames.normalise(username);
        String address = clientAddress();
        try {
            return transaction.execute(status -> claim(name, address));
        } catch (DataAccessException | TransactionException e) {
            throw new InternalAuthenticationServiceException("The sign-in attempt could not be recorded", e);
        }
    }

    private UserDetails claim(String name, String address) {
        UserAccount account = accounts.lockByUsername(name)
                // Decisions 018, 021: an external account's password is checked by the company only.
                .filter(found -> !found.isExternal())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return principal(account, claimed(account, address));
    }

    /**
     * The same claim for a directory account (decision 018), made before the directory checks the
     * password: the account row is created the first time the directory knows the name, so that
     * lockout counts from the first attempt. Empty when the name belongs to a local account.
     */
    Optional<PortalPrincipal> claimForDirectory(String name) {
        String address = clientAddress();
        try {
            return transaction.execute(status -> {
                UserAccount account = accounts.lockByUsername(name).orElse(null);
                if (account == null) {
                    accounts.saveAndFlush(UserAccount.fromDirectory(name, clock.instant()));
                    account = accounts.lockByUsername(name).orElseThrow();
                }
                if (!account.isFromDirectory()) {
                    return Optional.<PortalPrincipal>empty();
                }
                return Optional.of(principal(account, claimed(account, address)));
            });
        } catch (DataAccessException | TransactionException e) {
            throw new InternalAuthenticationServiceException("The sign-in attempt could not be recorded", e);
        }
    }

    /** Whether the attempt may go on; if so it is recorded as a failure until the password proves right. */
    private boolean claimed(UserAccount account, String address) {
        Instant now = clock.instant();
        LockoutPolicy lockout = policies.effective(defaults);
        Instant since = now.minus(lockout.window());
        boolean refused = account.isLockedAt(now);
        // A disabled account is refused before any password check: nothing to claim.
        if (!refused && account.isEnabled()) {
            failures.deleteByUserBefore(account.getId(), since);
            // The last enabled administrator is never locked (SignInMonitor); an address that
            // used up its guesses on that account is throttled instead, the others are not.
            long recent = accounts.isLastActiveAdmin(account)
                    ? failures.countByUserIdAndClientAddressAndOccurredAtAfter(account.getId(), address, since)
                    : failures.countByUserIdAndOccurredAtAfter(account.getId(), since);
            refused = recent >= lockout.maxFailures();
            if (!refused) {
                failures.saveAndFlush(new SignInFailure(account.getId(), now, address));
            }
        }
        return !refused;
    }

    private static PortalPrincipal principal(UserAccount account, boolean mayTry) {
        return new PortalPrincipal(
                account.getUsername(),
                account.getPasswordHash(),
                account.isEnabled(),
                mayTry,
                account.getRoles().stream()
                        .map(Role::authority)
                        .map(SimpleGrantedAuthority::new)
                        .toList(),
                account.getSessionGeneration());
    }

    private static String clientAddress() {
        String address = SignInMonitor.currentRequest()
                .map(HttpServletRequest::getRemoteAddr)
                .orElse("");
        return address.length() <= MAX_ADDRESS ? address : address.substring(0, MAX_ADDRESS);
    }
}
