package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import org.pchatdr.portal.base.PortalException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A dialog that performs one action. When the service refuses, the translated reason appears in the
 * dialog and nothing the user typed is lost; on success the dialog closes and {@code onDone} runs.
 * Checks the dialog makes itself (two passwords that differ) throw a {@link PortalException} too.
 */
public class ActionDialog extends Dialog {

    private final Div error = new Div();

    public ActionDialog(String title, String confirmLabel, Runnable action, Runnable onDone, Component... content) {
        setHeaderTitle(title);
        error.addClassName("dialog-error");
        error.setId("dialog-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(content);
        add(error);
        Button confirm = new Button(confirmLabel, click -> confirm(action, onDone));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("dialog-confirm");
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, confirm);
    }

    private void confirm(Runnable action, Runnable onDone) {
        try {
            action.run();
        } catch (PortalException e) {
            showError(getTranslation(e.messageKey(), e.arguments()));
            return;
        } catch (OptimisticLockingFailureException e) {
            showError(getTranslation("error.stale"));
            return;
        }
        close();
        onDone.run();
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
