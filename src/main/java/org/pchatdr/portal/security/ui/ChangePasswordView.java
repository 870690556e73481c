package org.pchatdr.portal.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.ui.ActionNotices;
import org.pchatdr.portal.security.PasswordPolicy;
import org.pchatdr.portal.security.UserAccountService;

/**
 * Every user whose password the portal keeps changes it here; users with a temporary password are
 * sent here first. A directory or OpenID Connect account is told where its password is kept instead
 * (its menu hides the entry, {@link LocalPasswordsOnly}).
 */
@Route(ChangePasswordView.PATH)
@Menu(title = "nav.change-password", order = 100)
@PermitAll
class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "change-password";

    private final UserAccountService accounts;
    private final PasswordField current = new PasswordField();
    private final PasswordField next = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    ChangePasswordView(UserAccountService accounts) {
        this.accounts = accounts;
        add(new H2(getTranslation("password.title")));
        if (!accounts.ownsPassword()) {
            Paragraph elsewhere = new Paragraph(getTranslation("password.external"));
            elsewhere.setId("password-external");
            add(elsewhere);
            return;
        }
        if (accounts.mustChangePassword()) {
            Paragraph required = new Paragraph(getTranslation("password.required"));
            required.setId("password-change-required");
            add(required);
        }
        add(new Paragraph(getTranslation("password.policy", PasswordPolicy.MIN_LENGTH)));
        current.setLabel(getTranslation("password.current"));
        current.setId("current-password");
        next.setLabel(getTranslation("password.new"));
        next.setId("new-password");
        next.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        next.addValueChangeListener(event -> showPolicyProblem());
        repeat.setLabel(getTranslation("password.repeat"));
        repeat.setId("repeat-password");
        Button save = new Button(getTranslation("password.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-password");
        FormLayout form = new FormLayout(current, next, repeat);
        form.setMaxWidth("30em");
        add(form, save);
    }

    private void showPolicyProblem() {
        var problem = PasswordPolicy.problem(CurrentUser.actor(), next.getValue());
        next.setInvalid(problem.isPresent() && !next.isEmpty());
        next.setErrorMessage(
                problem.map(p -> getTranslation(p.messageKey(), p.arguments())).orElse(null));
    }

    private void save() {
        if (!next.getValue().equals(repeat.getValue())) {
            repeat.setInvalid(true);
            repeat.setErrorMessage(getTranslation("password.mismatch"));
            return;
        }
        repeat.setInvalid(false);
        try {
            accounts.changeOwnPassword(current.getValue(), next.getValue());
        } catch (PortalException e) {
            ActionNotices.refused(this, e, 6000);
            return;
        }
        ActionNotices.done(getTranslation("password.changed"), 4000, Notification.Position.TOP_CENTER);
        getUI().ifPresent(ui -> ui.navigate(""));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title") + " · " + getTranslation("app.title");
    }
}
