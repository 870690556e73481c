package org.pchatdr.portal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;

/** The language select in the layout acts on the user's own choice only (issue 17: from-client changes). */
class LanguageSelectTest extends KaribuTest {

    @Test
    void choosingFrenchInTheSelectSwitchesTheSessionToFrench() {
        signIn("lang-user", Role.OPERATOR);
        navigate("");

        pickAsUser(_get(LanguageSelect.class), Locale.FRENCH);

        assertThat(VaadinSession.getCurrent().getLocale().getLanguage()).isEqualTo("fr");
    }

    @Test
    void aValueSetByTheServerSwitchesNothing() {
        signIn("lang-server", Role.OPERATOR);
        navigate("");

        fillIn(_get(LanguageSelect.class), Locale.FRENCH);

        assertThat(VaadinSession.getCurrent().getLocale().getLanguage()).isNotEqualTo("fr");
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("en");
        assertThat(_get(H2.class).getText()).isEqualTo("Signed in as lang-server");
    }
}
