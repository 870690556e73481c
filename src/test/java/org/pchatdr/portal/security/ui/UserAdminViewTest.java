package org.pchatdr.portal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserSummary;
import org.pchatdr.portal.security.internal.UserAccount;
import org.pchatdr.portal.testsupport.KaribuTest;

class UserAdminViewTest extends KaribuTest {

    private static final String TEMPORARY_PASSWORD = "Temporary-Pass-123";

    @BeforeEach
    void signInAsAdministrator() {
        signIn("admin", Role.ADMIN);
        navigate("admin/users");
    }

    @Test
    void adminCreatesAUserWhoMustChangeTheTemporaryPassword() {
        fillCreateDialog("ua-created", TEMPORARY_PASSWORD, TEMPORARY_PASSWORD);
        _click(confirmButton());

        _assertNoDialogs();
        assertThat(row("ua-created")).containsExactly("ua-created", "Operator", "Must change password");
    }

    @Test
    void aTakenUsernameIsRefusedInTheDialogWithoutLosingTheInput() {
        givenAccount("ua-taken", Role.APPROVER);

        fillCreateDialog("ua-taken", TEMPORARY_PASSWORD, TEMPORARY_PASSWORD);
        _click(confirmButton());

        assertThat(dialogError()).isEqualTo("The username ua-taken is taken.");
        assertThat(_get(Dialog.class).isOpened()).isTrue();
        assertThat(field(TextField.class, "new-username").getValue()).isEqualTo("ua-taken");
        assertThat(rolesChoice().getValue()).containsExactly(Role.OPERATOR);
        assertThat(field(PasswordField.class, "new-user-password").getValue()).isEqualTo(TEMPORARY_PASSWORD);
        assertThat(field(PasswordField.class, "new-user-password-repeat").getValue())
                .isEqualTo(TEMPORARY_PASSWORD);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Short-1               | The password must have at least 12 characters.
            Secret-of-ua-weak-007 | The password must not contain the username.
            """)
    void aWeakPasswordIsRefusedWithThePolicyItBreaks(String password, String error) {
        fillCreateDialog("ua-weak", password, password);
        _click(confirmButton());

        assertThat(dialogError()).isEqualTo(error);
        assertThat(_get(Dialog.class).isOpened()).isTrue();
        assertThat(accounts.existsByUsername("ua-weak")).isFalse();
    }

    @Test
    void theOnlyActiveAdministratorKeepsTheAdministratorRole() {
        givenAdminIsTheOnlyActiveAdministrator();

        clickInRow("admin", "Roles…");
        fillIn(rolesChoice(), Set.of(Role.OPERATOR));
        _click(confirmButton());

        assertThat(dialogError())
                .isEqualTo("This is the last active administrator: give another account the Administrator role first.");
        assertThat(_get(Dialog.class).isOpened()).isTrue();
        assertThat(row("admin")).containsExactly("admin", "Administrator", "Active");
    }

    @Test
    void theOnlyActiveAdministratorCannotBeDisabled() {
        givenAdminIsTheOnlyActiveAdministrator();

        clickInRow("admin", "Disable");

        assertThat(notificationTexts())
                .containsExactly(
                        "This is the last active administrator: give another account the Administrator role first.");
        assertThat(row("admin")).containsExactly("admin", "Administrator", "Active");
    }

    @Test
    void aResetPasswordMustBeChangedAtTheNextSignIn() {
        givenAccount("ua-reset", Role.AUDITOR);
        assertThat(row("ua-reset")).containsExactly("ua-reset", "Auditor", "Active");

        clickInRow("ua-reset", "Reset password");
        fillIn(field(PasswordField.class, "reset-password"), TEMPORARY_PASSWORD);
        fillIn(field(PasswordField.class, "reset-password-repeat"), TEMPORARY_PASSWORD);
        _click(confirmButton());

        _assertNoDialogs();
        assertThat(row("ua-reset")).containsExactly("ua-reset", "Auditor", "Must change password");
    }

    /** Other test classes may have left administrators behind in the shared database. */
    private void givenAdminIsTheOnlyActiveAdministrator() {
        for (UserAccount account : accounts.findAll()) {
            if (account.isActiveAdmin() && !account.getUsername().equals("admin")) {
                account.setEnabled(false);
                accounts.saveAndFlush(account);
            }
        }
    }

    private void fillCreateDialog(String username, String password, String repeat) {
        _click(_get(Button.class, spec -> spec.withId("create-user")));
        fillIn(field(TextField.class, "new-username"), username);
        fillIn(rolesChoice(), Set.of(Role.OPERATOR));
        fillIn(field(PasswordField.class, "new-user-password"), password);
        fillIn(field(PasswordField.class, "new-user-password-repeat"), repeat);
    }

    private static <T extends Component> T field(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<Role> rolesChoice() {
        return _get(CheckboxGroup.class, spec -> spec.withId("roles"));
    }

    private static Button confirmButton() {
        return _get(Button.class, spec -> spec.withId("dialog-confirm"));
    }

    private static String dialogError() {
        return _get(Div.class, spec -> spec.withId("dialog-error")).getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<UserSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("users"));
    }

    private static UserSummary user(String username) {
        return GridKt._findAll(grid()).stream()
                .filter(user -> user.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new AssertionError(username + " is not in the grid"));
    }

    /** Username, roles and status as the grid shows them. */
    private static List<String> row(String username) {
        return GridKt._getFormattedRow(grid(), user(username)).subList(0, 3);
    }

    /** The action buttons are rendered per row; click the one labelled {@code label} in that row. */
    @SuppressWarnings("unchecked")
    private static void clickInRow(String username, String label) {
        Grid.Column<UserSummary> actions = grid().getColumns().getLast();
        Component buttons =
                ((ComponentRenderer<Component, UserSummary>) actions.getRenderer()).createComponent(user(username));
        _click(_get(buttons, Button.class, spec -> spec.withText(label)));
    }
}
