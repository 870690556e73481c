package org.pchatdr.portal.review.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.review.EvidenceService;

/**
 * The evidence pack of a change request (issue 14), which the change request's page links to by
 * address (decision 010: the change module does not know this one). The pack is generated when
 * the link is clicked, and so recorded as generated and downloaded then.
 */
@Route(ChangeEvidencePage.PATH)
@RolesAllowed({Roles.MANAGER, Roles.AUDITOR, Roles.ADMIN})
class ChangeEvidencePage extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String PATH = "changes/:id/evidence";

    private final EvidenceService evidence;
    private long id;

    ChangeEvidencePage(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            add(new Paragraph(getTranslation("change.not-found")));
            return;
        }
        java.util.Locale locale = getLocale();
        long change = id;
        Anchor download = EvidenceDownload.link(
                "change-evidence-download",
                getTranslation("evidence.download"),
                () -> evidence.changePack(change, locale));
        add(
                new H2(getTranslation("evidence.change.title", id)),
                new Paragraph(getTranslation("evidence.change.contents")),
                download,
                new Anchor("changes/" + id, getTranslation("evidence.change.back")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("evidence.change.title", id) + " · " + getTranslation("app.title");
    }
}
