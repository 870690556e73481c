package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.pchatdr.portal.testsupport.AccountStandings;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each test starts with the bootstrap {@code admin} as the only enabled administrator of the shared
 * database, and puts every account's roles back afterwards ({@link AccountStandings}).
 */
@IntegrationTest
class LastAdministratorIT {

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    UserAccountService service;

    @Autowired
    UserAccountRepository repository;

    private AccountStandings standings;

    @BeforeEach
    void theBootstrapAdministratorAlone() {
        standings = AccountStandings.onlyAdministrator(userAccounts, "admin");
    }

    @AfterEach
    void signOutAndPutTheAdministratorsBack() {
        TestAccounts.signOut();
        standings.restore();
    }

    @Test
    void theOnlyAdministratorKeepsTheRole() {
        UserAccount admin = repository.findByUsername("admin").orElseThrow();
        signIn("admin", Role.ADMIN);

        assertThatThrownBy(() -> service.changeRoles(admin.getId(), admin.getVersion(), Set.of(Role.AUDITOR)))
                .isInstanceOf(PortalException.class)
                .extracting("code")
                .isEqualTo("last_admin");
        assertThatThrownBy(() -> service.setEnabled(admin.getId(), admin.getVersion(), false))
                .extracting("code")
                .isEqualTo("last_admin");

        UserAccount after = repository.findByUsername("admin").orElseThrow();
        assertThat(after.isActiveAdmin()).isTrue();
    }

    @Test
    void aDisabledAdministratorDoesNotCountAsTheOtherOne() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        UserSummary second = accounts.ensure("second", Role.ADMIN);
        signIn("admin", Role.ADMIN);
        service.setEnabled(second.id(), second.version(), false);
        UserAccount admin = repository.findByUsername("admin").orElseThrow();

        assertThatThrownBy(() -> service.changeRoles(admin.getId(), admin.getVersion(), Set.of(Role.OPERATOR)))
                .extracting("code")
                .isEqualTo("last_admin");
    }

    @Test
    void withASecondAdministratorTheFirstMayStepDown() {
        new TestAccounts(userAccounts).ensure("second", Role.ADMIN);
        UserAccount admin = repository.findByUsername("admin").orElseThrow();
        signIn("second", Role.ADMIN);

        UserSummary changed = service.changeRoles(admin.getId(), admin.getVersion(), Set.of(Role.AUDITOR));

        assertThat(changed.roles()).containsExactly(Role.AUDITOR);
    }

    @Test
    void twoAdministratorsDemotingEachOtherAtOnceLeaveOneAdministrator() throws Exception {
        TestAccounts accounts = new TestAccounts(userAccounts);
        UserAccount first = repository.findByUsername("admin").orElseThrow();
        UserSummary second = accounts.ensure("second", Role.ADMIN);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            outcomes.add(pool.submit(demote("second", first.getId(), first.getVersion(), start)));
            outcomes.add(pool.submit(demote("admin", second.id(), second.version(), start)));
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }

            assertThat(results).containsExactlyInAnyOrder("demoted", "last_admin");
            assertThat(repository.findAll().stream().filter(UserAccount::isActiveAdmin))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<String> demote(String actor, long id, long version, CountDownLatch start) {
        return () -> {
            signIn(actor, Role.ADMIN);
            start.await();
            try {
                service.changeRoles(id, version, Set.of(Role.OPERATOR));
                return "demoted";
            } catch (PortalException e) {
                return e.code();
            } finally {
                TestAccounts.signOut();
            }
        };
    }
}
