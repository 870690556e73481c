package org.pchatdr.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.pchatdr.portal.testsupport.Browser;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first hour of a new portal, in a real browser: the administrator signs in with the initial
 * password, replaces it, creates an operator, and the operator signs in for the first time.
 */
@IntegrationTest
class FirstSignInE2EIT {

    private static final String FAILED_SIGN_IN = "The username or password is wrong";

    @LocalServerPort
    int port;

    @Value("${portal.admin-password}")
    String initialAdminPassword;

    @TempDir
    Path browserProfile;

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = new Browser(port, browserProfile);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void newcomerJourneyFromInitialPasswordToVerifiedAuditTrail() {
        browser.open("/");
        browser.waitForSignInPage();

        browser.signIn("admin", "Not-The-Password-1");
        String wrongPassword = browser.signInError();
        assertThat(wrongPassword).contains(FAILED_SIGN_IN);
        browser.signIn("nobody-by-this-name", "Not-The-Password-1");
        assertThat(browser.signInError())
                .as("an unknown user gets the very same message as a wrong password")
                .isEqualTo(wrongPassword);

        browser.signIn("admin", initialAdminPassword);
        changeOwnPassword(initialAdminPassword, "Fresh-Portal-Key-2026");
        browser.waitForText(By.tagName("h2"), "Signed in as admin");
        assertThat(browser.text(By.id("role-list"))).contains("Administrator");

        browser.openFromNavigation("Users");
        browser.click(By.id("create-user"));
        browser.type("new-username", "olivia");
        browser.click(By.xpath("//vaadin-checkbox-group[@id='roles']//label[normalize-space()='Operator']"));
        browser.type("new-user-password", "Temporary-Key-4711");
        browser.type("new-user-password-repeat", "Temporary-Key-4711");
        browser.click(By.id("dialog-confirm"));
        browser.waitForRow("users", "olivia", "Operator", "Must change password");

        browser.signOut();
        browser.signIn("olivia", "Temporary-Key-4711");
        changeOwnPassword("Temporary-Key-4711", "My-Own-Secret-4711");
        browser.waitForText(By.tagName("h2"), "Signed in as olivia");
        assertThat(browser.navigationItems()).contains("Home").doesNotContain("Users", "Audit trail");
        browser.signOut();

        browser.signIn("admin", "Fresh-Portal-Key-2026");
        browser.waitForText(By.tagName("h2"), "Signed in as admin");
        browser.openFromNavigation("Audit trail");
        browser.click(By.id("verify-chain"));
        browser.waitForText(By.id("verification-result"), "Chain intact");
        browser.waitForRow("audit-records", "admin", "User created", "olivia");
        browser.waitForRow("audit-records", "olivia", "Signed out", "olivia");
    }

    @Test
    void signInPageSwitchesToFrenchAndStaysFrenchAfterReload() {
        browser.open("/login");
        browser.waitForText(Browser.SUBMIT, "Sign in");

        browser.click(By.cssSelector("vaadin-select.language-select"));
        browser.click(By.xpath("//vaadin-select-item[normalize-space()='français']"));
        browser.waitForText(Browser.SUBMIT, "Se connecter");
        assertThat(browser.driver().getTitle()).startsWith("Connexion");

        browser.driver().navigate().refresh();
        browser.waitForText(Browser.SUBMIT, "Se connecter");
        assertThat(browser.driver().getTitle()).startsWith("Connexion");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Portail PRA Persistent Chat");
    }

    /** A user with an initial or temporary password lands on the change-password page first. */
    private void changeOwnPassword(String current, String next) {
        browser.waitForText(By.id("password-change-required"), "Choose your own password to continue");
        browser.type("current-password", current);
        browser.type("new-password", next);
        browser.type("repeat-password", next);
        browser.click(By.id("save-password"));
    }
}
