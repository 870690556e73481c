package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

/** What the run page's tests do on the page, by element id, as a user and the browser would. */
final class RunPage {

    private RunPage() {}

    /** The browser's next poll, as the page's poll interval would send it. */
    static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    /** Confirms the open action dialog. */
    static void confirm() {
        click("dialog-confirm");
    }

    static String text(String id) {
        return ((HasText) _get(Component.class, spec -> spec.withId(id))).getText();
    }
}
