package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.html.Div;

/** Shown on every page while the {@code demo} profile is active, so nobody mistakes it for production. */
public class DemoBanner extends Div {

    public DemoBanner() {
        addClassName("demo-banner");
        setText(getTranslation("demo.banner"));
        getElement().setAttribute("role", "status");
    }
}
