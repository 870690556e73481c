package org.pchatdr.portal.testsupport;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;

/**
 * Every account's roles and enabled flag when a test began, to put them back afterwards (issue 17):
 * tests that need to know exactly who is an administrator or an approver share the database of
 * every other test instead of taking a context of their own. Passwords stay as they are, and
 * accounts the test created stay too.
 */
public final class AccountStandings {

    private record Standing(Set<Role> roles, boolean enabled) {}

    private final UserAccountRepository accounts;
    private final Map<Long, Standing> before = new HashMap<>();

    private AccountStandings(UserAccountRepository accounts) {
        this.accounts = accounts;
        for (UserAccount account : accounts.findAll()) {
            before.put(account.getId(), new Standing(account.getRoles(), account.isEnabled()));
        }
    }

    public static AccountStandings take(UserAccountRepository accounts) {
        return new AccountStandings(accounts);
    }

    /**
     * Takes the standings, then leaves {@code username} (an existing account) the only enabled
     * administrator: every other enabled administrator is disabled until {@link #restore}.
     */
    public static AccountStandings onlyAdministrator(UserAccountRepository accounts, String username) {
        AccountStandings standings = take(accounts);
        for (UserAccount account : accounts.findAll()) {
            if (account.getUsername().equals(username)) {
                account.setRoles(EnumSet.of(Role.ADMIN));
                account.setEnabled(true);
                accounts.saveAndFlush(account);
            } else if (account.isActiveAdmin()) {
                account.setEnabled(false);
                accounts.saveAndFlush(account);
            }
        }
        return standings;
    }

    /** Every account that existed before the test with its roles and enabled flag as they were. */
    public void restore() {
        for (UserAccount account : accounts.findAll()) {
            Standing standing = before.get(account.getId());
            if (standing != null
                    && (!standing.roles().equals(account.getRoles()) || standing.enabled() != account.isEnabled())) {
                account.setRoles(standing.roles());
                account.setEnabled(standing.enabled());
                accounts.saveAndFlush(account);
            }
        }
    }
}
