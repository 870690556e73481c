package org.pchatdr.portal.testsupport;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts for tests, stored like real ones but with a password their owner has already chosen. */
public record TestAccounts(UserAccountRepository accounts, PasswordEncoder passwordEncoder) {

    public static final String PASSWORD = "Test-Password-42";

    /** The account, created with {@link #PASSWORD} unless it exists already. */
    public UserAccount ensure(String username, Role... roles) {
        return accounts.findByUsername(username)
                .orElseGet(() -> accounts.saveAndFlush(new UserAccount(
                        username,
                        passwordEncoder.encode(PASSWORD),
                        roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles),
                        false,
                        Instant.now())));
    }

    /** Makes {@code username} the signed-in user of the current thread, as Spring Security would. */
    public static void signIn(String username, Role... roles) {
        List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles)
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
