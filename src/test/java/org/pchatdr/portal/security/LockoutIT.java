package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/**
 * Brute-force protection over real HTTP, through the sign-in page and HTTP Basic alike. Behind a
 * trusted proxy (forwarded headers on), so that tests can speak from several client addresses.
 */
@IntegrationTest
class LockoutIT {

    private static final String WRONG = "not-the-password";
    private static final String ATTACKER = "203.0.113.66";
    private static final String ADMINS_DESK = "198.51.100.7";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    UserAccountService service;

    @Autowired
    AuditService audit;

    @Autowired
    MutableClock clock;

    @Autowired
    SecuritySettingsService settings;

    PortalHttp http;
    String username;
    static int counter;

    @BeforeEach
    void freshAccount() {
        username = "victim" + ++counter;
        new TestAccounts(userAccounts).ensure(username, Role.OPERATOR);
        http = new PortalHttp(port);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountWhicheverChannelTheyCameThrough() {
        for (int i = 0; i < 3; i++) {
            assertThat(failedFormSignIn(username, WRONG)).isTrue();
        }
        for (int i = 0; i < 2; i++) {
            assertThat(apiStatus(username, WRONG)).isEqualTo(401);
        }

        assertThat(apiStatus(username, TestAccounts.PASSWORD))
                .as("right password while locked")
                .isEqualTo(401);
        assertThat(failedFormSignIn(username, TestAccounts.PASSWORD)).isTrue();
        assertThat(actionsAbout(username))
                .containsSubsequence(
                        "SIGN_IN_FAILED",
                        "SIGN_IN_FAILED",
                        "SIGN_IN_FAILED",
                        "SIGN_IN_FAILED",
                        "SIGN_IN_FAILED",
                        "ACCOUNT_LOCKED");
        assertThat(detailsOf(username, "SIGN_IN_FAILED"))
                .anyMatch(details -> details.contains("channel=UI"))
                .anyMatch(details -> details.contains("channel=API"))
                .anyMatch(details -> details.contains("reason=locked"));
    }

    @Test
    void fortyWrongPasswordsAtOnceGetAtMostFivePasswordChecksAndTheRightOneIsRefusedAfter() throws Exception {
        int attempts = 40;
        ExecutorService attackers = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                answers.add(attackers.submit(() -> {
                    go.await();
                    return new PortalHttp(port)
                            .get("/api/v1/me", username, WRONG)
                            .statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(401);
            }
        } finally {
            attackers.shutdownNow();
        }

        assertThat(apiStatus(username, TestAccounts.PASSWORD))
                .as("the right password, after")
                .isEqualTo(401);
        assertThat(detailsOf(username, "SIGN_IN_FAILED"))
                .as("passwords actually checked, every one in the trail")
                .filteredOn(details -> details.contains("reason=bad-credentials"))
                .hasSize(5);
        assertThat(repository.findByUsername(username).orElseThrow().isLockedAt(clock.instant()))
                .isTrue();
    }

    @Test
    void somebodyElsesWrongPasswordsThrottleTheirAddressButNeverLockOutTheLastAdministrator() {
        new TestAccounts(userAccounts).ensure("admin", Role.ADMIN);
        repository.findAll().stream()
                .filter(account ->
                        account.isActiveAdmin() && !account.getUsername().equals("admin"))
                .forEach(account -> {
                    account.setEnabled(false);
                    repository.saveAndFlush(account);
                });
        assertThat(repository.countEnabledWithRole(Role.ADMIN))
                .as("precondition")
                .isEqualTo(1);

        for (int i = 0; i < 8; i++) {
            assertThat(apiStatusFrom(ATTACKER, "admin", WRONG)).isEqualTo(401);
        }

        assertThat(apiStatusFrom(ATTACKER, "admin", TestAccounts.PASSWORD))
                .as("the attacker's address is throttled, even with the right password")
                .isEqualTo(401);
        assertThat(repository.findByUsername("admin").orElseThrow().isLockedAt(clock.instant()))
                .isFalse();
        assertThat(actionsAbout("admin")).doesNotContain("ACCOUNT_LOCKED");
        assertThat(apiStatusFrom(ADMINS_DESK, "admin", TestAccounts.PASSWORD))
                .as("the administrator at her own desk")
                .isEqualTo(200);
    }

    @Test
    void anotherAdministratorStillGetsLockedLikeEveryone() {
        new TestAccounts(userAccounts).ensure("admin", Role.ADMIN);
        new TestAccounts(userAccounts).ensure(username, Role.ADMIN);

        for (int i = 0; i < 5; i++) {
            apiStatusFrom(ATTACKER, username, WRONG);
        }

        assertThat(apiStatusFrom(ADMINS_DESK, username, TestAccounts.PASSWORD)).isEqualTo(401);
        assertThat(actionsAbout(username)).contains("ACCOUNT_LOCKED");
    }

    @Test
    void lockEndsByItselfAfterFifteenMinutes() {
        lockOut(username);

        clock.advance(Duration.ofMinutes(14));
        assertThat(apiStatus(username, TestAccounts.PASSWORD)).isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(apiStatus(username, TestAccounts.PASSWORD)).isEqualTo(200);
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) {
            apiStatus(username, WRONG);
        }
        clock.advance(Duration.ofMinutes(16));
        apiStatus(username, WRONG);

        assertThat(apiStatus(username, TestAccounts.PASSWORD)).isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            apiStatus(username, WRONG);
        }
        assertThat(apiStatus(username, TestAccounts.PASSWORD)).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            apiStatus(username, WRONG);
        }

