package org.pchatdr.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.AccountSource;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.security.UserSummary;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.Browser;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.testidp.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with OpenID Connect in a real browser (issue 15, decision 021), against a real Spring
 * Authorization Server ({@link TestIdentityProvider}) that stands in for ADFS or Entra ID: the
 * company button beside the local form, the roles from the groups claim, the logout that also ends
 * the provider's session, a person whose groups change between two sign-ins, and one whose groups
 * give no role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInE2EIT {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        TestIdentityProvider provider = TestIdentityProvider.shared();
        properties.add("portal.oidc.issuer", provider::issuer);
        properties.add("portal.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
        properties.add("portal.oidc.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        properties.add("portal.oidc.display-name", () -> "Example Corp");
        properties.add(
                "portal.ldap.group-roles",
                () -> "{\"PChat-DR-Operators\": [\"OPERATOR\"], \"PChat-DR-Approvers\": [\"APPROVER\"]}");
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService users;

    @Autowired
    AuditService audit;

    @TempDir
    Path browserProfile;

    private final TestIdentityProvider provider = TestIdentityProvider.shared();
    private Browser browser;

    @BeforeEach
    void startBrowser() {
        provider.allowPortal(port);
        browser = new Browser(port, browserProfile);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        TestAccounts.signOut();
    }

    @Test
    void aCompanyUserSignsInWithTheRolesOfTheirGroupsLosesARoleRemovedFromThemAndSignsOutOfBoth() {
        provider.setGroups("olga", "PChat-DR-Operators", "Everyone");

        signInWithTheCompany("olga");
        browser.waitForText(By.tagName("h2"), "Signed in as olga");
        assertThat(browser.text(By.id("role-list"))).contains("Operator").doesNotContain("Approver");

        browser.signOut();
        // RP-initiated logout ended the provider's session too: it asks for the password again.
        provider.setGroups("olga", "PChat-DR-Approvers");
        signInWithTheCompany("olga");
        browser.waitForText(By.tagName("h2"), "Signed in as olga");
        assertThat(browser.text(By.id("role-list")))
                .as("the role of the group olga left is gone at her next sign-in")
                .contains("Approver")
                .doesNotContain("Operator");
        browser.signOut();

        TestAccounts.signIn("root", Role.ADMIN, Role.AUDITOR);
        UserSummary olga = users.findUsers(PageRequest.of(0, 500)).stream()
                .filter(user -> user.username().equals("olga"))
                .findFirst()
                .orElseThrow();
        assertThat(olga.source()).isEqualTo(AccountSource.OIDC);
        assertThat(olga.lastSignInAt()).isNotNull();
        assertThat(olga.roles()).containsExactly(Role.APPROVER);
        assertThat(olga.directoryGroups()).containsExactly("PChat-DR-Approvers");
        assertThat(AuditReads.byOrAbout(audit, "olga", null, 100).stream()
                        .map(entry -> entry.action() + " " + entry.details())
                        .toList())
                .anyMatch(line -> line.startsWith("SIGNED_IN") && line.contains("source=oidc"))
                .anyMatch(line -> line.startsWith("SIGNED_OUT"));
    }

    @Test
    void aCompanyUserWhoseGroupsGiveNoRoleIsToldSoOnTheSignInPage() {
        provider.setGroups("victor", "Everyone");

        signInWithTheCompany("victor");

        assertThat(browser.signInError()).contains("none of its groups gives access to the portal");
    }

    /** From the portal's sign-in page through the provider's own, as a person does. */
    private void signInWithTheCompany(String username) {
        browser.driver().get("http://127.0.0.1:" + port + "/login");
        browser.waitForSignInPage();
        browser.waitForText(By.id("oidc-sign-in"), "Sign in with Example Corp");
        browser.click(By.id("oidc-sign-in"));
        WebDriverWait wait = browser.patiently();
        wait.until(urlContains(provider.issuer() + "/login"));
        wait.until(visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(TestIdentityProvider.PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(urlContains("http://127.0.0.1:" + port + "/"));
    }
}
