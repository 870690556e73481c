package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.RouterLink;

/**
 * An error page drawn inside the main layout, so that navigation and sign-out stay at hand and the
 * user is offered a way back instead of a bare text or the browser's own error page (issue 12).
 * Its texts come from {@code error.page.<kind>.*}; a message the refusing page gave (for instance
 * "run 999 does not exist") is shown below them, as it is already translated.
 */
abstract class ShellErrorView<E extends Exception> extends VerticalLayout
        implements HasErrorParameter<E>, HasDynamicTitle {

    private final String kind;
    private final int status;

    ShellErrorView(String kind, int status) {
        this.kind = kind;
        this.status = status;
        setId("error-page");
        addClassName("error-page");
        getElement().setAttribute("data-status", Integer.toString(status));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<E> parameter) {
        removeAll();
        H2 title = new H2(getTranslation("error.page." + kind + ".title"));
        title.setId("error-title");
        add(title, new Paragraph(getTranslation("error.page." + kind + ".text")));
        // Only what a page chose to say: the router's own messages are English and technical.
        if (parameter.hasCustomMessage() && !parameter.getCustomMessage().isBlank()) {
            Paragraph detail = new Paragraph(parameter.getCustomMessage());
            detail.setId("error-detail");
            add(detail);
        }
        RouterLink home = new RouterLink(getTranslation("error.page.home"), HomeView.class);
        home.setId("error-home");
        add(home);
        return status;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.page." + kind + ".title") + " · " + getTranslation("app.title");
    }
}
