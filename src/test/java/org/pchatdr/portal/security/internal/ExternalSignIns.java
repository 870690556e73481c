package org.pchatdr.portal.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.DirectorySettings;
import org.pchatdr.portal.security.GroupRoleMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The authentications that an LDAP and an OpenID Connect sign-in leave in the security context, for
 * UI tests that cannot run the directory or the provider (issue 15: route × role for every kind of
 * account). The roles come from the portal's groups → roles mapping, as at a real sign-in: each role
 * has a group of its own that this class adds to the stored mapping (leaving other entries alone),
 * and the account rows are written by the same code as the sign-in's — {@link OidcAccounts} for
 * OpenID Connect, {@link UserAccount#applyDirectoryRoles} for LDAP — so the principals are the real
 * types ({@link PortalOidcUser} in an {@link OAuth2AuthenticationToken}, {@link PortalPrincipal} in a
 * username/password token).
 */
public final class ExternalSignIns {

    private final OidcAccounts oidcAccounts;
    private final UserAccountRepository accounts;
    private final DirectoryMappingStore mappings;
    private final DirectorySettings directorySettings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ExternalSignIns(ApplicationContext context) {
        this.oidcAccounts = context.getBean(OidcAccounts.class);
        this.accounts = context.getBean(UserAccountRepository.class);
        this.mappings = context.getBean(DirectoryMappingStore.class);
        this.directorySettings = context.getBean(DirectorySettings.class);
        this.transaction = context.getBean(TransactionTemplate.class);
        this.clock = context.getBean(Clock.class);
    }

    /** The OpenID provider's group (claim value) mapped to {@code role}. */
    public static String oidcGroup(Role role) {
        return "PChat-DR-Test-" + role.name().toLowerCase(Locale.ROOT);
    }

    /** The directory group (DN) mapped to {@code role}. */
    public static String ldapGroup(Role role) {
        return "CN=PChat-DR-Test-" + role.name().toLowerCase(Locale.ROOT) + ",OU=Groups,DC=example,DC=test";
    }

    /**
     * What the OpenID Connect sign-in of {@code username}, member of the groups of {@code roles},
     * produces: the account of source OIDC (made at the first sign-in) and the signed-in token.
     */
    public OAuth2AuthenticationToken oidc(String username, Role... roles) {
        List<String> groups =
                Arrays.stream(roles).map(ExternalSignIns::oidcGroup).toList();
        mapped(groups, roles);
        PortalPrincipal account = oidcAccounts.signIn(username, groups);
        Instant now = clock.instant();
        OidcIdToken idToken = OidcIdToken.withTokenValue("test-id-token")
                .issuer("http://localhost/test-idp")
                .subject(username)
                .audience(List.of("portal"))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("preferred_username", username)
                .claim("groups", groups)
                .build();
        PortalOidcUser user = new PortalOidcUser(account, idToken, null);
        // OAuth2LoginAuthenticationFilter's result: the principal's authorities, the registration id.
        return new OAuth2AuthenticationToken(user, user.getAuthorities(), OidcSignIn.REGISTRATION_ID);
    }

    /**
     * What the LDAP sign-in of {@code username}, member of the groups of {@code roles}, produces
     * once the directory accepted the password: the account of source DIRECTORY with the mapped roles.
     */
    public Authentication ldap(String username, Role... roles) {
        List<String> groups =
                Arrays.stream(roles).map(ExternalSignIns::ldapGroup).toList();
        mapped(groups, roles);
        GroupRoleMapping.Resolution resolution =
                mappings.effective(directorySettings).resolve(groups);
        UserAccount account = transaction.execute(status -> {
            UserAccount row = accounts.lockByUsername(username)
                    .orElseGet(() -> accounts.saveAndFlush(UserAccount.fromDirectory(username, clock.instant())));
            row.setEnabled(true);
            row.unlock();
            row.applyDirectoryRoles(resolution.roles(), resolution.groups());
            return accounts.saveAndFlush(row);
        });
        PortalPrincipal principal = new PortalPrincipal(
                account.getUsername(),
                "",
                true,
                true,
                resolution.roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList(),
                account.getSessionGeneration());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    /** Adds group → role for each role to the stored mapping, when missing. */
    private void mapped(List<String> groups, Role... roles) {
        transaction.executeWithoutResult(status -> {
            DirectoryMappingEntity stored = mappings.lockStored().orElse(null);
            GroupRoleMapping mapping = stored == null
                    ? GroupRoleMapping.parse(directorySettings.groupRoles())
                    : GroupRoleMapping.parse(stored.mapping());
            GroupRoleMapping wanted = mapping;
            for (int i = 0; i < roles.length; i++) {
                wanted = wanted.with(groups.get(i), EnumSet.of(roles[i]));
            }
            if (wanted.equals(mapping)) {
                return;
            }
            if (stored == null) {
                mappings.saveAndFlush(new DirectoryMappingEntity(wanted.toJson(), "tests", clock.instant()));
            } else {
                stored.set(wanted.toJson(), "tests", clock.instant());
                mappings.saveAndFlush(stored);
            }
        });
    }
}