        assertThat(apiStatus(username, TestAccounts.PASSWORD)).isEqualTo(200);
    }

    @Test
    void lockedAccountAndUnknownUserGetTheSameAnswer() {
        lockOut(username);

        HttpResponse<String> locked = http.get("/api/v1/me", username, TestAccounts.PASSWORD);
        HttpResponse<String> unknown = http.get("/api/v1/me", "nobody-at-all", TestAccounts.PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(unknown.statusCode());
        assertThat(locked.body()).isEqualTo(unknown.body());
        assertThat(http.signInThroughForm(username, TestAccounts.PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .isEqualTo(http.signInThroughForm("nobody-at-all", TestAccounts.PASSWORD)
                        .headers()
                        .firstValue("Location"));
    }

    @Test
    void administratorUnlocksTheAccount() {
        lockOut(username);
        UserAccount locked = repository.findByUsername(username).orElseThrow();
        assertThat(locked.isLockedAt(clock.instant())).isTrue();

        signIn("root", Role.ADMIN);
        service.unlock(locked.getId(), locked.getVersion());

        assertThat(apiStatus(username, TestAccounts.PASSWORD)).isEqualTo(200);
        assertThat(actionsAbout(username)).contains("USER_UNLOCKED");
    }

    @Test
    void disabledAccountCannotSignIn() {
        UserAccount account = repository.findByUsername(username).orElseThrow();
        signIn("root", Role.ADMIN);
        service.setEnabled(account.getId(), account.getVersion(), false);

        assertThat(apiStatus(username, TestAccounts.PASSWORD)).isEqualTo(401);
        assertThat(failedFormSignIn(username, TestAccounts.PASSWORD)).isTrue();
    }

    @Test
    void successfulFormSignInIsAudited() {
        HttpResponse<String> response = http.signInThroughForm(username, TestAccounts.PASSWORD);

        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(detailsOf(username, "SIGNED_IN")).containsExactly("channel=UI");
    }

    private void lockOut(String user) {
        for (int i = 0; i < 5; i++) {
            apiStatus(user, WRONG);
        }
    }

    private int apiStatus(String user, String password) {
        return http.get("/api/v1/me", user, password).statusCode();
    }

    private int apiStatusFrom(String address, String user, String password) {
        return http.get("/api/v1/me", user, password, "X-Forwarded-For", address)
                .statusCode();
    }

    private boolean failedFormSignIn(String user, String password) {
        return http.signInThroughForm(user, password)
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .endsWith("/login?error");
    }

    private List<String> actionsAbout(String user) {
        return entriesAbout(user).stream().map(AuditEntry::action).toList().reversed();
    }

    private List<String> detailsOf(String user, String action) {
        return entriesAbout(user).stream()
                .filter(entry -> entry.action().equals(action))
                .map(AuditEntry::details)
                .toList();
    }

    private List<AuditEntry> entriesAbout(String user) {
        signIn("erin", Role.AUDITOR);
        try {
            return AuditReads.byOrAbout(audit, user, null, 100);
        } finally {
            TestAccounts.signOut();
        }
    }

    @Test
    void anAdministratorTightensThePolicyAndTheNextFailuresFollowIt() {
        signIn("root", Role.ADMIN);
        LockoutPolicy before = settings.lockoutPolicy();
        LockoutPolicy tight = new LockoutPolicy(2, Duration.ofMinutes(5), Duration.ofMinutes(60));
        try {
            settings.changeLockoutPolicy(before, tight);

            apiStatus(username, WRONG);
            apiStatus(username, WRONG);

            assertThat(apiStatus(username, TestAccounts.PASSWORD)).isEqualTo(401);
            clock.advance(Duration.ofMinutes(59));
            assertThat(apiStatus(username, TestAccounts.PASSWORD)).isEqualTo(401);
            clock.advance(Duration.ofMinutes(2));
            assertThat(apiStatus(username, TestAccounts.PASSWORD)).isEqualTo(200);
            signIn("erin", Role.AUDITOR);
            assertThat(AuditReads.ofAction(audit, "SETTINGS_CHANGED", 5))
                    .first()
                    .satisfies(entry -> {
                        assertThat(entry.actor()).isEqualTo("root");
                        assertThat(entry.details()).isEqualTo(before + " -> " + tight);
                    });
        } finally {
            signIn("root", Role.ADMIN);
            settings.changeLockoutPolicy(tight, before);
        }
    }

    @Test
    void aPolicyChangedMeanwhileOrOutOfRangeIsRefused() {
        signIn("root", Role.ADMIN);
        LockoutPolicy current = settings.lockoutPolicy();
        LockoutPolicy outdated = new LockoutPolicy(current.maxFailures() + 1, current.window(), current.duration());

        assertThatThrownBy(() -> settings.changeLockoutPolicy(outdated, current))
                .extracting("code")
                .isEqualTo("stale");
        assertThatThrownBy(() -> settings.changeLockoutPolicy(
                        current, new LockoutPolicy(0, current.window(), current.duration())))
                .extracting("code")
                .isEqualTo("lockout_failures_range");
        assertThatThrownBy(() -> settings.changeLockoutPolicy(
                        current, new LockoutPolicy(5, Duration.ofDays(2), current.duration())))
                .extracting("code")
                .isEqualTo("lockout_minutes_range");
        signIn("someone", Role.AUDITOR);
        assertThatThrownBy(() -> settings.lockoutPolicy()).isInstanceOf(AccessDeniedException.class);
        signIn("root", Role.ADMIN);
        assertThat(settings.lockoutPolicy()).isEqualTo(current);
    }
}
