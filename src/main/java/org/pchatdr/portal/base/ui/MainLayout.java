package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.DemoMode;

/**
 * The frame of every signed-in page. The navigation lists the views annotated with {@code @Menu}
 * that the user's roles may open; a menu title is a translation key.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, DemoMode demoMode) {
        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("app-title");

        Span user = new Span(CurrentUser.actor());
        user.addClassName("current-user");
        Button signOut = new Button(getTranslation("action.sign-out"), click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");

        HorizontalLayout header = new HorizontalLayout(title, user, new LanguageSelect(), signOut);
        header.addClassName("app-header");
        header.setAlignItems(HorizontalLayout.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        addToNavbar(new DrawerToggle(), header);
        if (demoMode.isActive()) {
            addToNavbar(new DemoBanner());
        }
        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-navigation");
        MenuConfiguration.getMenuEntries()
                .forEach(entry -> nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path())));
        return nav;
    }
}
