package org.pchatdr.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.Browser;
import org.pchatdr.portal.testsupport.EnglishFragments;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.SampleRun;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Issue 12: every page, opened by every role with French chosen, in a real browser, shows no
 * English text and stays inside the portal's layout (or is the sign-in or the print page, which
 * stand alone by design). The pages are every {@code @Route} of the code, so a new page is crawled
 * without touching this test; its route parameters take the ids of a published sample topology
 * and of a run of it.
 *
 * <p>English is recognised by the texts of the English bundles whose French differs: the
 * literal parts of each message (between its arguments) that are long enough to be telling (two
 * words or more, or one word of eight letters or more), and that no French message contains
 * (product names, cmdlets). Data (names, FQDNs) and scripts ({@code pre}, {@code code}) are not
 * in the bundles or are left out, so they cannot be mistaken for untranslated text.
 */
@IntegrationTest
class FrenchCrawlE2EIT {

    private static final Pattern ROUTE_PARAMETER = Pattern.compile(":([a-zA-Z]+)");

    @LocalServerPort
    int port;

    @Value("${spring.messages.basename}")
    String basenames;

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
        for (Role role : Role.values()) {
            accounts.ensure(username(role), role);
        }
        accounts.standingApprovers();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void noPageShowsEnglishToAFrenchUserOfAnyRoleAndEveryPageStaysInsideTheShell() {
        // Requested in English: the run page shows its frozen steps in the reader's language (issue
        // 12), so French readers must see them in French.
        SampleRun sample = SampleRun.create(topologies, runs, "crawl", Locale.ENGLISH);
        EnglishFragments englishOnly = EnglishFragments.of(basenames);
        assertThat(englishOnly.size()).as("telling English fragments").isGreaterThan(200);
        List<String> problems = new ArrayList<>();

        for (Role role : Role.values()) {
            browser = new Browser(port, profile.resolve(role.name()));
            browser.open("/login");
            browser.driver().manage().addCookie(new Cookie("PORTAL_LOCALE", "fr"));
            browser.signIn(username(role), TestAccounts.PASSWORD);
            for (Page page : pages()) {
                String path = "/" + page.path(sample);
                browser.open(path);
                // Before the text is read: a page still being drawn shows nothing yet (only Vaadin's
                // connection indicator once, in a full verify), which is no finding about the page.
                boolean shellMissing = page.inShell() && !shellAppears();
                String text = renderedText();
                String where = role + " " + path + ": ";
                englishOnly.in(text).forEach(fragment -> problems.add(where + "English \"" + fragment + "\""));
                if (shellMissing) {
                    problems.add(where + "not inside the portal's layout: " + abbreviated(text));
                }
                for (String bare : List.of("HTTP ERROR", "Could not navigate", "No route found", "Whitelabel")) {
                    if (text.contains(bare)) {
                        problems.add(where + "a bare error page (" + bare + ")");
                    }
                }
            }
            browser.close();
            browser = null;
        }

        assertThat(problems).isEmpty();
    }

    private static String username(Role role) {
        return "crawl-" + role.name().toLowerCase(Locale.ROOT);
    }

    /** A page to open: its route template, and whether it is drawn inside the main layout. */
    record Page(String template, boolean inShell) {

        String path(SampleRun sample) {
            Matcher parameter = ROUTE_PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (parameter.find()) {
                if (!parameter.group(1).equals("id")) {
                    throw new IllegalStateException(
                            "Give the crawl a value for :" + parameter.group(1) + " in " + template);
                }
                long id = template.startsWith("runs/") ? sample.runId() : sample.topologyId();
                parameter.appendReplacement(path, Long.toString(id));
            }
            parameter.appendTail(path);
            return path.toString();
        }
    }

    /** Every {@code @Route} of the portal; those with {@code autoLayout = false} stand alone. */
    private static List<Page> pages() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(com.vaadin.flow.router.Route.class));
        List<Page> pages = new ArrayList<>();
        for (BeanDefinition view : scanner.findCandidateComponents("org.pchatdr.portal")) {
            Class<?> type = ClassUtils.resolveClassName(view.getBeanClassName(), null);
            var route = AnnotationUtils.findAnnotation(type, com.vaadin.flow.router.Route.class);
            pages.add(new Page(route.value(), route.autoLayout()));
        }
        pages.sort((a, b) -> a.template().compareTo(b.template()));
        assertThat(pages).as("routes found").hasSizeGreaterThanOrEqualTo(17);
        return pages;
    }

    /**
     * The page's visible text once Vaadin has nothing left to do, without scripts and code (the
     * same in both languages), plus the labels Vaadin keeps in attributes.
     */
    private String renderedText() {
        browser.waitUntilIdle();
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        return (String) js.executeScript("""
                let text = document.body.innerText;
                for (const code of document.querySelectorAll('pre, code')) {
                    text = text.split(code.innerText).join(' ');
                }
                const labels = [...document.querySelectorAll('[placeholder], [title], [aria-label]')]
                    .map(e => [e.getAttribute('placeholder'), e.getAttribute('title'), e.getAttribute('aria-label')]
                        .filter(v => v).join(' '));
                return text + '\\n' + labels.join('\\n') + '\\n' + document.title;
                """);
    }

    /** Whether the portal's layout with its navigation is drawn, waiting for it as long as any wait. */
    private boolean shellAppears() {
        try {
            browser.patiently().until(driver -> (Boolean) ((JavascriptExecutor) driver)
                    .executeScript("return !!document.querySelector('vaadin-app-layout #main-navigation');"));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private static String abbreviated(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
