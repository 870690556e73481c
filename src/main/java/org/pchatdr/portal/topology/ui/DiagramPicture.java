package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;

/**
 * A pool's SVG diagram on a page (topology page, wizard). The frame takes the full width of its
 * container, so that the drawing, which shrinks to its container, never shrinks to its own natural
 * size and gets clipped by a tab; a frame too narrow even for the shrunk drawing scrolls.
 */
final class DiagramPicture {

    static final String CLASS_NAME = "topology-diagram";

    private DiagramPicture() {}

    static Div of(String svg, String poolFqdn) {
        Div picture = new Div(new Html(svg.substring(svg.indexOf("<svg"))));
        picture.addClassName(CLASS_NAME);
        picture.setWidthFull();
        picture.getElement().setAttribute("data-pool", poolFqdn);
        return picture;
    }
}
