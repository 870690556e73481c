package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.DemoMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;

/**
 * The frame of every signed-in page. The navigation lists the views annotated with {@code @Menu}
 * that the user's roles may open; a menu title is a translation key. Features put a number next
 * to their entry with a {@link NavigationBadge} bean.
 *
 * <p>Badges are counted after every navigation. A live badge ({@link NavigationBadge#stamp()}, the
 * approvals inbox) stays current on every page the way the run page does (decision 012): while
 * the user may see one, the page polls at least every {@link #LIVE_POLL_MILLIS}, reads each live
 * badge's stamp at most every {@link #LIVE_EVERY} (one cheap query), and counts again only when it
 * moved; it then tells the page ({@link BadgeCountChanged}) and, when more wait, flashes the tab's
 * title ({@link TitleFlash}). Other badges are counted again on a poll at most every {@link
 * #RECOUNT_ON_POLL}. A poll is a request that would keep an idle session alive for ever, so the
 * layout stops polling once nobody clicked, typed or navigated for the session timeout, says so,
 * and offers to resume.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final Duration RECOUNT_ON_POLL = Duration.ofSeconds(30);
    static final int LIVE_POLL_MILLIS = 10_000;
    static final Duration LIVE_EVERY = Duration.ofMillis(LIVE_POLL_MILLIS);
    /** Activity reaches the server at most this often: enough to know the user is not idle. */
    private static final int ACTIVITY_THROTTLE_MILLIS = 60_000;

    private final Map<SideNavItem, NavigationBadge> badged = new LinkedHashMap<>();
    private final Map<NavigationBadge, String> stamps = new HashMap<>();
    private final Map<NavigationBadge, Integer> counts = new HashMap<>();
    private final Clock clock;
    private final IdlePollingPause paused;
    private Instant countedAt = Instant.MIN;
    private Instant checkedAt = Instant.MIN;
    private boolean live;
    private Registration pollListener;

    public MainLayout(
            AuthenticationContext authentication,
            DemoMode demoMode,
            ObjectProvider<NavigationBadge> badges,
            ObjectProvider<NavigationFilter> filters,
            Clock clock,
            @Value("${server.servlet.session.timeout:30m}") Duration idleLimit) {
        this.clock = clock;
        paused = new IdlePollingPause(clock, idleLimit, "live.paused", "live.resume", "resume-counts", () -> {
            acted();
            checkLive();
        });
        paused.setId("counts-paused");
        paused.addClassName("live-paused");
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
        addToDrawer(
                navigation(
                        badges.orderedStream().toList(), filters.orderedStream().toList()),
                paused);
        setPrimarySection(Section.DRAWER);
        // Clicks and keys say the user is here; throttled, they cost one request a minute at most.
        getElement().addEventListener("click", event -> acted()).throttle(ACTIVITY_THROTTLE_MILLIS);
        getElement().addEventListener("keydown", event -> acted()).throttle(ACTIVITY_THROTTLE_MILLIS);
    }

    private SideNav navigation(List<NavigationBadge> badges, List<NavigationFilter> filters) {
        SideNav nav = new SideNav();
        nav.setId("main-navigation");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = path(entry);
            if (filters.stream().anyMatch(filter -> filter.hides(path))) {
                continue;
            }
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            nav.addItem(item);
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
        // Whoever navigates looks at the tab: nothing left to flash.
        getUI().ifPresent(TitleFlash::stop);
        acted();
        countBadges();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        pollListener = attachEvent.getUI().addPollListener(poll -> polled());
        keepPolling();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        pollListener.remove();
        super.onDetach(detachEvent);
    }

    private void polled() {
        if (live && paused.idle()) {
            pause();
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(checkedAt.plus(LIVE_EVERY))) {
            checkLive();
        }
        if (!now.isBefore(countedAt.plus(RECOUNT_ON_POLL))) {
            countBadges(false);
        }
    }

    private void acted() {
        paused.acted();
        if (paused.isVisible()) {
            paused.setVisible(false);
            keepPolling();
        }
    }

    /** Polls at least as often as live badges need; a page that polls faster keeps its pace. */
    private void keepPolling() {
        getUI().filter(ui -> live)
                .filter(ui -> ui.getPollInterval() < 0 || ui.getPollInterval() > LIVE_POLL_MILLIS)
                .ifPresent(ui -> ui.setPollInterval(LIVE_POLL_MILLIS));
    }

    private void pause() {
        paused.setVisible(true);
        getUI().filter(ui -> ui.getPollInterval() == LIVE_POLL_MILLIS).ifPresent(ui -> ui.setPollInterval(-1));
    }

    /** Every badge counted, the live ones' stamps noted as the baseline of the next poll. */
    private void countBadges() {
        countBadges(true);
    }

    private void countBadges(boolean liveToo) {
        countedAt = clock.instant();
        if (liveToo) {
            checkedAt = countedAt;
        }
        Set<String> open = openPaths();
        boolean anyLive = false;
        for (var entry : badged.entrySet()) {
            NavigationBadge badge = entry.getValue();
            if (!open.contains(badge.path())) {
                show(entry.getKey(), badge, 0);
                continue;
            }
            Optional<String> stamp = liveToo || !stamps.containsKey(badge) ? badge.stamp() : Optional.empty();
            stamp.ifPresent(value -> stamps.put(badge, value));
            anyLive |= stamps.containsKey(badge);
            if (liveToo || !stamps.containsKey(badge)) {
                int count = badge.count();
                counts.put(badge, count);
                show(entry.getKey(), badge, count);
            }
        }
        if (liveToo) {
            live = anyLive;
            keepPolling();
        }
    }

    /** The live badges whose stamp moved are counted again; the page and the tab are told. */
    private void checkLive() {
        checkedAt = clock.instant();
        UI ui = getUI().orElse(null);
        if (ui == null) {
            return;
        }
        Set<String> open = openPaths();
        badged.forEach((item, badge) -> {
            if (!stamps.containsKey(badge) || !open.contains(badge.path())) {
                return;
            }
            String stamp = badge.stamp().orElse("");
            if (stamp.equals(stamps.get(badge))) {
                return;
            }
            stamps.put(badge, stamp);
            int before = counts.getOrDefault(badge, 0);
            int after = badge.count();
            counts.put(badge, after);
            show(item, badge, after);
            if (after > before) {
                badge.news(after, getLocale()).ifPresent(news -> TitleFlash.start(ui, news));
            } else if (after < before) {
                TitleFlash.stop(ui);
            }
            BadgeCountChanged.fire(ui, badge.path(), after);
        });
    }

    // Asked again each time, as the contract of NavigationBadge promises: the navigation was
    // built for the roles of the moment the layout was created.
    private static Set<String> openPaths() {
        return MenuConfiguration.getMenuEntries().stream().map(MainLayout::path).collect(Collectors.toSet());
    }

    private void show(SideNavItem item, NavigationBadge badge, int count) {
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
    }
}
