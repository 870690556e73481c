package org.pchatdr.portal.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13's journey in a real browser: olga proposes a saved version as a change, carol and dave
 * approve the HIGH change, olga moves the window's end and their approvals are voided (they see
 * what changed), they approve again, erin implements it inside its window with its configuration
 * run, and rita, who took no part, signs the post-implementation review.
 */
@IntegrationTest
class ChangeJourneyE2EIT {

    /** The pickers read dates and times the way the browser's language (English) writes them. */
    private static final DateTimeFormatter PICKER_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    private static final DateTimeFormatter PICKER_TIME = DateTimeFormatter.ofPattern("HH:mm");

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    TopologyService topologies;

    /** The tests' shared clock: the change window opens at its "now", which the portal checks. */
    @Autowired
    Clock clock;

    @TempDir
    Path temp;

    private Browser operators;
    private Browser approvers;

    @AfterEach
    void closeBrowsers() {
        for (Browser browser : java.util.Arrays.asList(operators, approvers)) {
            if (browser != null) {
                browser.close();
            }
        }
        TestAccounts.signOut();
    }

    @Test
    void aHighChangeIsProposedApprovedVoidedApprovedAgainImplementedWithItsRunAndReviewedBySomeoneNew() {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.standingApprovers();
        accounts.ensure("journey-olga", Role.OPERATOR);
        accounts.ensure("journey-erin", Role.OPERATOR);
        accounts.ensure("journey-carol", Role.APPROVER);
        accounts.ensure("journey-dave", Role.APPROVER);
        accounts.ensure("journey-rita", Role.APPROVER);
        long topology = publishedWithTheCopyFolderMoved();
        operators = new Browser(port, temp.resolve("operators"));
        approvers = new Browser(port, temp.resolve("approvers"));

        // olga proposes version 2 from the topology page.
        operators.open("/");
        operators.signIn("journey-olga", TestAccounts.PASSWORD);
        operators.open("/topologies/" + topology + "?version=2");
        operators.click(By.id("propose-change"));
        operators.typeInto(By.cssSelector("#change-form-title input"), "Move the log-shipping copy folder");
        operators.typeInto(By.cssSelector("#change-form-implementation textarea"), "Run the configuration procedure");
        operators.typeInto(By.cssSelector("#change-form-backout textarea"), "Publish version 1 again");
        operators.typeInto(By.cssSelector("#change-form-test textarea"), "Restore a log backup");
        LocalDateTime start =
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        pick(operators, "change-form-start", start);
        pick(operators, "change-form-end", start.plusHours(2));
        operators.screenshot("change-proposal");
        operators.click(By.id("dialog-confirm"));
        operators.waitForContent(By.id("change-state"), "Draft");
        String change = operators.driver().getCurrentUrl();
        operators.waitForContent(By.id("change-risk"), "High");
        operators.click(By.id("change-submit"));
        operators.waitForContent(By.id("change-state"), "Submitted");

        approve("journey-carol", change, "Submitted");
        approve("journey-dave", change, "Approved");

        // olga gives the change an hour more: a material edit that voids both approvals.
        operators.driver().get(change);
        operators.click(By.id("change-edit"));
        pick(operators, "change-form-end", start.plusHours(3));
        operators.click(By.id("dialog-confirm"));
        operators.waitForContent(By.id("change-state"), "Submitted");
        operators.waitForContent(By.id("change-approvals"), "voided by a later edit");
        operators.waitForRow("change-since-approved", "windowEnd");

        approve("journey-carol", change, "Submitted");
        approvers.waitForRow("change-since-approved", "windowEnd");
        approve("journey-dave", change, "Approved");

        // erin, who approved nothing, implements it inside its window with its configuration run.
        operators.signOut();
        operators.signIn("journey-erin", TestAccounts.PASSWORD);
        operators.driver().get(change);
        operators.click(By.id("change-start"));
        operators.waitForContent(By.id("change-state"), "Implementing");
        operators.waitForContent(By.id("change-runs"), "Run ");
        operators.click(By.cssSelector("#change-runs a"));
        operators.waitForContent(By.id("run-state"), "Approved");
        // The run page opens at its top, where Start is, whatever the change page's scroll was.
        operators.click(By.id("start-run"));
        operators.waitForContent(By.id("run-state"), "In progress");
        List<WebElement> steps = operators.driver().findElements(By.cssSelector("[id^=step-state-]"));
        assertThat(steps).isNotEmpty();
        for (int number = 1; number <= steps.size(); number++) {
            operators.click(By.id("start-step-" + number));
            operators.click(By.id("complete-step-" + number));
            operators.click(By.id("dialog-confirm"));
            operators.waitForContent(By.id("step-state-" + number), "Done");
        }
        operators.waitForContent(By.id("run-state"), "Completed");
        operators.driver().get(change);
        operators.click(By.id("change-outcome"));
        operators.click(By.xpath("//vaadin-select-item[normalize-space()='Successful']"));
        operators.click(By.id("change-complete"));
        operators.waitForContent(By.id("change-state"), "Implemented");

        // rita took no part: she signs the review the portal drafted from the run.
        approvers.signOut();
        approvers.signIn("journey-rita", TestAccounts.PASSWORD);
        approvers.driver().get(change);
        approvers.waitForContent(By.id("change-review-text"), "Configuration runs:");
        approvers.waitForContent(By.id("change-review-text"), "Deviations: none");
        approvers.typeInto(By.cssSelector("#change-comment textarea"), "Done as planned, inside the window.");
        approvers.click(By.id("change-review"));
        approvers.waitForContent(By.id("change-state"), "Reviewed");
        approvers.waitForContent(By.id("change-review-text"), "Done as planned, inside the window.");
        approvers.screenshot("change-reviewed");
    }

