package org.pchatdr.portal.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.security.DirectoryMappingService;
import org.pchatdr.portal.security.LockoutPolicy;
import org.pchatdr.portal.security.SecuritySettingsService;

/** Administrators tune the portal here; for now the brute-force lockout. */
@Route("admin/settings")
@Menu(title = "nav.settings", order = 95)
@RolesAllowed(Roles.ADMIN)
class SettingsView extends VerticalLayout implements HasDynamicTitle {

    private final SecuritySettingsService settings;
    private final IntegerField maxFailures = minutes("settings.lockout.max-failures", "lockout-max-failures");
    private final IntegerField window = minutes("settings.lockout.window", "lockout-window");
    private final IntegerField duration = minutes("settings.lockout.duration", "lockout-duration");
    private LockoutPolicy seen;

    SettingsView(SecuritySettingsService settings, DirectoryMappingService directory) {
        this.settings = settings;
        maxFailures.setMax(LockoutPolicy.MAX_FAILURES_LIMIT);
        // The allowed range beside each field, before anyone types a value the service refuses.
        for (IntegerField field : new IntegerField[] {maxFailures, window, duration}) {
            field.setHelperText(getTranslation("settings.range", field.getMin(), field.getMax()));
        }
        Button save = new Button(getTranslation("action.save"), click -> save());
        save.setId("save-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(maxFailures, window, duration);
        form.setMaxWidth("40em");
        add(
                new H2(getTranslation("settings.title")),
                new H3(getTranslation("settings.lockout")),
                new Paragraph(getTranslation("settings.lockout.explanation")),
                form,
                save);
        show(settings.lockoutPolicy());
        add(new DirectoryMappingPanel(directory));
    }

    private IntegerField minutes(String labelKey, String id) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        field.setMin(1);
        field.setMax((int) LockoutPolicy.LONGEST.toMinutes());
        field.setStepButtonsVisible(true);
        field.setRequiredIndicatorVisible(true);
        return field;
    }

    private void show(LockoutPolicy policy) {
        seen = policy;
        maxFailures.setValue(policy.maxFailures());
        window.setValue((int) policy.window().toMinutes());
        duration.setValue((int) policy.duration().toMinutes());
    }

    private void save() {
        if (maxFailures.isInvalid()
                || window.isInvalid()
                || duration.isInvalid()
                || maxFailures.isEmpty()
                || window.isEmpty()
                || duration.isEmpty()) {
            notify(getTranslation("settings.invalid"), NotificationVariant.LUMO_ERROR);
            return;
        }
        try {
            show(settings.changeLockoutPolicy(
                    seen,
                    new LockoutPolicy(
                            maxFailures.getValue(),
                            Duration.ofMinutes(window.getValue()),
                            Duration.ofMinutes(duration.getValue()))));
            notify(getTranslation("settings.saved"), NotificationVariant.LUMO_SUCCESS);
        } catch (PortalException e) {
            notify(getTranslation(e.messageKey(), e.arguments()), NotificationVariant.LUMO_ERROR);
        }
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 5000, Notification.Position.MIDDLE).addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title") + " · " + getTranslation("app.title");
    }
}
