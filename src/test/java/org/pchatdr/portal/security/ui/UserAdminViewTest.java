package org.pchatdr.portal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserSummary;
import org.pchatdr.portal.security.internal.UserAccountRepository;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class UserAdminViewTest extends KaribuTest {

    /** What the view stored, read where the security module keeps it. */
    @Autowired
    UserAccountRepository accounts;

    @Test
    void theNewUserFormShowsEveryProblemAtOnceAndCreatesNothing() {
        signIn("form-admin", Role.ADMIN);
        navigate("admin/users");
        _click(_get(Button.class, spec -> spec.withId("create-user")));

        fillIn(_get(TextField.class, spec -> spec.withId("new-username")), "Not Valid!");
        fillIn(_get(PasswordField.class, spec -> spec.withId("new-user-password")), "short");
        fillIn(_get(PasswordField.class, spec -> spec.withId("new-user-password-repeat")), "other");
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(_get(TextField.class, spec -> spec.withId("new-username")).isInvalid())
                .isTrue();
        assertThat(_get(CheckboxGroup.class, spec -> spec.withId("roles")).isInvalid())
                .isTrue();
        assertThat(_get(PasswordField.class, spec -> spec.withId("new-user-password"))
                        .isInvalid())
                .isTrue();
        assertThat(_get(PasswordField.class, spec -> spec.withId("new-user-password-repeat"))
                        .isInvalid())
                .isTrue();
        assertThat(_get(PasswordField.class, spec -> spec.withId("new-user-password-repeat"))
                        .getErrorMessage())
                .isEqualTo("The two passwords differ.");
        assertThat(_get(Div.class, spec -> spec.withId("dialog-error")).getText())
                .isEqualTo("Correct the fields marked in red first.");
        assertThat(accounts.findByUsername("not valid!")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aCreatedUserIsAnnounced() {
        signIn("form-admin", Role.ADMIN);
        navigate("admin/users");
        _click(_get(Button.class, spec -> spec.withId("create-user")));

        fillIn(_get(TextField.class, spec -> spec.withId("new-username")), "newcomer-12");
        fillIn(_get(CheckboxGroup.class, spec -> spec.withId("roles")), Set.of(Role.AUDITOR));
        fillIn(_get(PasswordField.class, spec -> spec.withId("new-user-password")), "Violet-Harbour-Lantern-42");
        fillIn(_get(PasswordField.class, spec -> spec.withId("new-user-password-repeat")), "Violet-Harbour-Lantern-42");
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(notificationTexts()).contains("User newcomer-12 created.");
        assertThat(accounts.findByUsername("newcomer-12")).isPresent();
    }

    @SuppressWarnings("unchecked")
    @Test
    void disablingAUserAsksFirstAndThenSaysItIsDone() {
        givenAccount("to-disable", Role.OPERATOR);
        signIn("form-admin", Role.ADMIN);
        navigate("admin/users");
        Grid<UserSummary> grid = _get(Grid.class, spec -> spec.withId("users"));

        _click(disableButtonOf(grid, "to-disable"));

        assertThat(_get(Paragraph.class).getText()).contains("to-disable will no longer be able to sign in");
        assertThat(accounts.findByUsername("to-disable").orElseThrow().isEnabled())
                .isTrue();
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(accounts.findByUsername("to-disable").orElseThrow().isEnabled())
                .isFalse();
        assertThat(notificationTexts()).contains("User to-disable disabled.");
    }

    private static Button disableButtonOf(Grid<UserSummary> grid, String username) {
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).username().equals(username)) {
                HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(grid, row, "actions");
                return (Button) actions.getChildren()
                        .filter(child -> child.getElement().getClassList().contains("users-disable"))
                        .findFirst()
                        .orElseThrow();
            }
        }
        throw new AssertionError("no row for " + username);
    }
}
