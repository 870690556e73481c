package org.pchatdr.portal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;

class ChangePasswordViewTest extends KaribuTest {

    private static final String NEW_PASSWORD = "Chosen-By-Me-2026";

    @ParameterizedTest(name = "opening /{0}")
    @ValueSource(strings = {"", "audit", "change-password"})
    void aUserWithATemporaryPasswordIsSentToChangeItFirst(String route) {
        signInWithTemporaryPassword("cp-temporary", Role.OPERATOR, Role.AUDITOR);

        navigate(route);

        assertThat(currentPath()).isEqualTo("change-password");
        assertThat(_get(Paragraph.class, spec -> spec.withId("password-change-required"))
                        .getText())
                .isEqualTo("Your password was set by an administrator or at installation. "
                        + "Choose your own password to continue.");
    }

    @ParameterizedTest(name = "{0} account")
    @ValueSource(strings = {"LDAP", "OIDC"})
    void anAccountWhosePasswordItsDirectoryKeepsIsNotOfferedToChangeItHere(String source) {
        if (source.equals("LDAP")) {
            signInWithLdap("cp-ldap", Role.APPROVER);
        } else {
            signInWithOidc("cp-oidc", Role.APPROVER);
        }

        navigate("");
        assertThat(navigationLabels()).contains("Approvals").doesNotContain("Change password");
        navigate("change-password");

        assertThat(_get(Paragraph.class, spec -> spec.withId("password-external"))
                        .getText())
                .startsWith("The portal does not keep your password");
        _assertNone(PasswordField.class);
        _assertNone(Button.class, spec -> spec.withId("save-password"));
    }

    @Test
    void aLocalAccountFindsChangePasswordInTheMenu() {
        signIn("cp-local", Role.APPROVER);

        navigate("");

        assertThat(navigationLabels()).contains("Change password");
    }

    private static List<String> navigationLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void aUserWithTheirOwnPasswordSeesNoRequestToChangeIt() {
        signIn("cp-settled", Role.OPERATOR);

        navigate("change-password");

        _assertNone(Paragraph.class, spec -> spec.withId("password-change-required"));
    }

    @Test
    void aWrongCurrentPasswordIsRefused() {
        signInWithTemporaryPassword("cp-wrong-current", Role.OPERATOR);
        navigate("change-password");

        changePassword("Not-The-Current-1", NEW_PASSWORD, NEW_PASSWORD);

        assertThat(notificationTexts()).containsExactly("The current password is wrong.");
        assertThat(currentPath()).isEqualTo("change-password");
    }

    @Test
    void aRepeatThatDiffersIsRefusedAtTheRepeatField() {
        signInWithTemporaryPassword("cp-mismatch", Role.OPERATOR);
        navigate("change-password");

        changePassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");

        PasswordField repeat = _get(PasswordField.class, spec -> spec.withId("repeat-password"));
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(repeat.getErrorMessage()).isEqualTo("The two passwords differ.");
        assertThat(currentPath()).isEqualTo("change-password");
    }

    @Test
    void afterChangingThePasswordTheUserGoesHomeAndIsNoLongerRedirected() {
        signInWithTemporaryPassword("cp-success", Role.OPERATOR, Role.AUDITOR);
        navigate("");

        changePassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(notificationTexts()).containsExactly("Your password has been changed.");
        assertThat(currentPath()).isEmpty();
        navigate("audit");
        assertThat(currentPath()).isEqualTo("audit");
    }

    private static void changePassword(String current, String next, String repeat) {
        fillIn(_get(PasswordField.class, spec -> spec.withId("current-password")), current);
        fillIn(_get(PasswordField.class, spec -> spec.withId("new-password")), next);
        fillIn(_get(PasswordField.class, spec -> spec.withId("repeat-password")), repeat);
        _click(_get(Button.class, spec -> spec.withId("save-password")));
    }
}
