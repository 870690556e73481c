package org.pchatdr.portal.testsupport;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.security.UserSummary;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/**
 * Every account's roles and enabled flag when a test began, to put them back afterwards (issue 17):
 * tests that need to know exactly who is an administrator or an approver share the database of
 * every other test instead of taking a context of their own. Passwords stay as they are, and
 * accounts the test created stay too. Read and changed through {@link UserAccountService}, as an
 * administrator would.
 */
public final class AccountStandings {

    private record Standing(Set<Role> roles, boolean enabled) {}

    private final TestAccounts setup;
    private final UserAccountService users;
    private final Map<Long, Standing> before = new HashMap<>();

    private AccountStandings(UserAccountService users) {
        this.users = users;
        this.setup = new TestAccounts(users);
        for (UserSummary account : all()) {
            before.put(account.id(), new Standing(account.roles(), account.enabled()));
        }
    }

    public static AccountStandings take(UserAccountService users) {
        return new AccountStandings(users);
    }

    /**
     * Takes the standings, then leaves {@code username} (an existing account) the only enabled
     * administrator: every other enabled administrator is disabled until {@link #restore}.
     */
    public static AccountStandings onlyAdministrator(UserAccountService users, String username) {
        AccountStandings standings = take(users);
        standings.setup.asAdministrator(() -> {
            UserSummary only = users.findUser(username);
            if (!only.enabled()) {
                only = users.setEnabled(only.id(), only.version(), true);
            }
            if (!only.roles().equals(EnumSet.of(Role.ADMIN))) {
                users.changeRoles(only.id(), only.version(), EnumSet.of(Role.ADMIN));
            }
            for (UserSummary account : standings.all()) {
                if (!account.username().equals(only.username())
                        && account.enabled()
                        && account.roles().contains(Role.ADMIN)) {
                    users.setEnabled(account.id(), account.version(), false);
                }
            }
            return null;
        });
        return standings;
    }

    /**
     * Disables every enabled approver but {@code usernames} until {@link #restore}: they become the
     * only people who may approve.
     */
    public AccountStandings onlyApprovers(Set<String> usernames) {
        setup.asAdministrator(() -> {
            for (UserSummary account : all()) {
                if (account.enabled()
                        && account.roles().contains(Role.APPROVER)
                        && !usernames.contains(account.username())) {
                    users.setEnabled(account.id(), account.version(), false);
                }
            }
            return null;
        });
        return this;
    }

    /**
     * Every account that existed before the test with its roles and enabled flag as they were;
     * accounts are enabled again before roles change, so that an administrator always remains.
     */
    public void restore() {
        setup.asAdministrator(() -> {
            for (UserSummary account : all()) {
                Standing standing = before.get(account.id());
                if (standing != null && standing.enabled() && !account.enabled()) {
                    users.setEnabled(account.id(), account.version(), true);
                }
            }
            for (UserSummary account : all()) {
                Standing standing = before.get(account.id());
                if (standing != null && !standing.roles().equals(account.roles())) {
                    account = users.changeRoles(account.id(), account.version(), standing.roles());
                }
                if (standing != null && !standing.enabled() && account.enabled()) {
                    users.setEnabled(account.id(), account.version(), false);
                }
            }
            return null;
        });
    }

    private List<UserSummary> all() {
        return setup.asAdministrator(() -> {
            List<UserSummary> all = new ArrayList<>();
            Pageable page = PageRequest.of(0, 100);
            Slice<UserSummary> slice;
            do {
                slice = users.findUsers(page);
                all.addAll(slice.getContent());
                page = slice.nextPageable();
            } while (slice.hasNext());
            return all;
        });
    }
}
