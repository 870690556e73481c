package org.pchatdr.portal.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pchatdr.portal.testsupport.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each demo user signs in, finds the cockpit of their role on the home page, and follows its first
 * card straight to the page where they act (issue 12). In a real browser, on the demo profile's
 * fresh database, so that the first card of each role is known.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class HomeCockpitE2EIT {

    private static final By FIRST_CARD = By.cssSelector("#home-cards > section:first-child");

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = new Browser(port, temp.resolve("profile"));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyDemoRoleFindsItsCockpitAtHomeAndItsFirstCardLeadsToWhereItActs() {
        record Home(String user, String firstCard, String title, List<String> cards, String path, String heading) {}
        List<Home> homes = List.of(
                new Home(
                        "alice",
                        "home-active-runs",
                        "Runs under way",
                        List.of("home-active-runs", "home-pools"),
                        "/runs",
                        "Runs"),
                new Home(
                        "carol",
                        "home-inbox",
                        "Waiting on you",
                        List.of("home-inbox", "home-decisions"),
                        "/approvals",
                        "Approvals"),
                new Home(
                        "erin",
                        "home-recent-runs",
                        "Recent runs",
                        List.of("home-recent-runs", "home-audit-chain"),
                        "/runs",
                        "Runs"),
                new Home(
                        "admin",
                        "home-locked-users",
                        "Locked accounts",
                        List.of("home-locked-users", "home-policies", "home-health"),
                        "/admin/users",
                        "Users"));

        browser.open("/");
        for (Home home : homes) {
            browser.signIn(home.user(), "demo");
            browser.waitForText(By.tagName("h2"), "Signed in as " + home.user());
            WebElement first = browser.waitFor(FIRST_CARD);
            assertThat(first.getAttribute("id")).as(home.user()).isEqualTo(home.firstCard());
            assertThat(browser.text(By.id(home.firstCard() + "-link"))).isEqualTo(home.title());
            for (String card : home.cards()) {
                assertThat(browser.waitFor(By.id(card)).isDisplayed()).as(card).isTrue();
            }
            browser.screenshot("home-" + home.user());

            browser.click(By.id(home.firstCard() + "-link"));

            browser.patiently()
                    .withMessage(() -> home.user() + "'s first card led to "
                            + browser.driver().getCurrentUrl())
                    .until(driver -> driver.getCurrentUrl().endsWith(home.path()));
            browser.waitForText(By.tagName("h2"), home.heading());
            browser.signOut();
        }
    }
}
