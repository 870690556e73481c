package org.pchatdr.portal.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.ActionDialog;
import org.pchatdr.portal.base.ui.ActionNotices;
import org.pchatdr.portal.base.ui.Elision;
import org.pchatdr.portal.base.ui.QueryValues;
import org.pchatdr.portal.security.AccountSource;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.security.UserSummary;

/** Administrators create accounts, grant roles, disable, unlock and reset passwords here. */
@Route("admin/users")
@Menu(title = "nav.users", order = 90)
@RolesAllowed(Roles.ADMIN)
class UserAdminView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final UserAccountService accounts;
    private final Clock clock;
    private final Grid<UserSummary> grid = new Grid<>();
    // The one account the address names ({@code ?user=}), or null for everyone.
    private String only;
    private final Anchor everyone = new Anchor("admin/users", getTranslation("users.all"));

    UserAdminView(UserAccountService accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        setSizeFull();
        Button create = new Button(getTranslation("users.create"), click -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-user");
        add(new H2(getTranslation("users.title")), create, grid);

        grid.setId("users");
        grid.addColumn(UserSummary::username)
                .setHeader(getTranslation("users.username"))
                .setSortProperty("username")
                .setAutoWidth(true);
        grid.addColumn(user -> rolesText(user.roles())).setHeader(getTranslation("users.roles"));
        grid.addColumn(this::statusText).setHeader(getTranslation("users.status"));
        // Issue 15: where the password is checked, when the person last signed in, which groups gave the roles.
        grid.addColumn(user -> getTranslation("users.source." + user.source().name()))
                .setHeader(getTranslation("users.source"))
                .setAutoWidth(true);
        grid.addColumn(user -> user.lastSignInAt() == null
                        ? getTranslation("users.last-sign-in.never")
                        : PortalTime.format(user.lastSignInAt()))
                .setHeader(getTranslation("users.last-sign-in"))
                .setAutoWidth(true);
        grid.addColumn(user -> String.join("; ", user.directoryGroups()))
                .setHeader(getTranslation("users.directory-groups"));
        grid.addComponentColumn(this::actions)
                .setKey("actions")
                .setHeader(getTranslation("users.actions"))
                .setAutoWidth(true);
        grid.setItemsPageable(pageable -> only == null
                ? accounts.findUsers(pageable).getContent()
                : pageable.getPageNumber() == 0 ? one(only) : java.util.List.of());
        setFlexGrow(1, grid);
        everyone.setId("users-all");
        everyone.setVisible(false);
        add(everyone);
    }

    /**
     * {@code ?user=<name>} shows that one account, the user page the audit trail links an actor to
     * (issue 14); an unknown name shows an empty list and the way back to everyone.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        only = QueryValues.value(event.getLocation().getQueryParameters(), "user")
                .orElse(null);
        everyone.setVisible(only != null);
        grid.getDataProvider().refreshAll();
    }

    private java.util.List<UserSummary> one(String name) {
        try {
            return java.util.List.of(accounts.findUser(name));
        } catch (PortalException e) {
            return java.util.List.of();
        }
    }

    private Component actions(UserSummary user) {
        HorizontalLayout actions = new HorizontalLayout();
        // A directory account's roles come from its groups and its password from the directory (decision 018).
        boolean local = user.source() == AccountSource.LOCAL;
        if (local) {
            actions.add(small("users.edit-roles", () -> openRolesDialog(user)));
        }
        actions.add(
                user.enabled()
                        ? small("users.disable", () -> confirmDisable(user))
                        : small(
                                "users.enable",
                                () -> apply(() -> accounts.setEnabled(user.id(), user.version(), true))));
        if (local) {
            actions.add(small("users.reset-password", () -> openResetDialog(user)));
        }
        if (user.lockedAt(clock.instant())) {
            actions.add(small("users.unlock", () -> apply(() -> accounts.unlock(user.id(), user.version()))));
        }
        return actions;
    }

    private Button small(String key, Runnable action) {
        Button button = new Button(getTranslation(key), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.addClassName(key.replace('.', '-'));
        return button;
    }

    private void apply(Runnable action) {
        try {
            action.run();
            success(getTranslation("users.saved"));
        } catch (PortalException e) {
            ActionNotices.refused(this, e, 6000);
        }
        grid.getDataProvider().refreshAll();
    }

    private void openCreateDialog() {
        NewUserForm form = new NewUserForm();
        String[] created = new String[1];
        new ActionDialog(
                        getTranslation("users.create"),
                        getTranslation("action.create"),
                        () -> {
                            NewUserForm.NewUser user = form.validated();
                            created[0] = accounts.createUser(user.username, user.roles, user.password)
                                    .username();
                        },
                        () -> {
                            grid.getDataProvider().refreshAll();
                            success(getTranslation("users.created", created[0]));
                        },
                        form)
                .open();
    }

    /** Disabling signs someone out of the portal: asked before, never on a stray click. */
    private void confirmDisable(UserSummary user) {
        Paragraph explanation = new Paragraph(getTranslation("users.disable.explanation", user.username()));
        new ActionDialog(
                        getTranslation("users.disable.title", user.username()),
                        getTranslation("users.disable"),
                        () -> accounts.setEnabled(user.id(), user.version(), false),
                        () -> {
                            grid.getDataProvider().refreshAll();
                            success(getTranslation("users.disabled", user.username()));
                        },
                        explanation)
                .open();
    }

    private static void success(String text) {
        ActionNotices.done(text, 3000, Notification.Position.BOTTOM_START);
    }

    private void openRolesDialog(UserSummary user) {
        CheckboxGroup<Role> roles = roleChoice(user.roles());
        new ActionDialog(
                        getTranslation("users.edit-roles.title", user.username(), Elision.of(user.username())),
                        getTranslation("action.save"),
                        () -> accounts.changeRoles(user.id(), user.version(), roles.getValue()),
                        () -> grid.getDataProvider().refreshAll(),
                        roles)
                .open();
    }

    private void openResetDialog(UserSummary user) {
        PasswordField password = passwordField("users.temporary-password", "reset-password");
        PasswordField repeat = passwordField("password.repeat", "reset-password-repeat");
        new ActionDialog(
                        getTranslation("users.reset-password.title", user.username(), Elision.of(user.username())),
                        getTranslation("users.reset-password"),
                        () -> {
                            requireSame(password, repeat);
                            accounts.resetPassword(user.id(), user.version(), password.getValue());
                        },
                        () -> {
                            grid.getDataProvider().refreshAll();
                            success(getTranslation("users.password-reset", user.username()));
                        },
                        password,
                        repeat)
                .open();
    }

    private static void requireSame(PasswordField password, PasswordField repeat) {
        if (!password.getValue().equals(repeat.getValue())) {
            throw new PortalException(Kind.INVALID, "password_mismatch");
        }
    }

    private CheckboxGroup<Role> roleChoice(Set<Role> selected) {
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("users.roles"));
        roles.setId("roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        roles.setValue(selected);
        return roles;
    }

    private PasswordField passwordField(String labelKey, String id) {
        PasswordField field = new PasswordField(getTranslation(labelKey));
        field.setId(id);
        return field;
    }

    private String rolesText(Set<Role> roles) {
        return roles.stream().map(role -> getTranslation("role." + role.name())).collect(Collectors.joining(", "));
    }

    private String statusText(UserSummary user) {
        if (!user.enabled()) {
            return getTranslation("users.status.disabled");
        }
        if (user.lockedAt(clock.instant())) {
            return getTranslation("users.status.locked");
        }
        return user.mustChangePassword()
                ? getTranslation("users.status.must-change")
                : getTranslation("users.status.active");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.title");
    }
}
