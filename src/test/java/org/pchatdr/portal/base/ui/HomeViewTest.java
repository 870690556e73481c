package org.pchatdr.portal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;

class HomeViewTest extends KaribuTest {

    @Test
    void homeTellsWhoIsSignedInAndWhatTheirRolesLetThemDo() {
        signIn("home-user", Role.OPERATOR, Role.APPROVER);

        navigate("");

        assertThat(_get(H2.class).getText()).isEqualTo("Signed in as home-user");
        assertThat(roles())
                .containsExactly(
                        "Operator — edit topology drafts, request and execute runs",
                        "Approver — approve runs and change requests");
    }

    @Test
    void homeSaysSoWhenTheUserHoldsNoRole() {
        // The service gives every account it makes a role; a directory user whose groups map to
        // none is how someone holds no role.
        signInWithLdap("home-no-role");

        navigate("");

        assertThat(_get(H2.class).getText()).isEqualTo("Signed in as home-no-role");
        assertThat(_get(Paragraph.class).getText())
                .isEqualTo("You hold no role yet, so there is nothing you can do here. "
                        + "Ask an administrator to grant you one.");
    }

    @Test
    void homeSpeaksFrench() {
        signIn("home-french", Role.OPERATOR, Role.AUDITOR);
        chooseLanguage(Locale.FRENCH);

        navigate("");

        assertThat(_get(H2.class).getText()).isEqualTo("Connecté en tant que home-french");
        assertThat(roles())
                .containsExactly(
                        "Opérateur — modifier les brouillons de topologie, demander et exécuter des déroulés",
                        "Auditeur — tout consulter, revoir le journal d’audit et l’exporter ; ne rien modifier");
    }

    private static List<String> roles() {
        return _get(UnorderedList.class, spec -> spec.withId("role-list"))
                .getChildren()
                .map(item -> ((ListItem) item).getText())
                .toList();
    }
}
