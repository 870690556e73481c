package org.pchatdr.portal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.Browser;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In two real browsers: alice requests a site-failover drill of the Contoso sample, carol approves
 * it, alice walks every step to the end — through the data-loss gate, which carol accepts — and the
 * run shows its RTO. Each sees the other's changes without reloading.
 */
@IntegrationTest
class RunWalkE2EIT {

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    Clock clock;

    private static final String POOL = "pchat.contoso.local";
    /** The date pickers read dates the way the browser's language (English) writes them. */
    private static final DateTimeFormatter PICKER_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    @LocalServerPort
    int port;

    @Autowired
    TopologyService topologies;

    @TempDir
    Path temp;

    private Browser alice;
    private Browser carol;

    @BeforeEach
    void accountsAndBrowsers() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.ensure("alice", Role.OPERATOR);
        accounts.ensure("carol", Role.APPROVER);
        alice = new Browser(port, temp.resolve("alice"));
        carol = new Browser(port, temp.resolve("carol"));
    }

    @AfterEach
    void closeBrowsers() {
        for (Browser browser : List.of(alice, carol)) {
            browser.close();
        }
        TestAccounts.signOut();
    }

    @Test
    void aliceWalksASiteFailoverDrillThatCarolApprovedToItsEndAndTheRunShowsItsRto() {
        long topology = publishedContoso();

        alice.open("/");
        alice.signIn("alice", TestAccounts.PASSWORD);
        // The address the procedure page's "Request a run of this procedure" link opens.
        alice.open("/runs/new?topology=" + topology + "&pool=" + POOL + "&procedure=site-failover&variant=unplanned");
        alice.click(By.id("run-kind-DRILL"));
        alice.typeInto(By.cssSelector("#run-reason textarea"), "Quarterly site failover drill");
        alice.screenshot("run-request");
        alice.click(By.id("submit-request"));
        alice.waitForContent(By.id("run-state"), "Requested");
        String runAddress = alice.driver().getCurrentUrl();
        List<WebElement> steps = alice.driver().findElements(By.cssSelector("[id^=step-state-]"));
        assertThat(steps).hasSizeGreaterThan(5);
        int stepCount = steps.size();

        carol.open("/");
        carol.signIn("carol", TestAccounts.PASSWORD);
        carol.open("/approvals");
        carol.waitForRow(
                "approvals", "Approve the run", "Run " + runAddress.substring(runAddress.lastIndexOf('/') + 1));
        carol.driver().get(runAddress);
        carol.click(By.id("approve"));
        carol.click(By.id("dialog-confirm"));
        carol.waitForContent(By.id("run-state"), "Approved");

        // alice did not reload: her page follows carol's approval by itself.
        alice.waitForContent(By.id("run-state"), "Approved");
        alice.click(By.id("start-run"));
        alice.waitForContent(By.id("run-state"), "In progress");

        for (int number = 1; number <= stepCount; number++) {
            if (!alice.driver().findElements(By.id("step-gate-" + number)).isEmpty()) {
                passTheDataLossGate(number);
            }
            alice.click(By.id("start-step-" + number));
            alice.click(By.id("complete-step-" + number));
            alice.typeInto(By.cssSelector("#complete-step-output textarea"), "Command(s) completed successfully.");
            alice.click(By.id("dialog-confirm"));
            alice.waitForContent(By.id("step-state-" + number), "Done");
            if (number == 1) {
                // carol did not reload either.
                carol.waitForContent(By.id("step-state-1"), "Done");
            }
        }

        alice.waitForContent(By.id("run-state"), "Completed");
        alice.waitForContent(By.id("rto-final"), "Final figure");
        alice.waitForContent(By.id("rto-verdict"), "RTO");
        alice.waitForContent(By.id("rto-target"), "RTO target of the pool");
        assertThat(alice.driver().findElements(By.cssSelector("#run-actions button, [id^=start-step-]")))
                .isEmpty();
        alice.screenshot("run-completed");
        carol.waitForContent(By.id("run-state"), "Completed");
    }

    /**
     * alice records yesterday's last log backup and loss of the primary, four minutes apart; carol,
     * still on the run page, accepts the loss in writing; alice's start button comes alive.
     */
    private void passTheDataLossGate(int number) {
        assertThat(alice.driver().findElement(By.id("start-step-" + number)).getDomAttribute("disabled"))
                .as("the start of the recovery step waits for the gate")
                .isNotNull();
        String yesterday = PICKER_DATE.format(LocalDate.now(clock).minusDays(1));
        alice.click(By.id("record-data-loss"));
        alice.typeInto(By.cssSelector("#data-loss-last-log-field input"), "mgc_20261125090000.trn");
        pick("data-loss-last-log-at-field", yesterday, "09:00:00");
        pick("data-loss-lost-at-field", yesterday, "09:04:00");
        alice.screenshot("run-data-loss-record");
        alice.click(By.id("dialog-confirm"));
        alice.waitForText(By.id("data-loss-window"), "4 min 00 s");

        carol.click(By.id("accept-data-loss"));
        carol.typeInto(
                By.cssSelector("#data-loss-statement textarea"), "Four minutes of chat lost in a drill: accepted.");
        carol.click(By.id("dialog-confirm"));
        carol.waitFor(By.id("data-loss-accepted"));

        alice.waitFor(By.id("data-loss-accepted"));
        alice.screenshot("run-data-loss-accepted");
    }

    /** Types a date and a time into the two halves of a Vaadin date-time picker. */
    private void pick(String pickerId, String date, String time) {
        alice.typeInto(By.cssSelector("#" + pickerId + " vaadin-date-picker input"), date);
        alice.driver()
                .findElement(By.cssSelector("#" + pickerId + " vaadin-date-picker input"))
                .sendKeys(Keys.ENTER);
        alice.typeInto(By.cssSelector("#" + pickerId + " vaadin-time-picker input"), time);
        alice.driver()
                .findElement(By.cssSelector("#" + pickerId + " vaadin-time-picker input"))
                .sendKeys(Keys.ENTER);
    }

    private long publishedContoso() {
        TestAccounts.signIn("walk-editor", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        TestAccounts.signIn("walk-publisher", Role.APPROVER);
        topologies.publish(id, 1);
        TestAccounts.signOut();
        return id;
    }
}
