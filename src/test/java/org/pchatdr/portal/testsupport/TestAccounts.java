package org.pchatdr.portal.testsupport;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts for tests, stored like real ones, and signing in on the current thread. */
public record TestAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder) {

    /** The password of every test account; it meets the policy for the tests' usernames. */
    public static final String PASSWORD = "Known-Test-Pass-1";

    // bcrypt is slow on purpose; one hash serves every test account.
    private static volatile String passwordHash;

    /**
     * Approvers who stand by in a test database: a run may be requested only while someone other
     * than its requester could approve it (decision 014), and most tests sign their approvers in
     * without an account. Approvers only, so that they are never the requester or the executor.
     */
    public static final List<String> STANDING_APPROVERS =
            List.of("standing-approver-1", "standing-approver-2", "standing-approver-3");

    /** Creates the {@link #STANDING_APPROVERS} that do not exist; leaves existing ones as they are. */
    public void standingApprovers() {
        for (String name : STANDING_APPROVERS) {
            if (accounts.findByUsername(name).isEmpty()) {
                given(name, false, Role.APPROVER);
            }
        }
    }

    /** The account with {@link #PASSWORD} and its owner's own password (no forced change). */
    public UserAccount ensure(String username, Role... roles) {
        return given(username, false, roles);
    }

    /**
     * The account created, or reset, to exactly this: {@code roles}, enabled, unlocked, password
     * {@link #PASSWORD}, and a forced change at the next sign-in if {@code mustChangePassword}.
     */
    public UserAccount given(String username, boolean mustChangePassword, Role... roles) {
        Set<Role> roleSet = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        UserAccount account = accounts.findByUsername(username)
                .orElseGet(() -> new UserAccount(username, hash(), roleSet, mustChangePassword, Instant.now()));
        account.setRoles(roleSet);
        account.setEnabled(true);
        account.unlock();
        account.changePassword(hash(), mustChangePassword);
        return accounts.saveAndFlush(account);
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

    private String hash() {
        if (passwordHash == null) {
            passwordHash = passwordEncoder.encode(PASSWORD);
        }
        return passwordHash;
    }
}
