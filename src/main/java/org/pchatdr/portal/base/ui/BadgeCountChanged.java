package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * The main layout saw a live {@link NavigationBadge}'s count change during a poll: the page that
 * shows what it counts (the inbox, the home page's cards) shows it again, without a query of its
 * own. Fired on the UI, so that any view may listen while it is attached.
 */
public class BadgeCountChanged extends ComponentEvent<UI> {

    private final String path;
    private final int count;

    BadgeCountChanged(UI ui, String path, int count) {
        super(ui, false);
        this.path = path;
        this.count = count;
    }

    /** The {@link NavigationBadge#path()} of the badge that changed. */
    public String path() {
        return path;
    }

    public int count() {
        return count;
    }

    /** Listens on {@code ui}; remove the registration when the listening view detaches. */
    public static Registration listen(UI ui, ComponentEventListener<BadgeCountChanged> listener) {
        return ComponentUtil.addListener(ui, BadgeCountChanged.class, listener);
    }

    /**
     * Listens on the UI of {@code view} for as long as the view is attached: a view that shows what a
     * badge counts calls it once, from its constructor.
     */
    public static void listenWhileAttached(Component view, ComponentEventListener<BadgeCountChanged> listener) {
        view.addAttachListener(attach -> {
            Registration registration = listen(attach.getUI(), listener);
            view.addDetachListener(detach -> {
                detach.unregisterListener();
                registration.remove();
            });
        });
    }

    static void fire(UI ui, String path, int count) {
        ComponentUtil.fireEvent(ui, new BadgeCountChanged(ui, path, count));
    }
}
