package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.DemoMode;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * On the demo profile, with the same configuration as {@code HomeCockpitE2EIT} so that the two share
 * one context (issue 17): the demo database has a fixed name, so a second context would not be any
 * fresher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DemoModeIT {

    @Autowired
    UserAccountRepository repository;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    DemoMode demoMode;

    @Test
    void demoProfileBringsTheWellKnownUsersWithPasswordDemo() {
        Map<String, Role> expected = Map.of(
                "alice", Role.OPERATOR,
                "bob", Role.OPERATOR,
                "carol", Role.APPROVER,
                "dave", Role.APPROVER,
                "erin", Role.AUDITOR,
                "frank", Role.MANAGER,
                "admin", Role.ADMIN);

        assertThat(demoMode.isActive()).isTrue();
        expected.forEach((name, role) -> {
            UserAccount account = repository.findByUsername(name).orElseThrow();
            assertThat(account.getRoles()).as(name).containsExactly(role);
            assertThat(passwordEncoder.matches("demo", account.getPasswordHash()))
                    .as(name)
                    .isTrue();
            assertThat(account.isMustChangePassword()).as(name).isFalse();
        });
    }
}
