package org.pchatdr.portal.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.textfield.IntegerField;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;

class SettingsViewTest extends KaribuTest {

    @Test
    void everyLockoutFieldShowsTheRangeItAccepts() {
        signIn("settings-admin", Role.ADMIN);
        navigate("admin/settings");

        assertThat(_get(IntegerField.class, spec -> spec.withId("lockout-max-failures"))
                        .getHelperText())
                .isEqualTo("From 1 to 100");
        assertThat(_get(IntegerField.class, spec -> spec.withId("lockout-window"))
                        .getHelperText())
                .isEqualTo("From 1 to 1,440");
        assertThat(_get(IntegerField.class, spec -> spec.withId("lockout-duration"))
                        .getHelperText())
                .isEqualTo("From 1 to 1,440");
    }
}
