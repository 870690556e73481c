package org.pchatdr.portal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouterLink;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;

/** Refusals and dead ends show inside the portal's layout, translated, with a way back (issue 12). */
class ErrorPagesTest extends KaribuTest {

    @Test
    void anOperatorOpeningTheUserAdministrationIsToldItIsNotForTheirRoleInsideTheLayout() {
        signIn("error-operator", Role.OPERATOR);

        assertRefused("admin/users");

        assertThat(_get(H2.class, spec -> spec.withId("error-title")).getText()).isEqualTo("Not for your role");
        assertThat(_get(SideNav.class, spec -> spec.withId("main-navigation")).getItems())
                .as("the navigation stays at hand")
                .isNotEmpty();
        assertThat(UI.getCurrent().getInternals().getTitle()).startsWith("Not for your role");
    }

    @Test
    void anUnknownAddressShowsTheNotFoundPageWithALinkHome() {
        signIn("error-reader", Role.AUDITOR);

        // Typed into the address bar: UI.navigate would take an unknown address for a client-side route.
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location("no/such/page"), NavigationTrigger.PAGE_LOAD);

        assertThat(NavigatorKt.getCurrentView()).isEqualTo(NotFoundView.class);
        assertThat(currentPath()).isEqualTo("no/such/page");
        assertThat(_get(H2.class, spec -> spec.withId("error-title")).getText()).isEqualTo("Page not found");
        RouterLink home = _get(RouterLink.class, spec -> spec.withId("error-home"));
        assertThat(home.getHref()).isEmpty();
        assertThat(home.getText()).isEqualTo("Back to the home page");
        assertThat(_get(SideNav.class, spec -> spec.withId("main-navigation")).getItems())
                .isNotEmpty();
    }

    @Test
    void aRunThatDoesNotExistSaysSoInFrenchWithoutTheRoutersEnglish() {
        signIn("error-french", Role.OPERATOR);
        navigate("");
        chooseLanguage(Locale.FRENCH);

        navigate("runs/999999");

        assertThat(NavigatorKt.getCurrentView()).isEqualTo(NotFoundView.class);
        assertThat(_get(H2.class, spec -> spec.withId("error-title")).getText()).isEqualTo("Page introuvable");
        assertThat(_get(Paragraph.class, spec -> spec.withId("error-detail")).getText())
                .as("the run page's own, translated, explanation")
                .contains("999999")
                .doesNotContain("No route", "Could not navigate");
        assertThat(_get(RouterLink.class, spec -> spec.withId("error-home")).getText())
                .isEqualTo("Retour à l’accueil");
    }

    @Test
    void anAdministratorOpeningTheApprovalsInboxGetsTheFrenchRefusal() {
        signIn("error-admin", Role.ADMIN);
        navigate("");
        chooseLanguage(Locale.FRENCH);

        assertRefused("approvals");

        assertThat(_get(H2.class, spec -> spec.withId("error-title")).getText())
                .isEqualTo("Page réservée à d’autres rôles");
    }
}