    /** Signs {@code approver} in on the approvers' browser and approves, until the state reads {@code then}. */
    private void approve(String approver, String change, String then) {
        if (approvers.driver().getCurrentUrl().startsWith("http")
                && !approvers.driver().getCurrentUrl().contains("/login")) {
            approvers.signOut();
        } else {
            approvers.open("/");
        }
        approvers.signIn(approver, TestAccounts.PASSWORD);
        approvers.driver().get(change);
        approvers.click(By.id("change-approve"));
        approvers.waitForContent(By.id("change-approvals"), approver + ": approved");
        approvers.waitForContent(By.id("change-state"), then);
    }

    /** Types a date and a time into the two halves of a Vaadin date-time picker. */
    private static void pick(Browser browser, String pickerId, LocalDateTime value) {
        By date = By.cssSelector("#" + pickerId + " vaadin-date-picker input");
        By time = By.cssSelector("#" + pickerId + " vaadin-time-picker input");
        browser.typeInto(date, PICKER_DATE.format(value));
        browser.driver().findElement(date).sendKeys(Keys.ENTER);
        browser.typeInto(time, PICKER_TIME.format(value));
        browser.driver().findElement(time).sendKeys(Keys.ENTER);
    }

    /** Contoso published at version 1; version 2 moves log shipping's copy folder (a HIGH change). */
    private long publishedWithTheCopyFolderMoved() {
        TestAccounts.signIn("journey-editor", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        TestAccounts.signIn("journey-publisher", Role.APPROVER);
        topologies.publish(id, 1);
        TestAccounts.signIn("journey-editor", Role.OPERATOR);
        topologies.saveVersion(
                id,
                1,
                TopologySamples.read(Contoso.textWith(
                        "\"copyDestination\": \"D:\\\\PChatLogShipCopy\"",
                        "\"copyDestination\": \"E:\\\\PChatLogShipCopy\"")),
                null);
        TestAccounts.signOut();
        return id;
    }
}
