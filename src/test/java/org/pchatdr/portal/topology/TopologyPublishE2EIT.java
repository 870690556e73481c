package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.Browser;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator imports the Contoso sample, sees its rules and diagram; an approver who wrote none of
 * it publishes it and reads the site failover generated from it. In a real browser.
 */
@IntegrationTest
class TopologyPublishE2EIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @TempDir
    Path temp;

    private Browser browser;

    @BeforeEach
    void accountsAndBrowser() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.ensure("imogen", Role.OPERATOR);
        accounts.ensure("paulo", Role.APPROVER);
        browser = new Browser(port, temp.resolve("profile"));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOperatorImportsTheSampleAndAnotherPersonPublishesIt() throws IOException {
        Path sample = Files.writeString(temp.resolve("contoso-stretched.json"), Contoso.text());

        browser.open("/");
        browser.signIn("imogen", TestAccounts.PASSWORD);
        browser.openFromNavigation("Topologies");
        browser.upload("import-topology", sample);
        browser.waitForText(By.id("shown-version"), "Version 1 of 1");
        assertThat(browser.text(By.id("publication-state"))).isEqualTo("Draft");
        assertThat(browser.driver().findElements(By.id("publish"))).isEmpty();
        browser.screenshot("topology-rules");

        browser.click(By.xpath("//vaadin-tab[starts-with(normalize-space(), 'Diagram')]"));
        var diagram = browser.waitFor(By.cssSelector(".topology-diagram svg"));
        assertThat(diagram.findElements(By.cssSelector("[data-server]"))).hasSize(8);
        assertThat(diagram.findElements(By.cssSelector("[data-server='pc01.contoso.local'].server-active")))
                .hasSize(1);
        assertThat(diagram.findElements(By.cssSelector("[data-copy='mgc:backup']")))
                .hasSize(1);
        browser.screenshot("topology-diagram");
        String address = browser.driver().getCurrentUrl();

        browser.click(By.id("edit"));
        browser.waitFor(By.id("rule-results"));
        browser.click(By.xpath("//vaadin-tab[normalize-space()='Pools']"));
        browser.waitForRow("server-grid", "Remove");
        browser.screenshot("topology-editor");
        browser.click(By.id("discard-changes"));
        browser.waitForText(By.id("shown-version"), "Version 1 of 1");
        browser.open("/topologies/new");
        browser.waitFor(By.id("wizard-steps"));
        browser.screenshot("topology-wizard");
        browser.signOut();

        browser.signIn("paulo", TestAccounts.PASSWORD);
        browser.driver().get(address);
        browser.click(By.id("publish"));
        browser.click(By.id("dialog-confirm"));
        browser.waitForText(By.id("publication-state"), "Published");
        browser.screenshot("topology-published");

        browser.click(By.id("open-procedures"));
        browser.click(By.id("procedure-choice"));
        browser.click(By.xpath("//vaadin-select-item[normalize-space()='Site failover to the secondary site']"));
        browser.waitForText(
                By.cssSelector(".procedure-step"), "Checkpoint: Central Management store and Front End pool available");
        assertThat(browser.driver().findElements(By.cssSelector(".procedure-step")))
                .hasSizeGreaterThan(6);
        browser.screenshot("procedure-site-failover");
    }
}
