package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.ui.ActionDialog;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * How the run page changes the run: every change quotes the version the user saw. A refusal shows
 * its translated reason (in the dialog, which keeps what was typed, or as a notification); when
 * someone else changed the run meanwhile, the page shows the run as it now is.
 */
final class RunActions {

    /** One change to the run, quoting the version the user acted on. */
    interface Change {
        RunView apply(RunService runs, long version);
    }

    private final RunService runs;
    private final Supplier<RunView> shown;
    private final Consumer<RunView> show;
    private final Runnable reload;

    RunActions(RunService runs, Supplier<RunView> shown, Consumer<RunView> show, Runnable reload) {
        this.runs = runs;
        this.shown = shown;
        this.show = show;
        this.reload = reload;
    }

    /** A button that changes the run at once. */
    Button now(String id, String label, Change change) {
        return button(id, label, () -> {
            try {
                show.accept(change.apply(runs, shown.get().version()));
            } catch (PortalException e) {
                reloadIfStale(e);
                error(shownText(e.messageKey(), e.arguments()));
            } catch (OptimisticLockingFailureException e) {
                reload.run();
                error(shownText("error.stale"));
            }
        });
    }

    /**
     * A button that opens a dialog to change the run. The dialog acts on the version the user saw
     * when opening it; when that turns out stale, the dialog says who changed the run and stays open
     * on top of the page as it now is, so that confirming again acts on what is shown.
     */
    Button dialog(String id, String label, Supplier<Form> form) {
        return button(id, label, () -> {
            Form content = form.get();
            long[] seen = {shown.get().version()};
            ActionDialog opened = new ActionDialog(
                    content.title(),
                    content.confirm(),
                    () -> {
                        try {
                            show.accept(content.change().apply(runs, seen[0]));
                        } catch (PortalException e) {
                            if (reloadIfStale(e)) {
                                seen[0] = shown.get().version();
                            }
                            throw e;
                        }
                    },
                    () -> {},
                    content.fields());
            opened.setId(id + "-dialog");
            opened.setWidth("min(40rem, 95vw)");
            opened.open();
        });
    }

    /** What a dialog shows and does. */
    record Form(String title, String confirm, Change change, Component... fields) {}

    /** A text area for a reason or a comment, the way every dialog of the page asks for one. */
    static TextArea text(Component page, String labelKey, String id, boolean required) {
        TextArea text = new TextArea(page.getTranslation(labelKey));
        text.setId(id);
        text.setWidthFull();
        text.setRequiredIndicatorVisible(required);
        text.setMaxLength(RunService.MAX_TEXT);
        return text;
    }

    private static Button button(String id, String label, Runnable action) {
        Button button = new Button(label, click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private static void error(String text) {
        Notification notification = Notification.show(text, 10_000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Shows the run as it now is when the refusal was for acting on an older one; true if so. */
    private boolean reloadIfStale(PortalException e) {
        boolean stale = "run_stale".equals(e.code());
        if (stale) {
            reload.run();
        }
        return stale;
    }

    private static String shownText(String key, Object... arguments) {
        return UI.getCurrent().getTranslation(key, arguments);
    }
}
