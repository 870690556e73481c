package org.pchatdr.portal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.Cookie;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.AccessDeniedView;
import org.pchatdr.portal.base.ui.NotFoundView;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.security.internal.ExternalSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * Base of the Karibu UI tests: a browserless Vaadin UI on the portal's real Spring context. Every
 * subclass runs on the same configuration, so Spring starts once for all of them, and they share
 * one in-memory database: tests pick their own usernames and must not rely on a clean database.
 * The {@link IntegrationTest} configuration on Karibu's mock servlet environment, clock included.
 */
@IntegrationTest(webEnvironment = WebEnvironment.MOCK)
public abstract class KaribuTest {

    /** The password {@link #signIn} gives its accounts. */
    protected static final String PASSWORD = TestAccounts.PASSWORD;

    private static final String ROOT_PACKAGE = "org.pchatdr.portal";

    // Discovering the views scans the class path: once per JVM is enough.
    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    private ApplicationContext context;

    /** What makes and changes accounts, as an administrator would (issue 17). */
    @Autowired
    protected UserAccountService userAccounts;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        new TestAccounts(userAccounts).standingApprovers();
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * Signs {@code username} in with exactly {@code roles}. The account is created or updated to
     * match: enabled, unlocked, password {@link #PASSWORD}, no forced password change.
     */
    protected void signIn(String username, Role... roles) {
        givenAccount(username, roles);
        authenticate(username, roles);
    }

    /** An account as {@link #signIn} leaves it, without signing it in. */
    protected void givenAccount(String username, Role... roles) {
        saveAccount(username, false, roles);
    }

    /**
     * Signs {@code username} in as the OpenID Connect sign-in would (issue 15, decision 021): an
     * account of source OIDC whose roles the groups → roles mapping gives for one group per role.
     */
    protected void signInWithOidc(String username, Role... roles) {
        authenticate(new ExternalSignIns(context).oidc(username, roles));
    }

    /** Signs {@code username} in as the LDAP sign-in would (decision 018), roles through the mapping. */
    protected void signInWithLdap(String username, Role... roles) {
        authenticate(new ExternalSignIns(context).ldap(username, roles));
    }

    /** Like {@link #signIn}, but the account still has to replace its (temporary) password. */
    protected void signInWithTemporaryPassword(String username, Role... roles) {
        saveAccount(username, true, roles);
        authenticate(username, roles);
    }

    /** Back to anonymous, as after the session ended. */
    protected void signOut() {
        SecurityContextHolder.clearContext();
        FakeRequest request = currentRequest();
        request.setUserPrincipalInt(null);
        request.setUserInRole((principal, role) -> false);
    }

    protected void navigate(String path) {
        UI.getCurrent().navigate(path);
    }

    protected void navigate(String path, QueryParameters parameters) {
        UI.getCurrent().navigate(path, parameters);
    }

    /**
     * Opens {@code path} and checks that the portal refused it with its "not for your role" page
     * inside the layout, at the address asked for (issue 12).
     */
    protected void assertRefused(String path) {
        navigate(path);
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(AccessDeniedView.class);
        assertThat(currentPath()).isEqualTo(path);
    }

    /** The address the browser would show, without the leading slash. */
    protected static String currentPath() {
        return NavigatorKt.getCurrentPath();
    }

    /**
     * What the browser does after the user picked a language with the language select: it sends
     * the remembered choice (the cookie of {@code LanguageSelect}) with the next request, here the
     * reload of the page.
     */
    protected void chooseLanguage(Locale locale) {
        currentRequest().addCookie(new Cookie("PORTAL_LOCALE", locale.getLanguage()));
        UI.getCurrent().getPage().reload();
    }

    /**
     * Enters {@code value} as the user would, after checking that the user can edit the field.
     * Instead of Karibu's {@code _setValue}: Karibu 2.6.2 calls a private method of Vaadin that 25.2
     * changed, and fails with a NoSuchMethodException. The value change counts as server-side.
     */
    protected static <V> void fillIn(HasValue<?, V> field, V value) {
        BasicUtilsKt._expectEditableByUser((Component) field);
        field.setValue(value);
    }

    /**
     * Picks {@code value} as the user does in the browser: unlike {@link #fillIn}, the value change
     * comes from the client, so listeners that act only on the user's own choice
     * ({@code event.isFromClient()}) run. Vaadin keeps that path protected
     * ({@code AbstractField.setModelValue(value, true)}, what a browser's change ends in).
     */
    protected static <V> void pickAsUser(HasValue<?, V> field, V value) {
        BasicUtilsKt._expectEditableByUser((Component) field);
        try {
            Method setModelValue = AbstractField.class.getDeclaredMethod("setModelValue", Object.class, boolean.class);
            setModelValue.setAccessible(true);
            setModelValue.invoke(field, value, true);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Vaadin's AbstractField.setModelValue(Object, boolean) is gone", e);
        }
    }

    /** The texts of the notifications on screen, oldest first. */
    protected static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream()
                .map(notification -> notification.getElement().getProperty("text"))
                .toList();
    }

    private void saveAccount(String username, boolean mustChangePassword, Role... roles) {
        new TestAccounts(userAccounts).given(username, mustChangePassword, roles);
    }

    /**
     * Vaadin's view access control asks the servlet request for the principal and its roles, the
     * portal's code asks Spring Security: both must agree on who is signed in.
     */
    private static void authenticate(String username, Role... roles) {
        authenticate(TestAccounts.signIn(username, roles));
    }

    private static void authenticate(Authentication authentication) {
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(authentication);
        SecurityContextHolder.setContext(security);
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        FakeRequest request = currentRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole(
                (principal, role) -> authorities.contains(role.startsWith("ROLE_") ? role : "ROLE_" + role));
    }

    /**
     * Karibu's discovery (ClassGraph with its defaults) sees public classes only, while the portal's
     * views are package-private by convention: without the second scan their routes do not exist.
     */
    private static Routes discoverRoutes() {
        Routes routes = new Routes().autoDiscoverViews(ROOT_PACKAGE);
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        for (BeanDefinition view : scanner.findCandidateComponents(ROOT_PACKAGE)) {
            routes.getRoutes()
                    .add(ClassUtils.resolveClassName(view.getBeanClassName(), null)
                            .asSubclass(Component.class));
        }
        // The portal's own 403 and 404 pages instead of Karibu's, which throw: tests see what users see.
        routes.getErrorRoutes().removeIf(page -> page.getName().startsWith("com.github.mvysny."));
        routes.getErrorRoutes().add(NotFoundView.class);
        routes.getErrorRoutes().add(AccessDeniedView.class);
        return routes;
    }

    private static FakeRequest currentRequest() {
        return (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
    }
}
