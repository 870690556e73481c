package org.pchatdr.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first hour of a new portal, in a real browser: the administrator signs in with the initial
 * password, replaces it, creates an operator, and the operator signs in for the first time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstSignInE2EIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final By SUBMIT = By.cssSelector("vaadin-login-form vaadin-button[slot=submit]");
    private static final String FAILED_SIGN_IN = "The username or password is wrong";

    @LocalServerPort
    int port;

    @Value("${portal.admin-password}")
    String initialAdminPassword;

    @TempDir
    Path browserProfile;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
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
                "--user-data-dir=" + browserProfile);
        // English first, whatever the machine's locale: the language test switches away from it.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
        browser = new ChromeDriver(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void newcomerJourneyFromInitialPasswordToVerifiedAuditTrail() {
        open("/");
        waitForSignInPage();

        signIn("admin", "Not-The-Password-1");
        String wrongPassword = signInError();
        assertThat(wrongPassword).contains(FAILED_SIGN_IN);
        signIn("nobody-by-this-name", "Not-The-Password-1");
        assertThat(signInError())
                .as("an unknown user gets the very same message as a wrong password")
                .isEqualTo(wrongPassword);

        signIn("admin", initialAdminPassword);
        changeOwnPassword(initialAdminPassword, "Fresh-Portal-Key-2026");
        waitForText(By.tagName("h2"), "Signed in as admin");
        assertThat(text(By.id("role-list"))).contains("Administrator");

        openFromNavigation("Users");
        click(By.id("create-user"));
        type("new-username", "olivia");
        click(By.xpath("//vaadin-checkbox-group[@id='roles']//label[normalize-space()='Operator']"));
        type("new-user-password", "Temporary-Key-4711");
        type("new-user-password-repeat", "Temporary-Key-4711");
        click(By.id("dialog-confirm"));
        waitForRow("users", "olivia", "Operator", "Must change password");

        signOut();
        signIn("olivia", "Temporary-Key-4711");
        changeOwnPassword("Temporary-Key-4711", "My-Own-Secret-4711");
        waitForText(By.tagName("h2"), "Signed in as olivia");
        assertThat(navigationItems()).contains("Home").doesNotContain("Users", "Audit trail");
        signOut();

        signIn("admin", "Fresh-Portal-Key-2026");
        waitForText(By.tagName("h2"), "Signed in as admin");
        openFromNavigation("Audit trail");
        click(By.id("verify-chain"));
        waitForText(By.id("verification-result"), "Chain intact");
        waitForRow("audit-records", "admin", "USER_CREATED", "olivia");
        waitForRow("audit-records", "olivia", "SIGNED_OUT", "olivia");
    }

    @Test
    void signInPageSwitchesToFrenchAndStaysFrenchAfterReload() {
        open("/login");
        waitForText(SUBMIT, "Sign in");

        click(By.cssSelector("vaadin-select.language-select"));
        click(By.xpath("//vaadin-select-item[normalize-space()='français']"));
        waitForText(SUBMIT, "Se connecter");
        assertThat(browser.getTitle()).startsWith("Connexion");

        browser.navigate().refresh();
        waitForText(SUBMIT, "Se connecter");
        assertThat(browser.getTitle()).startsWith("Connexion");
        assertThat(text(By.tagName("h1"))).isEqualTo("Portail PRA Persistent Chat");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void waitForSignInPage() {
        wait.until(urlContains("/login"));
        wait.until(visibilityOfElementLocated(By.cssSelector("vaadin-login-form input[name=username]")));
    }

    private void signIn(String username, String password) {
        waitForSignInPage();
        typeInto(By.cssSelector("vaadin-login-form input[name=username]"), username);
        typeInto(By.cssSelector("vaadin-login-form input[name=password]"), password);
        WebElement submit = wait.until(elementToBeClickable(SUBMIT));
        submit.click();
        // Form login is a full page load: wait for it, lest the next check reads the old page.
        wait.until(stalenessOf(submit));
    }

    /** The login form shows its error inside its shadow DOM, after the round trip to /login?error. */
    private String signInError() {
        wait.until(urlContains("/login?error"));
        return wait.until(driver -> {
            WebElement form = driver.findElement(By.cssSelector("vaadin-login-form"));
            WebElement error = form.getShadowRoot()
                    .findElement(By.cssSelector("vaadin-login-form-wrapper"))
                    .getShadowRoot()
                    .findElement(By.cssSelector("[part=error-message]"));
            return error.isDisplayed() ? error.getText() : null;
        });
    }

    /** A user with an initial or temporary password lands on the change-password page first. */
    private void changeOwnPassword(String current, String next) {
        waitForText(By.id("password-change-required"), "Choose your own password to continue");
        type("current-password", current);
        type("new-password", next);
        type("repeat-password", next);
        click(By.id("save-password"));
    }

    private void signOut() {
        click(By.id("sign-out"));
        waitForSignInPage();
    }

    private void openFromNavigation(String label) {
        click(By.xpath(
                "//vaadin-side-nav[@id='main-navigation']//vaadin-side-nav-item[normalize-space()='" + label + "']"));
    }

    private List<String> navigationItems() {
        return wait
                .until(visibilityOfElementLocated(By.id("main-navigation")))
                .findElements(By.tagName("vaadin-side-nav-item"))
                .stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Vaadin fields keep a native input as a light-DOM child. */
    private void type(String fieldId, String text) {
        typeInto(By.cssSelector("#" + fieldId + " input"), text);
    }

    private void typeInto(By input, String text) {
        WebElement field = wait.until(elementToBeClickable(input));
        field.clear();
        field.sendKeys(text);
    }

    private void click(By locator) {
        wait.until(elementToBeClickable(locator)).click();
    }

    private String text(By locator) {
        return wait.until(visibilityOfElementLocated(locator)).getText();
    }

    private void waitForText(By locator, String text) {
        wait.until(textToBePresentInElementLocated(locator, text));
    }

    /** Waits until one rendered row of the grid shows all the given cell texts. */
    private void waitForRow(String gridId, String... cells) {
        wait.withMessage(() ->
                        "no row of grid #" + gridId + " shows all of " + List.of(cells) + "; rows: " + gridRows(gridId))
                .until(driver -> gridRows(gridId).stream().anyMatch(row -> row.containsAll(List.of(cells))));
    }

    /** The texts of the rendered rows; a Vaadin grid slots each cell's content into its shadow rows. */
    @SuppressWarnings("unchecked")
    private List<List<String>> gridRows(String gridId) {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript("""
                        const grid = document.getElementById(arguments[0]);
                        if (!grid || !grid.shadowRoot) return [];
                        return [...grid.shadowRoot.querySelectorAll('#items tr')]
                            .filter(row => !row.hidden)
                            .map(row => [...row.querySelectorAll('slot')]
                                .map(slot => slot.assignedNodes().map(node => node.textContent).join('').trim()));
                        """, gridId);
    }
}
