package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.PermitAll;

/**
 * Takes the address of the run page ({@code runs/:id}) where that page does not exist yet: it is
 * built on another branch. Without a server-side route, Vaadin hands the navigation to the browser,
 * and a test could not see where a click led.
 */
@PermitAll
class RunPageStandIn extends Div {

    /** Registers the stand-in for this session, unless the real run page answers. */
    static void registerIfMissing() {
        RouteConfiguration routes = RouteConfiguration.forSessionScope();
        if (routes.getRoute("runs/1").isEmpty()) {
            // Numbers only: a session route comes before the application's, and runs/new must stay the form.
            routes.setRoute("runs/:id([0-9]+)", RunPageStandIn.class);
        }
    }
}
