package org.pchatdr.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.Browser;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.SampleRun;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12: the approver's phone is enough, the operator's pages fit it too, and the approval tables
 * fit a laptop's screen.
 */
@IntegrationTest
class ScreensE2EIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @TempDir
    Path profile;

    private Browser browser;

    @BeforeEach
    void accounts() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.ensure("phone-approver", Role.APPROVER);
        accounts.ensure("screen-admin", Role.ADMIN);
        accounts.ensure("phone-operator", Role.OPERATOR);
        accounts.standingApprovers();
        browser = new Browser(port, profile);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anApproverOnAPhoneOpensARunFromALinkReadsItAndApprovesIt() {
        SampleRun sample = SampleRun.create(topologies, runs, "phone approval");
        ScreenSizes.PHONE.apply(browser.driver());

        // The link of a chat message or an e-mail: the sign-in page first, then the run itself.
        browser.open("/runs/" + sample.runId());
        browser.signIn("phone-approver", TestAccounts.PASSWORD);
        browser.waitForContent(By.id("run-state"), "Requested");
        browser.screenshot("phone-run");

        // The header is what the layout puts in its navbar slot: its lowest edge is its height.
        assertThat(number("return Math.max(...[...document.querySelectorAll('vaadin-app-layout > [slot=navbar]')]"
                        + ".map(e => e.getBoundingClientRect().bottom))"))
                .as("the header leaves the screen to the run")
                .isLessThan(844 * 0.2);
        assertThat(number("return document.getElementById('sign-out').getBoundingClientRect().right"))
                .as("sign-out is on the screen")
                .isLessThanOrEqualTo(390);
        assertThat(number("return document.documentElement.scrollWidth"))
                .as("nothing makes the page scroll sideways")
                .isLessThanOrEqualTo(390);
        assertThat(number("return document.querySelector('vaadin-select.language-select')"
                        + ".getBoundingClientRect().right"))
                .as("the language select is on the screen")
                .isLessThanOrEqualTo(390);
        // An approver reads French better at 3 a.m.: the select in the header switches the page.
        browser.click(By.cssSelector("vaadin-select.language-select"));
        browser.click(By.xpath("//vaadin-select-item[normalize-space()='français']"));
        browser.waitForContent(By.id("run-state"), "Demandé");
        browser.screenshot("phone-run-fr");
        browser.click(By.id("menu-toggle"));
        // The entry carries its badge ("Approbations\n3").
        assertThat(browser.navigationItems()).anyMatch(item -> item.startsWith("Approbations"));
        browser.driver().navigate().refresh();

        browser.click(By.id("approve"));
        browser.click(By.id("dialog-confirm"));
        browser.waitForContent(By.id("run-state"), "Approuvé");
    }

    @Test
    void theApprovalsInboxAndThePoliciesFitA1440PixelScreenWithoutScrollingSideways() {
        SampleRun.create(
                topologies, runs, "a request with a long reason that must wrap inside its cell rather than widen");
        ScreenSizes.DESKTOP.apply(browser.driver());
        browser.open("/");
        browser.signIn("phone-approver", TestAccounts.PASSWORD);
        browser.open("/approvals");
        browser.waitFor(By.id("approvals"));
        assertFits("approvals");
        browser.signOut();

        browser.signIn("screen-admin", TestAccounts.PASSWORD);
        browser.open("/admin/approval-policies");
        browser.waitFor(By.id("approval-policies"));
        assertFits("approval-policies");
    }

    @Test
    void anOperatorEditsATopologyAndReadsItsProceduresOnAPhoneWithoutScrollingSideways() {
        SampleRun sample = SampleRun.create(topologies, runs, "phone editor");
        ScreenSizes.PHONE.apply(browser.driver());
        browser.open("/");
        browser.signIn("phone-operator", TestAccounts.PASSWORD);

        browser.open("/topologies/" + sample.topologyId() + "/edit");
        browser.waitFor(By.cssSelector("#rule-results .violation"));
        browser.screenshot("phone-editor");
        assertThat(number("return document.documentElement.scrollWidth"))
                .as("the editor, its comment and its findings fit the phone")
                .isLessThanOrEqualTo(390);
        assertThat(top("rule-results"))
                .as("the rules come below the forms on a phone")
                .isGreaterThanOrEqualTo(bottom("editor-tabs"));

        browser.open("/topologies/" + sample.topologyId() + "/procedures");
        browser.waitFor(By.id("procedure-choice"));
        assertThat(number("return document.documentElement.scrollWidth"))
                .as("the procedure selectors fit the phone")
                .isLessThanOrEqualTo(390);

        ScreenSizes.DESKTOP.apply(browser.driver());
        browser.open("/topologies/" + sample.topologyId() + "/edit");
        browser.waitFor(By.cssSelector("#rule-results .violation"));
        assertThat(number("return document.documentElement.scrollWidth"))
                .as("long findings wrap beside the forms at 1440 px")
                .isLessThanOrEqualTo(1440);
        assertThat(number("return document.getElementById('rule-results').getBoundingClientRect().left"))
                .as("the rules stand beside the forms on a wide screen")
                .isGreaterThanOrEqualTo(
                        number("return document.getElementById('editor-tabs').getBoundingClientRect().right"));
    }

    private double top(String id) {
        return number("return document.getElementById(arguments[0]).getBoundingClientRect().top", id);
    }

    private double bottom(String id) {
        return number("return document.getElementById(arguments[0]).getBoundingClientRect().bottom", id);
    }

    private void assertFits(String gridId) {
        browser.screenshot("fits-" + gridId);
        double overflow = number(
                "const table = document.getElementById(arguments[0]).shadowRoot.querySelector('#table');"
                        + "return table.scrollWidth - table.clientWidth;",
                gridId);
        assertThat(overflow)
                .as("sideways scroll of grid #%s at 1440 px", gridId)
                .isLessThanOrEqualTo(0);
    }

    private double number(String script, Object... arguments) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(script, arguments)).doubleValue();
    }
}
