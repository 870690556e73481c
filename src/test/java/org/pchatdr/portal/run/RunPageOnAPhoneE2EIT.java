package org.pchatdr.portal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * The run page on a phone (issue 12): at 390 px wide the header with the run's state, its RTO clock
 * and what it waits for stays in view while the steps scroll beneath it.
 */
@IntegrationTest
class RunPageOnAPhoneE2EIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @TempDir
    Path temp;

    private Browser carol;

    @AfterEach
    void close() {
        if (carol != null) {
            carol.close();
        }
        TestAccounts.signOut();
    }

    @Test
    void theHeaderStaysInViewWhileAnApproverScrollsTheRunOnAPhone() {
        new TestAccounts(userAccounts).ensure("phone-carol", Role.APPROVER);
        TestAccounts.signIn("phone-editor", Role.OPERATOR);
        long topology = topologies.create(Contoso.topology(), null).topologyId();
        TestAccounts.signIn("phone-publisher", Role.APPROVER);
        topologies.publish(topology, 1);
        TestAccounts.signIn("phone-alice", Role.OPERATOR);
        RunView run = runs.request(
                new RunRequest(
                        topology, "pchat.contoso.local", "site-failover", null, RunKind.DRILL, "phone drill", null),
                Locale.ENGLISH);

        carol = new Browser(port, temp.resolve("carol"));
        carol.driver().manage().window().setSize(new Dimension(390, 844));
        carol.open("/");
        carol.signIn("phone-carol", TestAccounts.PASSWORD);
        carol.open("/runs/" + run.id());
        carol.waitForContent(By.id("run-next-APPROVAL"), "Waiting for 1 approval — any approver except phone-alice");
        carol.screenshot("run-page-390-top");

        WebElement sticky = carol.driver().findElement(By.id("run-sticky"));
        long before = top(sticky);
        // Wherever the layout scrolls (the document or the layout's content), bring a later step up.
        WebElement later = carol.driver().findElement(By.id("step-4"));
        ((JavascriptExecutor) carol.driver()).executeScript("arguments[0].scrollIntoView(true);", later);
        assertThat(top(later)).as("step 4 scrolled up").isLessThan(400L);
        carol.screenshot("run-page-390-scrolled");

        long after = top(sticky);
        assertThat(after).as("the header's top on screen after scrolling").isBetween(0L, before);
        assertThat(sticky.isDisplayed()).isTrue();
        List<WebElement> approve = carol.driver().findElements(By.id("approve"));
        assertThat(approve).isNotEmpty();
    }

    /** Where the element's top is within the window, as the person sees it. */
    private long top(WebElement element) {
        Object top = ((JavascriptExecutor) carol.driver())
                .executeScript("return Math.round(arguments[0].getBoundingClientRect().top);", element);
        return ((Number) top).longValue();
    }
}
