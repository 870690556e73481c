package org.pchatdr.portal.security.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.DirectorySettings;
import org.pchatdr.portal.security.GroupRoleMapping;
import org.pchatdr.portal.security.Usernames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in with the company directory, asked after the local accounts (decision 018): a name that
 * belongs to a local account is never sent to the directory, so the break-glass administrator
 * signs in whatever state the directory is in, and no directory account takes over a local one.
 *
 * <p>For the others: the service account looks the name up (unknown: refused like any unknown
 * name); the attempt is claimed on the account row under the same lockout rules as local
 * accounts (decision 015); the password is checked by binding as the user; the groups, nested ones
 * included, are mapped to roles — at every sign-in, through the page and HTTP Basic alike — and a
 * person whom no group gives a role is refused with a message saying so.
 */
class DirectoryAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(DirectoryAuthenticationProvider.class);

    private final Directory directory;
    private final PortalUserDetailsService claims;
    private final UserAccountRepository accounts;
    private final SignInFailureRepository failures;
    private final DirectoryMappingStore mappings;
    private final DirectorySettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DirectoryAuthenticationProvider(
            Directory directory,
            PortalUserDetailsService claims,
            UserAccountRepository accounts,
            SignInFailureRepository failures,
            DirectoryMappingStore mappings,
            DirectorySettings settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.directory = directory;
        this.claims = claims;
        this.accounts = accounts;
        this.failures = failures;
        this.mappings = mappings;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = directory.directoryName(Usernames.normalise(authentication.getName()));
        Object credentials = authentication.getCredentials();
        if (!Usernames.isValid(name) || !(credentials instanceof String password) || password.isEmpty()) {
            // An empty password would be an anonymous bind, which many directories accept.
            return null;
        }
        Optional<UserAccount> existing = accounts.findByUsername(name);
        if (existing.isPresent() && !existing.get().isFromDirectory()) {
            return null; // decision 018: the local account keeps its name.
        }
        try {
            if (!directory.knows(name)) {
                return null;
            }
        } catch (NamingException | InternalAuthenticationServiceException e) {
            throw unavailable(e);
        }
        PortalPrincipal claimed = claims.claimForDirectory(name).orElse(null);
        if (claimed == null) {
            return null; // a local account of that name appeared meanwhile
        }
        if (!claimed.isEnabled()) {
            throw new DisabledException("disabled");
        }
        if (!claimed.isAccountNonLocked()) {
            throw new LockedException("locked");
        }
        DirContextOperations user;
        List<String> groups;
        try {
            user = directory.authenticate(name, password);
            groups = Directory.sorted(directory.groupsOf(user.getNameInNamespace()));
        } catch (NamingException | InternalAuthenticationServiceException e) {
            // The password was never checked: the attempt does not count.
            transaction.executeWithoutResult(status ->
                    accounts.findByUsername(name).ifPresent(account -> failures.deleteLatestOf(account.getId())));
            throw unavailable(e);
        }
        GroupRoleMapping.Resolution resolution = mappings.effective(settings).resolve(groups);
        UserAccount account = transaction.execute(status -> {
            UserAccount row = accounts.lockByUsername(name).orElseThrow();
            row.applyDirectoryRoles(resolution.roles(), resolution.groups());
            return accounts.saveAndFlush(row);
        });
        if (resolution.roles().isEmpty()) {
            // A right password: not a failure for the lockout.
            transaction.executeWithoutResult(status -> failures.deleteByUser(account.getId()));
            throw new DirectoryException.NoMappedGroup("no mapped group; directory groups: " + groups);
        }
        PortalPrincipal principal = new PortalPrincipal(
                account.getUsername(), "", true, true, authorities(resolution.roles()), account.getSessionGeneration());
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    private static List<SimpleGrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream()
                .map(Role::authority)
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    private DirectoryException.Unavailable unavailable(RuntimeException e) {
        log.warn(
                "The directory {} cannot be reached or refused the service account: {}", directory.url(), e.toString());
        return new DirectoryException.Unavailable("The directory cannot be reached", e);
    }
}
