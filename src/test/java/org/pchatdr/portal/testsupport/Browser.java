package org.pchatdr.portal.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driving the portal, with the steps browser tests share: signing in
 * and out, typing into Vaadin fields, reading grids. Missing Chromium fails the test, never skips it.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * How often a wait looks again. Selenium's default is half a second, so each wait that the page
     * does not satisfy at once cost 250 ms on average for nothing; a browser test waits hundreds of
     * times (issue 17's faster suite). A look is one round trip to the local driver.
     */
    private static final Duration POLL = Duration.ofMillis(50);

    public static final By SUBMIT = By.cssSelector("vaadin-login-form vaadin-button[slot=submit]");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final int port;

    public Browser(int port, Path profile) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Browser tests need Debian's Chromium at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ". Install them with: apt-get install -y chromium chromium-driver");
        }
        // Debian's driver and browser, so that Selenium Manager downloads nothing.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        // English first, whatever the machine's locale.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
        this.driver = new ChromeDriver(options);
        this.wait = patiently();
        this.port = port;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    public void waitForSignInPage() {
        wait.until(urlContains("/login"));
        wait.until(visibilityOfElementLocated(By.cssSelector("vaadin-login-form input[name=username]")));
    }

    public void signIn(String username, String password) {
        WebElement submit = filledSignInForm(username, password);
        submit.click();
        // Form login is a full page load: wait for it, lest the next check reads the old page.
        wait.until(stalenessOf(submit));
    }

    /**
     * The sign-in form filled in, ready to submit. After signing out the browser may load the sign-in
     * page a second time while the first is being filled in (Chromium then answers "node does not
     * belong to the document"): the form is filled in again on the new page, a few times at most.
     */
    private WebElement filledSignInForm(String username, String password) {
        for (int attempt = 1; ; attempt++) {
            waitForSignInPage();
            try {
                typeInto(By.cssSelector("vaadin-login-form input[name=username]"), username);
                typeInto(By.cssSelector("vaadin-login-form input[name=password]"), password);
                return wait.until(elementToBeClickable(SUBMIT));
            } catch (WebDriverException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            }
        }
    }

    /** The login form shows its error inside its shadow DOM, after the round trip to /login?error. */
    public String signInError() {
        wait.until(urlContains("/login?error"));
        return wait.until(d -> {
            WebElement form = d.findElement(By.cssSelector("vaadin-login-form"));
            WebElement error = form.getShadowRoot()
                    .findElement(By.cssSelector("vaadin-login-form-wrapper"))
                    .getShadowRoot()
                    .findElement(By.cssSelector("[part=error-message]"));
            return error.isDisplayed() ? error.getText() : null;
        });
    }

    public void signOut() {
        click(By.id("sign-out"));
        waitForSignInPage();
    }

    public void openFromNavigation(String label) {
        click(By.xpath(
                "//vaadin-side-nav[@id='main-navigation']//vaadin-side-nav-item[normalize-space()='" + label + "']"));
    }

    public List<String> navigationItems() {
        return wait
                .until(visibilityOfElementLocated(By.id("main-navigation")))
                .findElements(By.tagName("vaadin-side-nav-item"))
                .stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Vaadin fields keep a native input as a light-DOM child. */
    public void type(String fieldId, String text) {
        typeInto(By.cssSelector("#" + fieldId + " input"), text);
    }

    public void typeInto(By input, String text) {
        WebElement field = wait.until(elementToBeClickable(input));
        field.clear();
        field.sendKeys(text);
    }

    /** Hands a file to a Vaadin upload, as choosing it in the file dialog would. */
    public void upload(String uploadId, Path file) {
        WebElement upload = waitFor(By.id(uploadId));
        // vaadin-upload keeps its file input in its shadow root.
        WebElement input = wait.until(d -> upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /**
     * Clicks in the middle of the page (at its top edge the layout's header would take the click),
     * again if a live page redrew the element meanwhile.
     */
    public void click(By locator) {
        patiently().ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = elementToBeClickable(locator).apply(d);
            if (element == null) {
                return false;
            }
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
            return true;
        });
    }

    public String text(By locator) {
        return wait.until(visibilityOfElementLocated(locator)).getText();
    }

    public void waitForText(By locator, String text) {
        wait.until(textToBePresentInElementLocated(locator, text));
    }

    /** Like {@link #waitForText} for an element that may be scrolled out of view (its text content). */
    public void waitForContent(By locator, String text) {
        patiently()
                .withMessage(() -> "no element " + locator + " contains " + text)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(locator).stream()
                        .anyMatch(element -> String.valueOf(element.getAttribute("textContent"))
                                .contains(text)));
    }

    /** Waits until the page has loaded and Vaadin has no request under way (issue 12's crawl). */
    public void waitUntilIdle() {
        patiently().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                if (!clients || document.readyState !== 'complete') return false;
                return Object.values(clients).every(client => !client.isActive || !client.isActive());
                """)));
    }

    public WebElement waitFor(By locator) {
        return wait.until(visibilityOfElementLocated(locator));
    }

    /**
     * Waits until one rendered row of the grid shows all the given cell texts. A grid renders only the
     * rows in view: when none matches, the grid scrolls to its end (where lists that grow put new
     * rows) before the next look.
     */
    public void waitForRow(String gridId, String... cells) {
        patiently()
                .withMessage(() ->
                        "no row of grid #" + gridId + " shows all of " + List.of(cells) + "; rows: " + gridRows(gridId))
                .until(d -> {
                    if (gridRows(gridId).stream().anyMatch(row -> row.containsAll(List.of(cells)))) {
                        return true;
                    }
                    ((JavascriptExecutor) driver)
                            .executeScript(
                                    "const grid = document.getElementById(arguments[0]);"
                                            + " if (grid && grid.size) grid.scrollToIndex(grid.size - 1);",
                                    gridId);
                    return false;
                });
    }

    /** The texts of the rendered rows; a Vaadin grid slots each cell's content into its shadow rows. */
    @SuppressWarnings("unchecked")
    public List<List<String>> gridRows(String gridId) {
        return (List<List<String>>) ((JavascriptExecutor) driver).executeScript("""
                        const grid = document.getElementById(arguments[0]);
                        if (!grid || !grid.shadowRoot) return [];
                        return [...grid.shadowRoot.querySelectorAll('#items tr')]
                            .filter(row => !row.hidden)
                            .map(row => [...row.querySelectorAll('slot')]
                                .map(slot => slot.assignedNodes().map(node => node.textContent).join('').trim()));
                        """, gridId);
    }

    /**
     * A wait of its own (up to 30 s, looking every 50 ms), so that a message or an exception to
     * ignore does not stick to the next one.
     */
    public WebDriverWait patiently() {
        return new WebDriverWait(driver, TIMEOUT, POLL);
    }

    /** A picture of the page in {@code target/screenshots}, for people reviewing a failed run. */
    public void screenshot(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
