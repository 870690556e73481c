package org.pchatdr.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.testsupport.TestAccounts.signIn;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.Slapd;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in with the company directory (issue 15) against a real OpenLDAP over LDAPS with a CA made
 * by the test ({@link Slapd}): groups mapped to roles, nested groups, removal from a group, no
 * mapped group, lockout, an unreachable directory and a local account of the same name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectorySignInIT {

    private static final String INITIAL_MAPPING = "{\"" + Slapd.group("operators") + "\": [\"OPERATOR\"], \""
            + Slapd.group("approvers").toUpperCase() + "\": [\"APPROVER\", \"AUDITOR\"]}";

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry properties) {
        Slapd slapd = Slapd.shared();
        properties.add("portal.ldap.url", slapd::ldapsUrl);
        properties.add("portal.ldap.base", () -> Slapd.BASE);
        properties.add("portal.ldap.bind-dn", () -> Slapd.SERVICE_DN);
        properties.add("portal.ldap.bind-password", () -> Slapd.SERVICE_PASSWORD);
        properties.add("portal.ldap.user-filter", () -> "(uid={0})");
        properties.add("portal.ldap.group-base", () -> "ou=groups," + Slapd.BASE);
        properties.add("portal.ldap.truststore", () -> slapd.caCertificate().toString());
        properties.add("portal.ldap.group-roles", () -> INITIAL_MAPPING);
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    UserAccountService users;

    @Autowired
    DirectoryMappingService mapping;

    @Autowired
    AuditService audit;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aDirectoryUserSignsInWithTheRolesOfTheirGroupAndNoPasswordIsStored() {
        HttpResponse<String> me = http().get("/api/v1/me", "alice", Slapd.password("alice"));

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"roles\":[\"OPERATOR\"]");
        UserAccount account = accounts.findByUsername("alice").orElseThrow();
        assertThat(account.getSource()).isEqualTo(AccountSource.DIRECTORY);
        assertThat(account.getPasswordHash()).isEmpty();
        assertThat(account.getDirectoryGroups()).containsExactly(Slapd.group("operators"));
    }

    @Test
    void theSignInPageAcceptsADirectoryUserAndTheUserListShowsWhereTheRolesCameFrom() {
        HttpResponse<String> response = http().signInThroughForm("alice", Slapd.password("alice"));

        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(detailsOf("alice", "SIGNED_IN"))
                .anyMatch(details -> details.contains("source=directory") && details.contains("operators"));
        signIn("root", Role.ADMIN);
        UserSummary alice = users.findUsers(PageRequest.of(0, 500)).stream()
                .filter(user -> user.username().equals("alice"))
                .findFirst()
                .orElseThrow();
        assertThat(alice.source()).isEqualTo(AccountSource.DIRECTORY);
        assertThat(alice.lastSignInAt()).isNotNull();
        assertThat(alice.roles()).containsExactly(Role.OPERATOR);
        assertThat(alice.directoryGroups()).containsExactly(Slapd.group("operators"));
    }

    @Test
    void aNestedGroupGivesTheRolesOfTheGroupThatHoldsItToAPersonWithAnApostropheInTheirName() {
        HttpResponse<String> me = http().get("/api/v1/me", "obrien", Slapd.password("obrien"));

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"roles\":[\"APPROVER\",\"AUDITOR\"]");
        assertThat(accounts.findByUsername("obrien").orElseThrow().getDirectoryGroups())
                .as("the mapped group, written in another case than the directory's answer")
                .hasSize(1)
                .allMatch(group -> group.equalsIgnoreCase(Slapd.group("approvers")));
    }

    @Test
    void removingSomeoneFromTheGroupRemovesTheRoleAtTheirNextSignIn() {
        Slapd slapd = Slapd.shared();
        assertThat(http().get("/api/v1/me", "frank", Slapd.password("frank")).statusCode())
                .isEqualTo(200);
        slapd.removeMember(Slapd.group("operators"), Slapd.person("frank"));
        try {
            HttpResponse<String> after = http().get("/api/v1/me", "frank", Slapd.password("frank"));

            assertThat(after.statusCode()).isEqualTo(403);
            assertThat(after.body()).contains("directory_no_role");
            assertThat(accounts.findByUsername("frank").orElseThrow().getRoles())
                    .isEmpty();
        } finally {
            slapd.addMember(Slapd.group("operators"), Slapd.person("frank"));
        }
        assertThat(http().get("/api/v1/me", "frank", Slapd.password("frank")).statusCode())
                .as("back in the group")
                .isEqualTo(200);
    }

    @Test
    void aPersonInNoMappedGroupIsRefusedWithAClearMessageAndTheRefusalIsAudited() {
        HttpResponse<String> api = http().get("/api/v1/me", "dave", Slapd.password("dave"));
        HttpResponse<String> page = http().signInThroughForm("dave", Slapd.password("dave"));

        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("directory_no_role").contains("none of the account");
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(detailsOf("dave", "SIGN_IN_FAILED"))
                .anyMatch(details -> details.contains("no-mapped-group") && details.contains("cn=staff"));
    }

    @Test
    void wrongDirectoryPasswordsLockTheAccountLikeALocalOne() {
        for (int i = 0; i < 5; i++) {
            assertThat(http().get("/api/v1/me", "erin", "wrong-password").statusCode())
                    .isEqualTo(401);
        }

        assertThat(http().get("/api/v1/me", "erin", Slapd.password("erin")).statusCode())
                .as("the right password while locked")
                .isEqualTo(401);
        assertThat(actionsAbout("erin")).contains("ACCOUNT_LOCKED");
        UserAccount erin = accounts.findByUsername("erin").orElseThrow();
        signIn("root", Role.ADMIN);
        users.unlock(erin.getId(), erin.getVersion());
        assertThat(http().get("/api/v1/me", "erin", Slapd.password("erin")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUnreachableDirectorySaysSoAndTheLocalAdministratorStillSignsIn() {
        new TestAccounts(userAccounts).ensure("breakglass", Role.ADMIN);
        Slapd slapd = Slapd.shared();
        slapd.stop();
        try {
            HttpResponse<String> directoryUser = http().get("/api/v1/me", "alice", Slapd.password("alice"));
            HttpResponse<String> health = http().get("/actuator/health", "breakglass", TestAccounts.PASSWORD);

            assertThat(directoryUser.statusCode()).isEqualTo(503);
            assertThat(directoryUser.body()).contains("directory_unavailable");
            assertThat(http().get("/api/v1/me", "breakglass", TestAccounts.PASSWORD)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(directoryHealth(health)).isEqualTo("DOWN");
        } finally {
            slapd.start();
        }
        assertThat(http().get("/api/v1/me", "alice", Slapd.password("alice")).statusCode())
                .isEqualTo(200);
        assertThat(directoryHealth(http().get("/actuator/health", "breakglass", TestAccounts.PASSWORD)))
                .isEqualTo("UP");
    }

    @Test
    void aLocalAccountKeepsItsNameAndTheDirectoryPasswordOfThatNameDoesNotSignIn() {
        new TestAccounts(userAccounts).ensure("carol", Role.AUDITOR);

        assertThat(http().get("/api/v1/me", "carol", Slapd.password("carol")).statusCode())
                .as("the directory's carol")
                .isEqualTo(401);
        HttpResponse<String> local = http().get("/api/v1/me", "carol", TestAccounts.PASSWORD);
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).contains("\"roles\":[\"AUDITOR\"]");
        assertThat(accounts.findByUsername("carol").orElseThrow().getSource()).isEqualTo(AccountSource.LOCAL);
    }

    @Test
    void anAdministratorCannotCreateALocalAccountOverADirectoryOneNorSetItsRolesOrPassword() {
        assertThat(http().get("/api/v1/me", "alice", Slapd.password("alice")).statusCode())
                .isEqualTo(200);
        UserAccount alice = accounts.findByUsername("alice").orElseThrow();
        signIn("root", Role.ADMIN);

        assertThat(refusal(() -> users.createUser("alice", Set.of(Role.ADMIN), "Another-Strong-Pass-7")))
                .isEqualTo("username_taken");
        assertThat(refusal(() -> users.changeRoles(alice.getId(), alice.getVersion(), Set.of(Role.ADMIN))))
                .isEqualTo("directory_roles_from_groups");
        assertThat(refusal(() -> users.resetPassword(alice.getId(), alice.getVersion(), "Another-Strong-Pass-7")))
                .isEqualTo("directory_password");
    }

    @Test
    void aMappingChangeIsAuditedBeforeAndAfterAndAppliesAtTheNextSignIn() {
        signIn("root", Role.ADMIN);
        GroupRoleMapping before = mapping.mapping();
        try {
            mapping.changeGroup(before, Slapd.group("staff"), EnumSet.of(Role.AUDITOR));
            TestAccounts.signOut();

            HttpResponse<String> dave = http().get("/api/v1/me", "dave", Slapd.password("dave"));

            assertThat(dave.statusCode()).isEqualTo(200);
            assertThat(dave.body()).contains("\"roles\":[\"AUDITOR\"]");
            signIn("auditor", Role.AUDITOR);
            assertThat(AuditReads.byOrAbout(audit, "directory group roles", null, 10))
                    .anyMatch(entry -> entry.details().contains("cn=staff")
                            && entry.details().contains(" -> ")
                            && entry.action().equals("SETTINGS_CHANGED"));
        } finally {
            signIn("root", Role.ADMIN);
            mapping.replace(null, before);
        }
    }

    @Test
    void theMappingIsReadAndReplacedOverRestByAnAdministratorOnly() {
        new TestAccounts(userAccounts).ensure("mapping-admin", Role.ADMIN);
        new TestAccounts(userAccounts).ensure("mapping-operator", Role.OPERATOR);
        String path = "/api/v1/settings/directory-group-roles";
        String before = http().get(path, "mapping-admin", TestAccounts.PASSWORD).body();
        try {
            HttpResponse<String> replaced = http().put(
                            path,
                            "mapping-admin",
                            TestAccounts.PASSWORD,
                            "{\"" + Slapd.group("staff") + "\": [\"AUDITOR\"], \"" + Slapd.group("operators")
                                    + "\": [\"OPERATOR\"]}");

            assertThat(before).contains("cn=operators").contains("\"OPERATOR\"");
            assertThat(replaced.statusCode()).isEqualTo(200);
            assertThat(http().get(path, "mapping-admin", TestAccounts.PASSWORD).body())
                    .contains("cn=staff")
                    .doesNotContain("approvers");
            assertThat(http().get(path, "mapping-operator", TestAccounts.PASSWORD)
                            .statusCode())
                    .isEqualTo(403);
            // An unknown role is an unprocessable value, as everywhere in the API.
            assertThat(http().put(path, "mapping-admin", TestAccounts.PASSWORD, "{\"cn=g,dc=x\": [\"ROOT\"]}")
                            .statusCode())
                    .isEqualTo(422);
        } finally {
            http().put(path, "mapping-admin", TestAccounts.PASSWORD, before);
        }
    }

    private static String directoryHealth(HttpResponse<String> health) {
        return JsonMapper.builder()
                .build()
                .readTree(health.body())
                .path("components")
                .path("directory")
                .path("status")
                .asString();
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
            return "none";
        } catch (PortalException e) {
            return e.code();
        }
    }

    private PortalHttp http() {
        return new PortalHttp(port);
    }

    private List<String> actionsAbout(String user) {
        return entriesAbout(user).stream().map(AuditEntry::action).toList();
    }

    private List<String> detailsOf(String user, String action) {
        return entriesAbout(user).stream()
                .filter(entry -> entry.action().equals(action))
                .map(AuditEntry::details)
                .toList();
    }

    private List<AuditEntry> entriesAbout(String user) {
        signIn("erin-auditor", Role.AUDITOR);
        try {
            return AuditReads.byOrAbout(audit, user, null, 100);
        } finally {
            TestAccounts.signOut();
        }
    }
}
