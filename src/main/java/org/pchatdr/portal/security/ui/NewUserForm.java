package org.pchatdr.portal.security.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import java.util.EnumSet;
import java.util.Set;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.PasswordPolicy;
import org.pchatdr.portal.security.Usernames;

/**
 * The new-user dialog's form: every field checked at once by a {@link Binder}, each problem shown
 * beside its field, with the same rules (and messages) the service applies, so an administrator
 * fixes everything in one go instead of one refusal at a time. The service checks again anyway.
 */
class NewUserForm extends Composite<FormLayout> {

    /** What the form collects; the binder writes into it only when everything is valid. */
    static final class NewUser {
        String username = "";
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String password = "";
        String repeat = "";
    }

    private final Binder<NewUser> binder = new Binder<>();
    private final TextField username = new TextField(getTranslation("users.username"));
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("users.roles"));
    private final PasswordField password = new PasswordField(getTranslation("users.temporary-password"));
    private final PasswordField repeat = new PasswordField(getTranslation("password.repeat"));

    NewUserForm() {
        username.setId("new-username");
        roles.setId("roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        password.setId("new-user-password");
        repeat.setId("new-user-password-repeat");
        binder.forField(username)
                .asRequired(getTranslation("error.username_invalid"))
                .withValidator((value, context) -> refusal(() -> Usernames.valid(value)))
                .bind(user -> user.username, (user, value) -> user.username = value);
        binder.forField(roles)
                .asRequired(getTranslation("users.form.role-required"))
                .bind(user -> user.roles, (user, value) -> user.roles = value);
        binder.forField(password)
                .asRequired(getTranslation("users.form.password-required"))
                .withValidator((value, context) -> PasswordPolicy.problem(
                                Usernames.normalise(username.getValue()), value)
                        .map(e -> ValidationResult.error(getTranslation(e.messageKey(), e.arguments())))
                        .orElse(ValidationResult.ok()))
                .bind(user -> user.password, (user, value) -> user.password = value);
        binder.forField(repeat)
                .withValidator(value -> value.equals(password.getValue()), getTranslation("error.password_mismatch"))
                .bind(user -> user.repeat, (user, value) -> user.repeat = value);
        binder.readBean(new NewUser());
        FormLayout form = getContent();
        form.add(username, roles, password, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(roles, 2);
    }

    /** Every field checked, every problem shown; the answers when all are valid. */
    NewUser validated() {
        NewUser user = new NewUser();
        if (!binder.writeBeanIfValid(user)) {
            binder.validate();
            throw new PortalException(PortalException.Kind.INVALID, "new_user_invalid");
        }
        return user;
    }

    private ValidationResult refusal(Runnable check) {
        try {
            check.run();
            return ValidationResult.ok();
        } catch (PortalException e) {
            return ValidationResult.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }
}
