package org.pchatdr.portal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.testsupport.KaribuTest;
import tools.jackson.databind.JsonNode;

class LoginViewTest extends KaribuTest {

    @Test
    void theSignInPageShowsNoErrorAtFirst() {
        navigate("login");

        assertThat(_get(LoginForm.class).isError()).isFalse();
    }

    @Test
    void aFailedSignInShowsOneMessageThatDoesNotTellWhetherTheAccountExists() {
        // Spring Security sends every failed sign-in, whatever the reason, to login?error.
        navigate("login", QueryParameters.of("error", ""));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        JsonNode error = texts(form).get("errorMessage");
        assertThat(error.get("title").asString()).isEqualTo("Sign-in failed");
        assertThat(error.get("message").asString())
                .isEqualTo("The username or password is wrong, or the account is disabled or temporarily locked "
                        + "after too many failed attempts. Try again, or ask an administrator.");
    }

    @Test
    void theSignInPageSpeaksFrench() {
        chooseLanguage(Locale.FRENCH);

        assertThat(currentPath()).isEqualTo("login");
        assertThat(_get(H1.class).getText()).isEqualTo("Portail PRA Persistent Chat");
        JsonNode form = texts(_get(LoginForm.class)).get("form");
        assertThat(form.get("title").asString()).isEqualTo("Connexion");
        assertThat(form.get("username").asString()).isEqualTo("Nom d’utilisateur");
        assertThat(form.get("password").asString()).isEqualTo("Mot de passe");
        assertThat(form.get("submit").asString()).isEqualTo("Se connecter");
    }

    /** The login form's texts travel to the browser as one JSON property. */
    private static JsonNode texts(LoginForm form) {
        return (JsonNode) form.getElement().getPropertyRaw("i18n");
    }
}
