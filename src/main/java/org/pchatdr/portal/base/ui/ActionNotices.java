package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.pchatdr.portal.base.PortalException;

/**
 * The short messages a page shows after an action outside a dialog (a dialog shows refusals itself,
 * {@link ActionDialog}): that it was done, or why the service refused it, in the reader's language.
 */
public final class ActionNotices {

    private ActionNotices() {}

    /** That the action was done: {@code text}, in green, for {@code millis} at {@code position}. */
    public static void done(String text, int millis, Notification.Position position) {
        Notification.show(text, millis, position).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Why the service refused, translated for {@code on}'s reader: in red, mid-page, for {@code millis}. */
    public static void refused(Component on, PortalException e, int millis) {
        Notification.show(on.getTranslation(e.messageKey(), e.arguments()), millis, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
