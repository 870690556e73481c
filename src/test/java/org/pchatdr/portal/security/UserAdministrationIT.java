package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class UserAdministrationIT {

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    UserAccountService service;

    @Autowired
    AuditService audit;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void signInAsAdministrator() {
        new TestAccounts(userAccounts).ensure("root", Role.ADMIN);
        signIn("root", Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void createdUserMustChangeTheTemporaryPasswordAtFirstSignIn() {
        UserSummary created = service.createUser("Jean.Dupont", Set.of(Role.OPERATOR), "Temporary-Pass-1");

        assertThat(created.username()).isEqualTo("jean.dupont");
        assertThat(created.roles()).containsExactly(Role.OPERATOR);
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(passwordEncoder.matches(
                        "Temporary-Pass-1",
                        repository.findByUsername("jean.dupont").orElseThrow().getPasswordHash()))
                .isTrue();
        assertThat(repository.findByUsername("jean.dupont").orElseThrow().getPasswordHash())
                .startsWith("{bcrypt}");
    }

    @Test
    void duplicateUsernameIsRefusedWhateverItsCase() {
        service.createUser("marie", Set.of(Role.APPROVER), "Temporary-Pass-1");

        assertThatThrownBy(() -> service.createUser("MARIE", Set.of(Role.OPERATOR), "Temporary-Pass-2"))
                .isInstanceOf(PortalException.class)
                .extracting("code")
                .isEqualTo("username_taken");
        assertThat(repository.findByUsername("marie").orElseThrow().getRoles()).containsExactly(Role.APPROVER);
    }

    @Test
    void weakPasswordIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> service.createUser("paul", Set.of(Role.OPERATOR), "short"))
                .extracting("code")
                .isEqualTo("password_too_short");
        assertThatThrownBy(() -> service.createUser("paul", Set.of(Role.OPERATOR), "paul-is-my-password"))
                .extracting("code")
                .isEqualTo("password_contains_username");

        assertThat(repository.existsByUsername("paul")).isFalse();
        assertThat(recordsAbout("paul")).isEmpty();
    }

    /** Issue 11: a common or trivial password is refused on every path that sets one. */
    @Test
    void commonAndTrivialPasswordsAreRefusedOnCreationResetAndChange() {
        assertThatThrownBy(() -> service.createUser("jules", Set.of(Role.OPERATOR), "qwerty123456"))
                .extracting("code")
                .isEqualTo("password_common");
        UserSummary user = service.createUser("jules", Set.of(Role.OPERATOR), "Temporary-Pass-1");
        assertThatThrownBy(() -> service.resetPassword(user.id(), user.version(), "abcabcabcabc"))
                .extracting("code")
                .isEqualTo("password_trivial");
        signIn("jules", Role.OPERATOR);
        assertThatThrownBy(() -> service.changeOwnPassword("Temporary-Pass-1", "aaaaaaaaaaaa"))
                .extracting("code")
                .isEqualTo("password_trivial");
        assertThatThrownBy(() -> service.changeOwnPassword("Temporary-Pass-1", "1qaz2wsx3edc"))
                .extracting("code")
                .isEqualTo("password_common");

        assertThat(passwordEncoder.matches(
                        "Temporary-Pass-1",
                        repository.findById(user.id()).orElseThrow().getPasswordHash()))
                .isTrue();
    }

    @Test
    void userWithoutRoleIsRefused() {
        assertThatThrownBy(() -> service.createUser("norole", Set.of(), "Temporary-Pass-1"))
                .extracting("code")
                .isEqualTo("roles_required");
    }

    @Test
    void roleChangeIsAuditedWithBeforeAndAfter() {
        UserSummary user = service.createUser("lucie", Set.of(Role.OPERATOR), "Temporary-Pass-1");

        service.changeRoles(user.id(), user.version(), EnumSet.of(Role.OPERATOR, Role.APPROVER));

        assertThat(recordsAbout("lucie"))
                .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::details)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("root", "USER_CREATED", "roles=[OPERATOR]"),
                        org.assertj.core.groups.Tuple.tuple(
                                "root", "ROLES_CHANGED", "[OPERATOR] -> [OPERATOR, APPROVER]"));
    }

    @Test
    void editBasedOnAnOldVersionIsRefused() {
        UserSummary user = service.createUser("hugo", Set.of(Role.OPERATOR), "Temporary-Pass-1");
        service.changeRoles(user.id(), user.version(), Set.of(Role.APPROVER));

        assertThatThrownBy(() -> service.setEnabled(user.id(), user.version(), false))
                .extracting("code")
                .isEqualTo("stale");
        assertThat(repository.findByUsername("hugo").orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void resetPasswordForcesAChangeAtTheNextSignIn() {
        UserSummary user = service.createUser("emma", Set.of(Role.AUDITOR), "Temporary-Pass-1");

        UserSummary reset = service.resetPassword(user.id(), user.version(), "Another-Temp-Pass-2");

        assertThat(reset.mustChangePassword()).isTrue();
        assertThat(recordsAbout("emma")).extracting(AuditEntry::action).contains("PASSWORD_RESET");
    }

    @Test
    void userChangesOwnPasswordOnlyWithTheCurrentOne() {
        UserSummary user = service.createUser("leo", Set.of(Role.OPERATOR), "Temporary-Pass-1");
        signIn("leo", Role.OPERATOR);

        assertThat(service.mustChangePassword()).isTrue();
        assertThatThrownBy(() -> service.changeOwnPassword("wrong-current-password", "Leo-Own-Password-1"))
                .extracting("code")
                .isEqualTo("password_current_wrong");
        assertThatThrownBy(() -> service.changeOwnPassword("Temporary-Pass-1", "Temporary-Pass-1"))
                .extracting("code")
                .isEqualTo("password_unchanged");
        service.changeOwnPassword("Temporary-Pass-1", "Own-Password-99");

        assertThat(service.mustChangePassword()).isFalse();
        assertThat(passwordEncoder.matches(
                        "Own-Password-99",
                        repository.findById(user.id()).orElseThrow().getPasswordHash()))
                .isTrue();
    }

    @Test
    void nonAdministratorsCannotAdministerEvenWithoutTheUi() {
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.ADMIN))) {
            signIn("someone", role);
            assertThatThrownBy(() -> service.createUser("intruder", Set.of(Role.ADMIN), "Temporary-Pass-1"))
                    .as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.findUsers(PageRequest.of(0, 10)))
                    .as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(repository.existsByUsername("intruder")).isFalse();
    }

    @Test
    void anonymousCannotEvenChangeAPassword() {
        TestAccounts.signOut();
        assertThatThrownBy(() -> service.changeOwnPassword("a", "b"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private java.util.List<AuditEntry> recordsAbout(String username) {
        return AuditReads.byOrAbout(audit, username, null, 50);
    }
}
