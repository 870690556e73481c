package org.pchatdr.portal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.Browser;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser (issue 14): a drill ends; frank, a manager who took no part in it, reads its
 * timeline, disposes of its exception, records a finding, signs it off and downloads its pack.
 */
@IntegrationTest
class ReviewJourneyE2EIT {

    /** The date picker reads dates the way the browser's language (English) writes them. */
    private static final DateTimeFormatter PICKER_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    ReviewService reviews;

    @Autowired
    Clock clock;

    @TempDir
    Path temp;

    private Browser frank;

    @AfterEach
    void closeBrowser() {
        if (frank != null) {
            frank.close();
        }
        TestAccounts.signOut();
    }

    @Test
    void frankReviewsTheTimelineRecordsAFindingSignsOffAndDownloadsThePack() throws Exception {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.standingApprovers();
        accounts.ensure("frank", Role.MANAGER);
        RunView drill = new EndedRuns(topologies, runs, clock).abortedDrillWithRetriedStep();
        TestAccounts.signOut();
        frank = new Browser(port, temp.resolve("frank"));

        frank.open("/");
        frank.signIn("frank", TestAccounts.PASSWORD);
        frank.open("/reviews");
        frank.waitForRow("reviews", "Run " + drill.id());
        frank.open("/reviews/" + drill.id());
        frank.waitForContent(By.id("review-title"), "Review of run " + drill.id());
        frank.waitForContent(By.id("review-timeline"), "failed step 1");
        frank.waitForContent(By.id("review-timeline"), "Command(s) completed successfully.");
        frank.waitForContent(By.id("review-rto"), "RTO achieved");

        frank.typeInto(By.cssSelector("#disposition-STEP_RETRIED-1 textarea"), "Permissions fixed before the retry");
        frank.typeInto(By.cssSelector("#finding-title input"), "Grant the service account its rights");
        frank.typeInto(By.cssSelector("#finding-owner input"), EndedRuns.EXECUTOR);
        frank.typeInto(
                By.cssSelector("#finding-due input"),
                PICKER_DATE.format(LocalDate.now(clock).plusDays(14)));
        // Enter takes the typed date and closes the picker's calendar, which would cover the button.
        frank.driver().findElement(By.cssSelector("#finding-due input")).sendKeys(Keys.ENTER);
        frank.click(By.id("finding-add"));
        frank.waitForContent(By.id("review-new-findings"), "Grant the service account its rights");
        frank.screenshot("review-before-sign-off");
        frank.click(By.id("review-sign-off"));
        frank.waitForContent(By.id("review-status"), "signed off");
        frank.waitForContent(By.id("review-exceptions"), "Disposition by frank: Permissions fixed before the retry");
        frank.waitForContent(
                By.id("review-findings"), "Grant the service account its rights — owner " + EndedRuns.EXECUTOR);
        frank.screenshot("review-signed-off");

        String href = frank.driver().findElement(By.id("review-evidence")).getDomProperty("href");
        String cookies = frank.driver().manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pack = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pack.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pack.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).contains("summary.pdf", "manifest.json", "manifest.sig");
        TestAccounts.signIn("frank", Role.MANAGER);
        assertThat(reviews.review(drill.id()).state()).isEqualTo(ReviewState.SIGNED_OFF);
    }
}
