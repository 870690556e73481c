package org.pchatdr.portal.approval.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.pchatdr.portal.approval.ApprovalInbox;
import org.pchatdr.portal.approval.WaitingItem;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.BadgeCountChanged;

/**
 * What waits on the signed-in approver, oldest first, whatever kind of subject it is (runs to
 * approve, emergency starts to ratify, skips to allow, data losses to accept …), each only where
 * four eyes let them decide. The layout polls the inbox's stamp on every page (its badge is live),
 * and the page shows the inbox again when the badge's count changed, so that an approver who keeps
 * it open sees new requests come in.
 */
@Route(ApprovalsView.PATH)
@Menu(title = "nav.approvals", order = 30)
@RolesAllowed(Roles.APPROVER)
class ApprovalsView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "approvals";

    private final ApprovalInbox inbox;
    private final Grid<WaitingItem> grid = new Grid<>();
    private final Div empty = new Div();

    ApprovalsView(ApprovalInbox inbox) {
        this.inbox = inbox;
        BadgeCountChanged.listenWhileAttached(this, changed -> {
            if (PATH.equals(changed.path())) {
                refresh();
            }
        });
        setSizeFull();
        empty.setId("approvals-empty");
        empty.addClassName("run-hint");
        empty.setText(getTranslation("approvals.empty"));

        grid.setId("approvals");
        grid.addComponentColumn(this::need)
                .setHeader(getTranslation("approvals.column.need"))
                .setKey("need")
                .setFlexGrow(2);
        grid.addComponentColumn(item -> new Anchor(item.path(), item.title()))
                .setHeader(getTranslation("approvals.column.subject"))
                .setKey("subject")
                .setAutoWidth(true)
                .setFlexGrow(0);
        // Issue 12: the summary (procedure, pool, topology) takes the width and wraps; the short
        // columns take what their content needs, so nothing scrolls sideways at 1440 px.
        grid.addColumn(WaitingItem::kindLabel)
                .setHeader(getTranslation("approvals.column.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(WaitingItem::summary)
                .setHeader(getTranslation("approvals.column.summary"))
                .setTooltipGenerator(WaitingItem::summary)
                .setFlexGrow(3);
        grid.addColumn(WaitingItem::requestedBy)
                .setHeader(getTranslation("approvals.column.requested-by"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(item -> PortalTime.format(item.since()))
                .setHeader(getTranslation("approvals.column.since"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addItemClickListener(
                click -> getUI().ifPresent(ui -> ui.navigate(click.getItem().path())));

        add(
                new H2(getTranslation("approvals.title")),
                new Paragraph(getTranslation("approvals.explanation")),
                empty,
                grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        List<WaitingItem> items = inbox.items(getLocale());
        grid.setItems(items);
        grid.setVisible(!items.isEmpty());
        empty.setVisible(items.isEmpty());
    }

    /** What the approver is asked to do, in words; a marker (a deadline past) beside it. */
    private Component need(WaitingItem item) {
        Span need = new Span(item.need());
        if (item.marker() == null) {
            return need;
        }
        Span marker = new Span(item.marker().text());
        marker.getElement().getThemeList().add(item.marker().urgent() ? "badge error primary" : "badge warning");
        marker.getElement().setAttribute("title", item.marker().hint());
        return new Div(need, new Span(" "), marker);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("approvals.title") + " · " + getTranslation("app.title");
    }
}
