package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.DemoMode;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame of every signed-in page. The navigation lists the views annotated with {@code @Menu}
 * that the user's roles may open; a menu title is a translation key. Features put a number next
 * to their entry with a {@link NavigationBadge} bean.
 *
 * <p>Badges are counted after every navigation, and when the page polls (the pages that must stay
 * current poll on their own), at most every {@link #RECOUNT_ON_POLL}: a page polling every two
 * seconds must not recount every inbox as often. Nothing polls only for the badges.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final Duration RECOUNT_ON_POLL = Duration.ofSeconds(30);

    private final Map<SideNavItem, NavigationBadge> badged = new LinkedHashMap<>();
    private final Clock clock;
    private Instant countedAt = Instant.MIN;
    private Registration pollListener;

    public MainLayout(
            AuthenticationContext authentication,
            DemoMode demoMode,
            ObjectProvider<NavigationBadge> badges,
            Clock clock) {
        this.clock = clock;
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
        DrawerToggle menu = new DrawerToggle();
        menu.setId("menu-toggle");
        menu.setAriaLabel(getTranslation("nav.menu"));
        addToNavbar(menu, header);
        if (demoMode.isActive()) {
            addToNavbar(new DemoBanner());
        }
        addToDrawer(navigation(badges.orderedStream().toList()));
        setPrimarySection(Section.DRAWER);
    }

    private SideNav navigation(List<NavigationBadge> badges) {
        SideNav nav = new SideNav();
        nav.setId("main-navigation");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            nav.addItem(item);
            String path = path(entry);
            badges.stream()
                    .filter(badge -> badge.path().equals(path))
                    .findFirst()
                    .ifPresent(badge -> badged.put(item, badge));
        }
        return nav;
    }

    private static String path(MenuEntry entry) {
        return entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        countBadges();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        pollListener = attachEvent.getUI().addPollListener(poll -> {
            if (!clock.instant().isBefore(countedAt.plus(RECOUNT_ON_POLL))) {
                countBadges();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        pollListener.remove();
        super.onDetach(detachEvent);
    }

    private void countBadges() {
        countedAt = clock.instant();
        // Asked again each time, as the contract of NavigationBadge promises: the navigation was
        // built for the roles of the moment the layout was created.
        Set<String> open = MenuConfiguration.getMenuEntries().stream()
                .map(MainLayout::path)
                .collect(Collectors.toSet());
        badged.forEach((item, badge) -> {
            int count = open.contains(badge.path()) ? badge.count() : 0;
            if (count == 0) {
                item.setSuffixComponent(null);
                return;
            }
            Span number = new Span(Integer.toString(count));
            number.setId("nav-badge-" + badge.path().replace('/', '-'));
            number.getElement().getThemeList().add("badge primary pill small");
            // The bare number means nothing to a screen reader: say what it counts.
            number.getElement().setAttribute("aria-label", getTranslation("nav.badge", count));
            item.setSuffixComponent(number);
        });
    }
}
