package org.pchatdr.portal.testsupport;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.security.UserSummary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Accounts for tests, made the way people make them (issue 17): an administrator creates or
 * changes the account through the security module's {@link UserAccountService}, and its owner
 * replaces the temporary password. Nothing here reaches into the module's entities. Also signs a
 * user in on the current thread.
 */
public final class TestAccounts {

    /** The password of every test account; it meets the policy for the tests' usernames. */
    public static final String PASSWORD = "Known-Test-Pass-1";

    /** What the administrator gives an account before its owner sets {@link #PASSWORD}. */
    private static final String TEMPORARY = "Zq7-Setup-Word-94";

    /** The administrator who sets the accounts up; the audit trail names it as the actor. */
    static final String SETUP = "test-setup";

    /**
     * Approvers who stand by in a test database: a run may be requested only while someone other
     * than its requester could approve it (decision 014), and most tests sign their approvers in
     * without an account. Approvers only, so that they are never the requester or the executor.
     */
    public static final List<String> STANDING_APPROVERS =
            List.of("standing-approver-1", "standing-approver-2", "standing-approver-3");

    /**
     * Each account as this helper last left it, per service (one per Spring context, each with its
     * own database). When an account still reads exactly so, nothing has touched it since, and
     * setting it up again would only cost bcrypt hashes and audit entries.
     */
    private static final Map<String, UserSummary> LEFT = new ConcurrentHashMap<>();

    private final UserAccountService users;

    public TestAccounts(UserAccountService users) {
        this.users = users;
    }

    /** Creates the {@link #STANDING_APPROVERS} that do not exist; leaves existing ones as they are. */
    public void standingApprovers() {
        for (String name : STANDING_APPROVERS) {
            if (asAdministrator(() -> find(name)).isEmpty()) {
                given(name, false, Role.APPROVER);
            }
        }
    }

    /** The account with {@link #PASSWORD} and its owner's own password (no forced change). */
    public UserSummary ensure(String username, Role... roles) {
        return given(username, false, roles);
    }

    /**
     * The account created, or reset, to exactly this: {@code roles} (at least one: the service
     * refuses an account without), enabled, unlocked, password {@link #PASSWORD}, and a forced
     * change at the next sign-in if {@code mustChangePassword}.
     */
    public UserSummary given(String username, boolean mustChangePassword, Role... roles) {
        Set<Role> roleSet = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        String first = mustChangePassword ? PASSWORD : TEMPORARY;
        String key = System.identityHashCode(users) + "/" + username;
        SecurityContext before = SecurityContextHolder.getContext();
        try {
            Optional<UserSummary> found = asAdministrator(() -> find(username));
            UserSummary left = LEFT.get(key);
            if (found.isPresent()
                    && found.get().equals(left)
                    && left.roles().equals(roleSet)
                    && left.mustChangePassword() == mustChangePassword) {
                return left;
            }
            UserSummary account = asAdministrator(() -> {
                if (found.isEmpty()) {
                    return users.createUser(username, roleSet, first);
                }
                UserSummary existing = found.get();
                if (!existing.roles().equals(roleSet)) {
                    existing = users.changeRoles(existing.id(), existing.version(), roleSet);
                }
                if (!existing.enabled()) {
                    existing = users.setEnabled(existing.id(), existing.version(), true);
                }
                if (existing.lockedUntil() != null) {
                    existing = users.unlock(existing.id(), existing.version());
                }
                return users.resetPassword(existing.id(), existing.version(), first);
            });
            if (!mustChangePassword) {
                signIn(account.username(), roles);
                users.changeOwnPassword(TEMPORARY, PASSWORD);
                account = asAdministrator(() -> users.findUser(username));
            }
            LEFT.put(key, account);
            return account;
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** Disables the existing account {@code username}, as an administrator would. */
    public void disable(String username) {
        asAdministrator(() -> {
            UserSummary account = users.findUser(username);
            return users.setEnabled(account.id(), account.version(), false);
        });
    }

    /** Makes {@code username} the signed-in user of the current thread, as Spring Security would. */
    public static UsernamePasswordAuthenticationToken signIn(String username, Role... roles) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                username,
                null,
                Arrays.stream(roles)
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList());
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(authentication);
        SecurityContextHolder.setContext(security);
        return authentication;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Optional<UserSummary> find(String username) {
        try {
            return Optional.of(users.findUser(username));
        } catch (PortalException e) {
            if (e.kind() != PortalException.Kind.NOT_FOUND) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** Runs {@code work} signed in as {@link #SETUP}, then puts the caller's sign-in back. */
    <T> T asAdministrator(Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        try {
            signIn(SETUP, Role.ADMIN);
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
