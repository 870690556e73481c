package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first start on an empty database when no PORTAL_ADMIN_PASSWORD is set. */
@SpringBootTest(properties = "portal.admin-password=")
class FirstStartIT {

    @Autowired
    BootstrapSettings settings;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    UserAccountService service;

    @Autowired
    AuditService audit;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void randomAdminPasswordIsWrittenForTheOwnerOnlyAndDeletedOnceChanged() throws IOException {
        Path file = settings.initialPasswordFile();
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String initial = Files.readString(file).strip();
        assertThat(initial).hasSize(20);

        UserAccount admin = repository.findByUsername("admin").orElseThrow();
        assertThat(admin.getRoles()).containsExactly(Role.ADMIN);
        assertThat(admin.isMustChangePassword()).isTrue();
        assertThat(passwordEncoder.matches(initial, admin.getPasswordHash())).isTrue();
        assertThat(repository.count())
                .as("no demo users without the demo profile")
                .isEqualTo(1);

        signIn("admin", Role.ADMIN);
        service.changeOwnPassword(initial, "Chosen-At-Last-By-Me-1");

        assertThat(file).doesNotExist();
        assertThat(service.mustChangePassword()).isFalse();
        assertThat(AuditReads.byOrAbout(audit, "admin", null, 10))
                .extracting(AuditEntry::action)
                .containsExactly("PASSWORD_CHANGED", "USER_CREATED");
    }
}
