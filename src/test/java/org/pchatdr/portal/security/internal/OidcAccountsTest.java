package org.pchatdr.portal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.security.UserSummary;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;

/**
 * Decision 021: the provider vouches for the person, but the portal's account still decides. An
 * OpenID Connect account that an administrator disabled, or that is locked, is refused at sign-in
 * (and for bearer tokens, which take the same {@link OidcAccounts#signIn}); enabled or unlocked
 * again, it signs in with its mapped roles. On the Karibu tests' context (no UI needed here).
 */
@IntegrationTest(webEnvironment = WebEnvironment.MOCK)
class OidcAccountsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccountService users;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    I18NProvider i18n;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aDisabledOidcAccountIsRefusedAndSignsInAgainOnceEnabled() {
        ExternalSignIns signIns = new ExternalSignIns(context);
        signIns.oidc("oidc-disabled", Role.OPERATOR);

        UserSummary disabled = asAdmin(() -> {
            UserSummary account = users.findUser("oidc-disabled");
            return users.setEnabled(account.id(), account.version(), false);
        });

        assertThatThrownBy(() -> signIns.oidc("oidc-disabled", Role.OPERATOR)).isInstanceOf(DisabledException.class);

        asAdmin(() -> users.setEnabled(disabled.id(), disabled.version(), true));
        assertThat(signIns.oidc("oidc-disabled", Role.OPERATOR).getAuthorities())
                .extracting(Object::toString)
                .containsExactly(Role.OPERATOR.authority());
    }

    @Test
    void aLockedOidcAccountIsRefusedUntilUnlocked() {
        ExternalSignIns signIns = new ExternalSignIns(context);
        signIns.oidc("oidc-locked", Role.APPROVER);
        UserAccount account = accounts.findByUsername("oidc-locked").orElseThrow();
        account.lockUntil(clock.instant().plus(Duration.ofMinutes(15)));
        accounts.saveAndFlush(account);

        assertThatThrownBy(() -> signIns.oidc("oidc-locked", Role.APPROVER)).isInstanceOf(LockedException.class);

        asAdmin(() -> {
            UserSummary locked = users.findUser("oidc-locked");
            return users.unlock(locked.id(), locked.version());
        });
        assertThat(signIns.oidc("oidc-locked", Role.APPROVER).getAuthorities())
                .extracting(Object::toString)
                .containsExactly(Role.APPROVER.authority());
    }

    @Test
    void anAdministratorIsToldThatTheRolesAndPasswordOfAnOidcAccountAreTheProvidersInBothLanguages() {
        new ExternalSignIns(context).oidc("oidc-external", Role.OPERATOR);
        UserSummary account = asAdmin(() -> users.findUser("oidc-external"));

        PortalException roles = refusal(() -> users.changeRoles(account.id(), account.version(), Set.of(Role.ADMIN)));
        PortalException password =
                refusal(() -> users.resetPassword(account.id(), account.version(), "Another-Strong-Pass-7"));

        assertThat(roles.code()).isEqualTo("oidc_roles_from_groups");
        assertThat(password.code()).isEqualTo("oidc_password");
        assertThat(translated(roles, Locale.ENGLISH))
                .isEqualTo("oidc-external is an OpenID Connect account: its roles come from the groups that the"
                        + " company’s sign-in service sends (Settings → Directory groups → roles).");
        assertThat(translated(password, Locale.ENGLISH))
                .contains("OpenID Connect account")
                .doesNotContain("directory");
        assertThat(translated(roles, Locale.FRENCH)).startsWith("oidc-external est un compte OpenID Connect :");
        assertThat(translated(password, Locale.FRENCH))
                .startsWith("oidc-external est un compte OpenID Connect :")
                .doesNotContain("annuaire");
    }

    @Test
    void theMappingFieldNamesTheKindsOfGroupOpenIdConnectSendsInBothLanguages() {
        assertThat(i18n.getTranslation("settings.directory.group", Locale.ENGLISH))
                .contains("distinguished name")
                .contains("OpenID Connect group name, object ID or app role");
        assertThat(i18n.getTranslation("settings.directory.group", Locale.FRENCH))
                .contains("nom distinctif")
                .contains("identifiant d’objet ou rôle d’application OpenID Connect");
    }

    private String translated(PortalException refusal, Locale locale) {
        return i18n.getTranslation(refusal.messageKey(), locale, refusal.arguments());
    }

    private static PortalException refusal(Runnable action) {
        TestAccounts.signIn("root", Role.ADMIN);
        try {
            action.run();
            throw new AssertionError("not refused");
        } catch (PortalException e) {
            return e;
        } finally {
            TestAccounts.signOut();
        }
    }

    private static UserSummary asAdmin(java.util.function.Supplier<UserSummary> action) {
        TestAccounts.signIn("root", Role.ADMIN);
        try {
            return action.get();
        } finally {
            TestAccounts.signOut();
        }
    }
}
