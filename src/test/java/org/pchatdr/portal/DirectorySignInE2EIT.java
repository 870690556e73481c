package org.pchatdr.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.pchatdr.portal.testsupport.Browser;
import org.pchatdr.portal.testsupport.Slapd;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with the company directory through the sign-in page, in a real browser, against a real
 * OpenLDAP over LDAPS ({@link Slapd}; issue 15, decision 018): a person of a mapped group signs in
 * with their directory password and gets its role, one of no mapped group is told why not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectorySignInE2EIT {

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
        properties.add("portal.ldap.group-roles", () -> "{\"" + Slapd.group("operators") + "\": [\"OPERATOR\"]}");
    }

    @LocalServerPort
    int port;

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
    void aDirectoryUserSignsInOnTheSignInPageWithTheRoleOfTheirGroupAndSignsOut() {
        browser.open("/login");
        browser.signIn("alice", Slapd.password("alice"));

        browser.waitForText(By.tagName("h2"), "Signed in as alice");
        assertThat(browser.text(By.id("role-list"))).contains("Operator");
        browser.signOut();
    }

    @Test
    void aDirectoryUserOfNoMappedGroupIsToldWhyOnTheSignInPage() {
        browser.open("/login");
        browser.signIn("dave", Slapd.password("dave"));

        assertThat(browser.signInError()).contains("none of your directory groups gives access to the portal");
    }
}
