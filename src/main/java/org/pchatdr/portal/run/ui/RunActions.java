package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.ui.ActionDialog;
import org.pchatdr.portal.base.ui.BoundedTextArea;
import org.pchatdr.portal.run.RunAction;
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

    /** A button that changes the run at once: {@code action} (on step {@code step}, for a step's action). */
    Button now(RunAction action, int step, String id, String label, Change change) {
        return button(id, label, () -> {
            try {
                show.accept(change.apply(runs, shown.get().version()));
            } catch (PortalException e) {
                if (!toldStale(e, action, step)) {
                    error(shownText(e.messageKey(), e.arguments()));
                }
            } catch (OptimisticLockingFailureException e) {
                reload.run();
                error(shownText("error.stale"));
            }
        });
    }

    /**
     * A button that opens a dialog to take {@code action} on the run. The dialog acts on the version
     * the user saw when opening it. When someone else changed the run meanwhile, the dialog closes,
     * the page shows the run as it now is and a message says, in words, who did what and whether
     * anything is left to do (issue 12): confirming blindly on a run that moved would act on what
     * the user has not read.
     */
    Button dialog(RunAction action, int step, String id, String label, Supplier<Form> form) {
        return button(id, label, () -> {
            Form content = form.get();
            long seen = shown.get().version();
            ActionDialog opened = new ActionDialog(
                    content.title(),
                    content.confirm(),
                    () -> {
                        try {
                            show.accept(content.change().apply(runs, seen));
                        } catch (PortalException e) {
                            if (!toldStale(e, action, step)) {
                                throw e;
                            }
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

    /**
     * Starts a button, labelled by {@code labelKey}, that opens the dialog most of the page's actions
     * take (see {@link #dialog}): titled by {@code titleKey} given the number of what it acts on (the
     * step for a step's action, else the run), it asks for one text, its confirm button worded as
     * the button.
     */
    Ask ask(RunAction action, int step, String id, String labelKey, String titleKey) {
        return new Ask(this, action, step, id, labelKey, titleKey, null);
    }

    /** A change to the run with the one text its dialog asked for. */
    interface TextChange {
        RunView apply(RunService runs, long version, String text);
    }

    /**
     * The dialog of {@link #ask}, told what it says above its text ({@code above}: made anew at each
     * opening, nothing when null), then made by {@link #text}.
     */
    record Ask(
            RunActions actions,
            RunAction action,
            int step,
            String id,
            String labelKey,
            String titleKey,
            Supplier<? extends Component> above) {

        /** What the dialog says first: a warning, the figures it acts on. */
        Ask above(Supplier<? extends Component> first) {
            return new Ask(actions, action, step, id, labelKey, titleKey, first);
        }

        /** A paragraph that says what the action means, above the text. */
        Ask explained(String explanationKey) {
            return above(() -> new Paragraph(shownText(explanationKey)));
        }

        /**
         * The button; its dialog asks for a reason or a comment as {@link RunActions#text} makes it
         * and, confirmed, makes {@code change} with what was typed.
         */
        Button text(String textKey, String textId, boolean required, TextChange change) {
            return actions.dialog(action, step, id, shownText(labelKey), () -> {
                TextArea text = RunActions.text(UI.getCurrent(), textKey, textId, required);
                return new Form(
                        shownText(
                                titleKey,
                                action.onStep() ? step : actions.shown.get().id()),
                        shownText(labelKey),
                        (runs, version) -> change.apply(runs, version, text.getValue()),
                        above == null ? new Component[] {text} : new Component[] {above.get(), text});
            });
        }
    }

    /** A text area for a reason or a comment, the way every dialog of the page asks for one. */
    static TextArea text(Component page, String labelKey, String id, boolean required) {
        TextArea text = new BoundedTextArea(page.getTranslation(labelKey), RunService.MAX_TEXT);
        text.setId(id);
        text.setWidthFull();
        text.setRequiredIndicatorVisible(required);
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

    /**
     * When the refusal was for acting on an older version: shows the run as it now is and says what
     * changed, in words; true if so.
     */
    private boolean toldStale(PortalException e, RunAction action, int step) {
        if (!"run_stale".equals(e.code())) {
            return false;
        }
        reload.run();
        Notification notification = Notification.show(
                StaleChange.message(UI.getCurrent(), shown.get(), action, step),
                10_000,
                Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
        return true;
    }

    private static String shownText(String key, Object... arguments) {
        return UI.getCurrent().getTranslation(key, arguments);
    }
}
