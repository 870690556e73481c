package org.pchatdr.portal.security.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.AccountSource;
import org.pchatdr.portal.security.DirectorySettings;
import org.pchatdr.portal.security.GroupRoleMapping;
import org.pchatdr.portal.security.Usernames;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account side of an OpenID Connect sign-in (decision 021), one function for the sign-in page
 * and the API's bearer tokens alike: the name the provider vouches for gets (or is) an account of
 * source OIDC; a name that belongs to a local or LDAP account is refused (no silent takeover);
 * a disabled or locked account is refused; and the groups claim is mapped to roles by the same
 * {@link GroupRoleMapping#resolve} as LDAP groups, at every sign-in — no mapped group, no entry.
 */
@Component
class OidcAccounts {

    private final UserAccountRepository accounts;
    private final DirectoryMappingStore mappings;
    private final DirectorySettings directorySettings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OidcAccounts(
            UserAccountRepository accounts,
            DirectoryMappingStore mappings,
            DirectorySettings directorySettings,
            TransactionTemplate transaction,
            Clock clock) {
        this.accounts = accounts;
        this.mappings = mappings;
        this.directorySettings = directorySettings;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The signed-in principal for {@code claimedName} with the roles that {@code groups} give. */
    PortalPrincipal signIn(String claimedName, Collection<String> groups) {
        String name = Usernames.normalise(claimedName);
        if (!Usernames.isValid(name)) {
            throw new BadCredentialsException("The identity provider's name claim is not a portal username: "
                    + (name.length() > 64 ? name.substring(0, 64) : name));
        }
        List<String> sorted = Directory.sorted(new java.util.LinkedHashSet<>(groups));
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> apply(name, sorted));
        } catch (DataAccessException | TransactionException e) {
            throw new InternalAuthenticationServiceException("The sign-in could not be recorded", e);
        }
        return switch (outcome.refusal()) {
            case NONE ->
                new PortalPrincipal(
                        name,
                        "",
                        true,
                        true,
                        outcome.roles().stream()
                                .map(Role::authority)
                                .map(SimpleGrantedAuthority::new)
                                .toList(),
                        outcome.sessionGeneration());
            case NAME_TAKEN ->
                throw new DirectoryException.NameTaken(name, "the name belongs to a local or LDAP account");
            case DISABLED -> throw new DisabledException("disabled");
            case LOCKED -> throw new LockedException("locked");
            // The role removal above is committed: the account keeps no role it no longer has.
            case NO_MAPPED_GROUP ->
                throw new DirectoryException.NoMappedClaim(name, "no mapped group; claim: " + sorted);
        };
    }

    private Outcome apply(String name, List<String> groups) {
        UserAccount account = accounts.lockByUsername(name).orElse(null);
        if (account == null) {
            accounts.saveAndFlush(UserAccount.fromOidc(name, clock.instant()));
            account = accounts.lockByUsername(name).orElseThrow();
        }
        if (account.getSource() != AccountSource.OIDC) {
            return Outcome.refused(Refusal.NAME_TAKEN);
        }
        if (!account.isEnabled()) {
            return Outcome.refused(Refusal.DISABLED);
        }
        if (account.isLockedAt(clock.instant())) {
            return Outcome.refused(Refusal.LOCKED);
        }
        GroupRoleMapping.Resolution resolution =
                mappings.effective(directorySettings).resolve(groups);
        account.applyDirectoryRoles(resolution.roles(), resolution.groups());
        accounts.saveAndFlush(account);
        return new Outcome(
                resolution.roles().isEmpty() ? Refusal.NO_MAPPED_GROUP : Refusal.NONE,
                resolution.roles(),
                account.getSessionGeneration());
    }

    private enum Refusal {
        NONE,
        NAME_TAKEN,
        DISABLED,
        LOCKED,
        NO_MAPPED_GROUP
    }

    private record Outcome(Refusal refusal, Set<Role> roles, int sessionGeneration) {
        static Outcome refused(Refusal refusal) {
            return new Outcome(refusal, Set.of(), 0);
        }
    }
}
