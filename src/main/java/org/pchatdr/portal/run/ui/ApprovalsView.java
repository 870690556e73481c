package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.procedure.ui.ProcedureLabels;
import org.pchatdr.portal.run.InboxItem;
import org.pchatdr.portal.run.RunService;

/**
 * What waits on the signed-in approver, oldest first: runs to approve, emergency starts to ratify,
 * skips to allow and data losses to accept, each only where four eyes let them decide. The page
 * polls, so that an approver who keeps it open sees new requests come in.
 */
@Route(ApprovalsView.PATH)
@Menu(title = "nav.approvals", order = 30)
@RolesAllowed(Roles.APPROVER)
class ApprovalsView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "approvals";
    static final int POLL_MILLIS = 60_000;

    private final RunService runs;
    private final Clock clock;
    private final Grid<InboxItem> grid = new Grid<>();
    private final Div empty = new Div();
    private Registration pollListener;

    ApprovalsView(RunService runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
        setSizeFull();
        empty.setId("approvals-empty");
        empty.addClassName("run-hint");
        empty.setText(getTranslation("approvals.empty"));

        grid.setId("approvals");
        grid.addComponentColumn(this::need)
                .setHeader(getTranslation("approvals.column.need"))
                .setKey("need")
                .setFlexGrow(2);
        grid.addComponentColumn(item -> RunFormat.runLink(this, item.run().id()))
                .setHeader(getTranslation("runs.column.run"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(item -> RunFormat.kind(this, item.run().kind())).setHeader(getTranslation("runs.column.kind"));
        grid.addColumn(item -> ProcedureLabels.title(
                        this, item.run().procedure(), item.run().variant()))
                .setHeader(getTranslation("runs.column.procedure"))
                .setFlexGrow(2);
        grid.addColumn(item -> item.run().pool()).setHeader(getTranslation("run.pool"));
        grid.addColumn(item -> item.run().requestedBy()).setHeader(getTranslation("runs.column.requested-by"));
        grid.addColumn(item -> RunFormat.time(item.since()))
                .setHeader(getTranslation("approvals.column.since"))
                .setAutoWidth(true);
        grid.addItemClickListener(click -> getUI().ifPresent(ui ->
                ui.navigate(RunFormat.runPath(click.getItem().run().id()))));

        add(
                new H2(getTranslation("approvals.title")),
                new Paragraph(getTranslation("approvals.explanation")),
                empty,
                grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        List<InboxItem> items = runs.inbox();
        grid.setItems(items);
        grid.setVisible(!items.isEmpty());
        empty.setVisible(items.isEmpty());
    }

    /** What the approver is asked to do, in words; a ratification past its deadline in red. */
    private Component need(InboxItem item) {
        Span need = new Span(
                switch (item.need()) {
                    case APPROVAL -> getTranslation("approvals.need.APPROVAL");
                    case RATIFICATION -> getTranslation("approvals.need.RATIFICATION");
                    case SKIP -> getTranslation("approvals.need.SKIP", item.step());
                    case DATA_LOSS -> getTranslation("approvals.need.DATA_LOSS", item.step());
                });
        if (item.need() != InboxItem.Need.RATIFICATION) {
            return need;
        }
        Div ratification = new Div(need);
        RunFormat.ratificationMarker(this, item.run(), clock.instant())
                .ifPresent(marker -> ratification.add(new Span(" "), marker));
        return ratification;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().setPollInterval(POLL_MILLIS);
        pollListener = attachEvent.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        pollListener.remove();
        // Only our own interval: the next page may have set its own already.
        if (detachEvent.getUI().getPollInterval() == POLL_MILLIS) {
            detachEvent.getUI().setPollInterval(-1);
        }
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("approvals.title") + " · " + getTranslation("app.title");
    }
}
