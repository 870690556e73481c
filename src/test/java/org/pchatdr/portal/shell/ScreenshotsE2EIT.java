package org.pchatdr.portal.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
 * Regenerates {@code docs/screens/}: the home, a run and a topology page at 1440 × 900 and
 * 390 × 844, in English ({@code home-1440x900.png}) and in French ({@code home-fr-1440x900.png}). Not part of the ordinary build, which must not rewrite tracked files: run it with
 * {@code mvn verify -Dtest=none -Dit.test=ScreenshotsE2EIT -Dportal.screens=true} (see README).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "portal.screens", matches = "true")
class ScreenshotsE2EIT {

    private static final Path SCREENS = Path.of("docs", "screens");

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

    @Test
    void screenshotsOfTheHomeARunAndATopologyAtBothSizes() throws IOException {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.ensure("alice", Role.OPERATOR);
        // A run can be requested only when its approval can be given (approval_unsatisfiable otherwise).
        accounts.standingApprovers();
        SampleRun sample = SampleRun.create(topologies, runs, "Quarterly site failover drill");
        Map<String, String> pages = Map.of(
                "home", "/",
                "run", "/runs/" + sample.runId(),
                "topology", "/topologies/" + sample.topologyId());
        Files.createDirectories(SCREENS);
        for (String language : List.of("en", "fr")) {
            try (Browser browser = new Browser(port, profile.resolve(language))) {
                browser.open("/login");
                // The language the portal would remember from its select (LanguageSelect's cookie).
                browser.driver().manage().addCookie(new Cookie("PORTAL_LOCALE", language));
                browser.signIn("alice", TestAccounts.PASSWORD);
                for (ScreenSizes size : ScreenSizes.values()) {
                    size.apply(browser.driver());
                    for (var page : pages.entrySet()) {
                        browser.open(page.getValue());
                        browser.waitForContent(By.id("main-navigation"), "");
                        browser.waitUntilIdle();
                        String name = page.getKey() + (language.equals("en") ? "" : "-" + language);
                        Files.write(
                                SCREENS.resolve(name + "-" + size.suffix() + ".png"),
                                ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
                    }
                }
            }
        }
    }
}
