package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.pchatdr.portal.testsupport.AccountStandings;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Users over REST (issue 15): the rules and audit events of the Users page. Each test makes its
 * administrator the only enabled one, so that "the last administrator" means the one made here,
 * and puts the others back afterwards ({@link AccountStandings}).
 */
@IntegrationTest
class UsersApiIT {

    private static final String ADMIN = "chief";
    private static final String STRONG = "Temporary-Strong-Pass-4";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    AuditService audit;

    PortalHttp http;
    private AccountStandings standings;

    @BeforeEach
    void onlyOneAdministrator() {
        new TestAccounts(userAccounts).ensure(ADMIN, Role.ADMIN);
        standings = AccountStandings.onlyAdministrator(userAccounts, ADMIN);
        http = new PortalHttp(port);
    }

    @AfterEach
    void signOutAndPutTheAdministratorsBack() {
        TestAccounts.signOut();
        standings.restore();
    }

    @Test
    void anAdministratorCreatesReadsAndChangesAUserAndEveryStepIsAudited() {
        HttpResponse<String> created = http.authorized(
                "POST",
                "/api/v1/users",
                PortalHttp.basic(ADMIN, TestAccounts.PASSWORD),
                "{\"username\":\"Grace\",\"roles\":[\"OPERATOR\"],\"temporaryPassword\":\"" + STRONG + "\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/users/grace");
        assertThat(created.body()).contains("\"source\":\"LOCAL\"").contains("\"mustChangePassword\":true");
        assertThat(http.get("/api/v1/users", ADMIN, TestAccounts.PASSWORD).body())
                .contains("\"username\":\"grace\"");
        assertThat(http.get("/api/v1/users/GRACE", ADMIN, TestAccounts.PASSWORD).body())
                .contains("\"roles\":[\"OPERATOR\"]");

        HttpResponse<String> changed = http.put(
                "/api/v1/users/grace", ADMIN, TestAccounts.PASSWORD, "{\"roles\":[\"APPROVER\"],\"enabled\":false}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"roles\":[\"APPROVER\"]").contains("\"enabled\":false");
        assertThat(entriesAbout("grace"))
                .extracting(AuditEntry::action)
                .contains("USER_CREATED", "ROLES_CHANGED", "USER_DISABLED");
        assertThat(entriesAbout("grace"))
                .filteredOn(entry -> entry.action().equals("ROLES_CHANGED"))
                .extracting(AuditEntry::details)
                .containsExactly("[OPERATOR] -> [APPROVER]");
    }

    @Test
    void theLastAdministratorKeepsTheRoleAndAWeakPasswordIsRefusedAsOnThePage() {
        HttpResponse<String> demote =
                http.put("/api/v1/users/" + ADMIN, ADMIN, TestAccounts.PASSWORD, "{\"roles\":[\"OPERATOR\"]}");
        HttpResponse<String> weak = http.authorized(
                "POST",
                "/api/v1/users",
                PortalHttp.basic(ADMIN, TestAccounts.PASSWORD),
                "{\"username\":\"heidi\",\"roles\":[\"OPERATOR\"],\"temporaryPassword\":\"short\"}");

        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(demote.body()).contains("last_admin");
        assertThat(weak.statusCode()).as("the password policy, as on the page").isEqualTo(422);
        assertThat(http.get("/api/v1/users/heidi", ADMIN, TestAccounts.PASSWORD).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAdministratorUnlocksAndResetsThePasswordOfAUser() {
        new TestAccounts(userAccounts).ensure("ivan", Role.OPERATOR);
        for (int i = 0; i < 5; i++) {
            http.get("/api/v1/me", "ivan", "wrong-password");
        }
        assertThat(http.get("/api/v1/me", "ivan", TestAccounts.PASSWORD).statusCode())
                .isEqualTo(401);

        assertThat(http.post("/api/v1/users/ivan/unlock", ADMIN, TestAccounts.PASSWORD)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/me", "ivan", TestAccounts.PASSWORD).statusCode())
                .isEqualTo(200);
        HttpResponse<String> reset = http.authorized(
                "POST",
                "/api/v1/users/ivan/reset-password",
                PortalHttp.basic(ADMIN, TestAccounts.PASSWORD),
                "{\"temporaryPassword\":\"" + STRONG + "\"}");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).contains("\"mustChangePassword\":true");
        assertThat(entriesAbout("ivan")).extracting(AuditEntry::action).contains("USER_UNLOCKED", "PASSWORD_RESET");
    }

    @Test
    void onlyAnAdministratorMayUseIt() {
        new TestAccounts(userAccounts).ensure("judy", Role.OPERATOR, Role.APPROVER, Role.AUDITOR);

        assertThat(http.get("/api/v1/users", "judy", TestAccounts.PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/users/judy/unlock", "judy", TestAccounts.PASSWORD)
                        .statusCode())
                .isEqualTo(403);
    }

    private List<AuditEntry> entriesAbout(String user) {
        signIn("auditor", Role.AUDITOR);
        try {
            return AuditReads.byOrAbout(audit, user, null, 100);
        } finally {
            TestAccounts.signOut();
        }
    }
}
