package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Styles come as plain CSS from {@code frontend/styles}: no frontend build runs (see stack.md). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/portal.css")
public class AppShell implements AppShellConfigurator {

    /** Beside the styles, so that the sign-in page shows it too: {@code /styles/**} needs no sign-in. */
    static final String FAVICON = "styles/favicon.svg";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", FAVICON, "any");
        // A phone shows the layout at its own width instead of a zoomed-out desktop page (issue 12).
        settings.setViewport("width=device-width, initial-scale=1");
    }
}
