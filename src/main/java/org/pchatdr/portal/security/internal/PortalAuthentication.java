package org.pchatdr.portal.security.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.pchatdr.portal.security.DirectorySettings;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one password check behind the sign-in page and HTTP Basic (decisions 003, 018): local
 * accounts first, then — when PORTAL_LDAP_URL is set — the company directory, and — when
 * PORTAL_OIDC_ISSUER is set — the OpenID provider's sign-in callback. Built here rather
 * than left to auto-configuration, which configures a single provider only.
 */
@Component
class PortalAuthentication {

    private final ProviderManager manager;

    PortalAuthentication(
            PortalUserDetailsService users,
            PasswordEncoder passwordEncoder,
            AuthenticationEventPublisher events,
            Directory directory,
            UserAccountRepository accounts,
            SignInFailureRepository failures,
            DirectoryMappingStore mappings,
            DirectorySettings settings,
            TransactionTemplate transaction,
            Clock clock,
            OidcSignIn oidc) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        DaoAuthenticationProvider local = new DaoAuthenticationProvider(users);
        local.setPasswordEncoder(passwordEncoder);
        providers.add(local);
        if (directory.enabled()) {
            providers.add(new DirectoryAuthenticationProvider(
                    directory, users, accounts, failures, mappings, settings, transaction, clock));
        }
        if (oidc.enabled()) {
            // Decision 021: the OpenID provider's authorization code, handed over by the sign-in callback.
            providers.add(oidc.loginProvider());
        }
        manager = new ProviderManager(providers);
        manager.setAuthenticationEventPublisher(events);
    }

    AuthenticationManager manager() {
        return manager;
    }
}
