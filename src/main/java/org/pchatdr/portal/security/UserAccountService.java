package org.pchatdr.portal.security;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.SessionGenerations;
import org.pchatdr.portal.security.internal.SignInFailureRepository;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and their roles. Administration is for ADMIN only; every signed-in user may change their
 * own password. Every change is published as an {@link AccountEvent} for the audit trail.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class UserAccountService {

    private final UserAccountRepository accounts;
    private final SignInFailureRepository failures;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final SessionGenerations sessions;
    private final Clock clock;

    UserAccountService(
            UserAccountRepository accounts,
            SignInFailureRepository failures,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            SessionGenerations sessions,
            Clock clock) {
        this.accounts = accounts;
        this.failures = failures;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The accounts locked now by wrong passwords, by username. */
    @Transactional(readOnly = true)
    public List<UserSummary> lockedUsers() {
        return accounts.lockedAt(clock.instant()).stream()
                .map(UserAccountService::summary)
                .toList();
    }

    /** A page of accounts, by username unless the caller sorts otherwise. */
    @Transactional(readOnly = true)
    public Slice<UserSummary> findUsers(Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("username"));
        return accounts.findAllBy(sorted).map(UserAccountService::summary);
    }

    /** One account by its name, in any case (the REST API's /api/v1/users/{name}). */
    @Transactional(readOnly = true)
    public UserSummary findUser(String username) {
        return accounts.findByUsername(Usernames.normalise(username))
                .map(UserAccountService::summary)
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "user_not_found"));
    }

    public UserSummary createUser(String username, Set<Role> roles, String temporaryPassword) {
        String name = Usernames.valid(username);
        requireRoles(roles);
        PasswordPolicy.check(name, temporaryPassword);
        if (accounts.existsByUsername(name)) {
            throw new PortalException(Kind.CONFLICT, "username_taken", name);
        }
        UserAccount account;
        try {
            account = accounts.saveAndFlush(
                    new UserAccount(name, passwordEncoder.encode(temporaryPassword), roles, true, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // Another administrator created the same name between the check and the insert.
            throw new PortalException(Kind.CONFLICT, "username_taken", name);
        }
        events.publishEvent(new AccountEvent(
                AccountAction.USER_CREATED,
                CurrentUser.actor(),
                name,
                null,
                AuditMessage.of("audit.details.USER_CREATED", sorted(roles))));
        return summary(account);
    }

    /** Ends the account's open sessions, on every instance (decision 015). */
    public UserSummary changeRoles(long id, long version, Set<Role> roles) {
        requireRoles(roles);
        UserAccount account = current(id, version);
        requireLocal(account, "roles_from_groups");
        if (!roles.contains(Role.ADMIN)) {
            requireAnotherActiveAdmin(account);
        }
        Set<Role> before = account.getRoles();
        account.setRoles(roles);
        publish(AccountAction.ROLES_CHANGED, account.getUsername(), sorted(before) + " -> " + sorted(roles));
        return summary(accounts.saveAndFlush(account));
    }

    /** Disabling ends the account's open sessions, on every instance (decision 015). */
    public UserSummary setEnabled(long id, long version, boolean enabled) {
        UserAccount account = current(id, version);
        if (!enabled) {
            requireAnotherActiveAdmin(account);
        }
        account.setEnabled(enabled);
        publish(enabled ? AccountAction.USER_ENABLED : AccountAction.USER_DISABLED, account.getUsername(), null);
        return summary(accounts.saveAndFlush(account));
    }

    /**
     * Sets a temporary password that the user must replace at the next sign-in; ends the account's
     * open sessions (decision 015).
     */
    public UserSummary resetPassword(long id, long version, String temporaryPassword) {
        UserAccount account = current(id, version);
        requireLocal(account, "password");
        PasswordPolicy.check(account.getUsername(), temporaryPassword);
        account.changePassword(passwordEncoder.encode(temporaryPassword), true);
        publish(AccountAction.PASSWORD_RESET, account.getUsername(), null);
        return summary(accounts.saveAndFlush(account));
    }

    public UserSummary unlock(long id, long version) {
        UserAccount account = current(id, version);
        account.unlock();
        failures.deleteByUser(account.getId());
        publish(AccountAction.USER_UNLOCKED, account.getUsername(), null);
        return summary(accounts.saveAndFlush(account));
    }

    /** Ends the user's other sessions; the one they changed it from stays signed in (decision 015). */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        UserAccount account = signedInAccount();
        requireLocal(account, "password");
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new PortalException(Kind.INVALID, "password_current_wrong");
        }
        PasswordPolicy.check(account.getUsername(), newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new PortalException(Kind.INVALID, "password_unchanged");
        }
        account.changePassword(passwordEncoder.encode(newPassword), false);
        accounts.saveAndFlush(account);
        publish(AccountAction.PASSWORD_CHANGED, account.getUsername(), null);
        // The change ended every session of the account (decision 015) except this one.
        sessions.keepCurrentSession(account);
    }

    /**
     * Whether the portal keeps the signed-in user's password, so that they may change it here: not
     * for a directory or OpenID Connect account, whose password its directory keeps (decisions 018,
     * 021; issue 12).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean ownsPassword() {
        return !signedInAccount().isExternal();
    }

    /** Whether the signed-in user still has to replace a temporary or initial password. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        return signedInAccount().isMustChangePassword();
    }

    /**
     * How many enabled people hold every role of {@code roles}, leaving out {@code excluding}
     * (usernames, in any case): one person counts once, whatever else they hold. Approvals use it
     * to tell whether enough eligible approvers exist (decision 014); it reveals no name.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int countEnabledHolding(Set<Role> roles, Collection<String> excluding) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("at least one role");
        }
        Set<String> left = new HashSet<>();
        excluding.forEach(name -> left.add(name.toLowerCase(Locale.ROOT)));
        return (int) accounts.enabledHoldingAll(EnumSet.copyOf(roles), roles.size()).stream()
                .filter(name -> !left.contains(name.toLowerCase(Locale.ROOT)))
                .count();
    }

    private UserAccount signedInAccount() {
        return CurrentUser.username()
                .flatMap(accounts::findByUsername)
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "user_not_found"));
    }

    private UserAccount current(long id, long version) {
        UserAccount account =
                accounts.findById(id).orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "user_not_found"));
        if (account.getVersion() != version) {
            throw new PortalException(Kind.CONFLICT, "stale");
        }
        return account;
    }

    private void requireAnotherActiveAdmin(UserAccount account) {
        if (!account.isActiveAdmin()) {
            return;
        }
        // Serialise with any concurrent change of an administrator, then count afresh: the count
        // must see what the transaction we may have waited for has committed.
        accounts.lockEnabledWithRole(Role.ADMIN);
        if (accounts.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new PortalException(Kind.CONFLICT, "last_admin");
        }
    }

    /**
     * Decision 018: the directory keeps a directory account's password, and its groups give its
     * roles at every sign-in; changing either here would be undone or misleading.
     */
    private static void requireLocal(UserAccount account, String refusal) {
        // Decision 021: the same for an OpenID Connect account, which is told as such
        // (oidc_roles_from_groups, oidc_password) rather than as a directory account.
        if (account.isExternal()) {
            String source = account.getSource() == AccountSource.OIDC ? "oidc_" : "directory_";
            throw new PortalException(Kind.INVALID, source + refusal, account.getUsername());
        }
    }

    private static void requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new PortalException(Kind.INVALID, "roles_required");
        }
    }

    private void publish(AccountAction action, String target, String details) {
        events.publishEvent(new AccountEvent(action, CurrentUser.actor(), target, details));
    }

    private static String sorted(Set<Role> roles) {
        return EnumSet.copyOf(roles).toString();
    }

    static UserSummary summary(UserAccount account) {
        return new UserSummary(
                account.getId(),
                account.getUsername(),
                account.getRoles(),
                account.isEnabled(),
                account.getLockedUntil(),
                account.isMustChangePassword(),
                account.getCreatedAt(),
                account.getVersion(),
                account.getSource(),
                account.getLastSignInAt(),
                account.getDirectoryGroups());
    }
}
