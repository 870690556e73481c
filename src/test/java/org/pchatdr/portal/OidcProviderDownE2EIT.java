package org.pchatdr.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.Browser;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15, decision 021: the OpenID provider is down when someone clicks "Sign in with …" (here
 * the issuer is a port nobody listens on). The sign-in page says so in the person's language instead
 * of an error page, and the local break-glass accounts still sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcProviderDownE2EIT {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        int closedPort = closedPort();
        properties.add("portal.oidc.issuer", () -> "http://localhost:" + closedPort + "/issuer");
        properties.add("portal.oidc.client-id", () -> "portal");
        properties.add("portal.oidc.client-secret", () -> "secret");
        properties.add("portal.oidc.display-name", () -> "Example Corp");
    }

    /** A port that was free a moment ago and that nothing listens on. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

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
    void theSignInPageSaysTheCompanyServiceCannotBeReachedAndLocalAccountsStillSignIn() {
        browser.open("/login");
        browser.waitForSignInPage();
        browser.click(By.id("oidc-sign-in"));

        assertThat(browser.signInError())
                .contains("Your company’s sign-in service cannot be reached right now")
                .contains("local accounts still work");

        new TestAccounts(userAccounts).ensure("breakglass-oidc-down", Role.ADMIN);
        browser.open("/login");
        browser.signIn("breakglass-oidc-down", TestAccounts.PASSWORD);
        browser.waitForText(By.tagName("h2"), "Signed in as breakglass-oidc-down");
    }

    @Test
    void inFrenchTheSignInPageSaysItInFrench() {
        browser.open("/login");
        browser.driver().manage().addCookie(new Cookie("PORTAL_LOCALE", "fr"));
        browser.open("/login");
        browser.waitForSignInPage();
        browser.click(By.id("oidc-sign-in"));

        assertThat(browser.signInError())
                .contains("Le service de connexion de votre entreprise est injoignable pour le moment");
    }
}
