package org.pchatdr.portal.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.servlet.http.HttpSession;
import org.pchatdr.portal.base.DemoMode;
import org.pchatdr.portal.base.ui.DemoBanner;
import org.pchatdr.portal.base.ui.LanguageSelect;
import org.pchatdr.portal.security.DirectorySignIn;
import org.pchatdr.portal.security.OidcSettings;
import org.springframework.security.web.WebAttributes;

/**
 * The sign-in page. Spring Security checks the form; whatever went wrong, the message is the same,
 * so that nobody learns whether an account exists or is locked — except an unreachable directory
 * and a right directory password without any mapped group (issue 15), which reveal no account.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final AuthenticationContext authentication;

    public LoginView(AuthenticationContext authentication, DemoMode demoMode, OidcSettings oidc) {
        this.authentication = authentication;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        if (demoMode.isActive()) {
            add(new DemoBanner(), new Paragraph(getTranslation("demo.sign-in-hint")));
        }
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        add(new H1(getTranslation("app.title")), form);
        if (oidc.enabled()) {
            add(companySignIn(oidc));
        }
        add(new LanguageSelect());
    }

    /**
     * Issue 15, decision 021: the company's sign-in, beside the local form that stays for
     * break-glass accounts. A plain link: Spring Security sends the browser on to the provider.
     */
    private Anchor companySignIn(OidcSettings oidc) {
        String company = oidc.displayName().isBlank() ? getTranslation("login.oidc.company") : oidc.displayName();
        Anchor link = new Anchor("oauth2/authorization/portal", getTranslation("login.oidc.button", company));
        link.setId("oidc-sign-in");
        link.setRouterIgnore(true);
        link.getElement().setAttribute("theme", "primary");
        link.getStyle().set("font-weight", "600");
        return link;
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.title"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.failed.title"));
        error.setMessage(getTranslation("login.failed.message"));
        error.setUsername(getTranslation("login.username.required"));
        error.setPassword(getTranslation("login.password.required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        boolean failed =
                event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed) {
            // Issue 15: the directory's answers that the person can act on get their own message.
            String reason = DirectorySignIn.failureMessageKey(lastFailure());
            LoginI18n i18n = i18n();
            if (reason != null) {
                i18n.getErrorMessage().setMessage(getTranslation(reason));
            }
            form.setI18n(i18n);
        }
        form.setError(failed);
    }

    private static Object lastFailure() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session =
                request == null ? null : request.getHttpServletRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.title");
    }
}
