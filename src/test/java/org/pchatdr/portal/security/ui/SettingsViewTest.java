package org.pchatdr.portal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.LockoutPolicy;
import org.pchatdr.portal.security.SecuritySettingsService;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

class SettingsViewTest extends KaribuTest {

    @Autowired
    SecuritySettingsService settings;

    @Test
    void anAdministratorChangesTheLockoutPolicy() {
        signIn("settings-admin", Role.ADMIN);
        LockoutPolicy before = settings.lockoutPolicy();
        navigate("admin/settings");
        assertThat(_get(IntegerField.class, spec -> spec.withId("lockout-max-failures"))
                        .getValue())
                .isEqualTo(before.maxFailures());

        fillIn(_get(IntegerField.class, spec -> spec.withId("lockout-max-failures")), 7);
        fillIn(_get(IntegerField.class, spec -> spec.withId("lockout-duration")), 30);
        _click(_get(Button.class, spec -> spec.withId("save-settings")));

        try {
            assertThat(notificationTexts()).contains("Settings saved.");
            assertThat(settings.lockoutPolicy())
                    .isEqualTo(new LockoutPolicy(7, before.window(), Duration.ofMinutes(30)));
        } finally {
            settings.changeLockoutPolicy(settings.lockoutPolicy(), before);
        }
    }

    @Test
    void anEmptyValueIsRefusedAndNothingChanges() {
        signIn("settings-admin", Role.ADMIN);
        LockoutPolicy before = settings.lockoutPolicy();
        navigate("admin/settings");

        fillIn(_get(IntegerField.class, spec -> spec.withId("lockout-window")), null);
        _click(_get(Button.class, spec -> spec.withId("save-settings")));

        assertThat(notificationTexts()).contains("Correct the highlighted values first.");
        assertThat(settings.lockoutPolicy()).isEqualTo(before);
    }
}
