package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.TypedText;
import org.pchatdr.portal.base.ui.FilterChoice;
import org.pchatdr.portal.base.ui.Pickers;
import org.pchatdr.portal.procedure.ui.ProcedureLabels;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunSummary;

/**
 * Every run, newest first, narrowed by pool, kind, state, requester and request day (UTC). The
 * filters live in the address, so a filtered list survives a reload and can be shared.
 */
@Route("runs")
@Menu(title = "nav.runs", order = 20)
@PermitAll
class RunListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TextField pool = new TextField();
    private final Select<RunKind> kind = new Select<>();
    private final Select<RunState> state = new Select<>();
    private final TextField requester = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<RunSummary> grid = new Grid<>();
    private RunListQuery query = RunListQuery.of(QueryParameters.empty());
    // Set while the fields take their values from the address, so that they do not navigate again.
    private boolean readingAddress;

    RunListView(RunService runs, AuthenticationContext authentication, Clock clock) {
        setSizeFull();
        HorizontalLayout heading = new HorizontalLayout(new H2(getTranslation("runs.title")));
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.setWidthFull();
        if (authentication.hasRole(Roles.OPERATOR)) {
            Button request = new Button(
                    getTranslation("runs.request"),
                    click -> getUI().ifPresent(ui -> ui.navigate(RequestRunView.class)));
            request.setId("request-run");
            request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            heading.add(request);
        }
        add(heading, filters(), grid(runs, clock));
        setFlexGrow(1, grid);
    }

    private Component filters() {
        pool.setId("filter-pool");
        pool.setLabel(getTranslation("runs.filter.pool"));
        pool.setPlaceholder(getTranslation("runs.filter.pool.placeholder"));
        requester.setId("filter-requester");
        requester.setLabel(getTranslation("runs.filter.requester"));
        for (TextField text : List.of(pool, requester)) {
            text.setClearButtonVisible(true);
        }
        String any = getTranslation("runs.filter.any");
        FilterChoice.of(
                kind,
                "filter-kind",
                getTranslation("runs.filter.kind"),
                any,
                List.of(RunKind.values()),
                value -> RunFormat.kind(this, value));
        FilterChoice.of(
                state,
                "filter-state",
                getTranslation("runs.filter.state"),
                any,
                List.of(RunState.values()),
                value -> RunFormat.state(this, value));
        from.setId("filter-from");
        from.setLabel(getTranslation("runs.filter.from"));
        to.setId("filter-to");
        to.setLabel(getTranslation("runs.filter.to"));
        for (DatePicker day : List.of(from, to)) {
            Pickers.portalFormat(day);
            day.setHelperText(getTranslation("runs.filter.utc"));
            day.setClearButtonVisible(true);
        }
        List<HasValue<?, ?>> fields = List.of(pool, kind, state, requester, from, to);
        fields.forEach(field -> field.addValueChangeListener(change -> filtered()));
        HorizontalLayout filters = new HorizontalLayout(pool, kind, state, requester, from, to);
        filters.setId("run-filters");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    /**
     * The columns people read (procedure, pool, topology) take the width; the short ones keep theirs.
     * Cells wrap instead of scrolling sideways, and the long values say themselves whole on hover.
     */
    private Grid<RunSummary> grid(RunService runs, Clock clock) {
        grid.setId("runs");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(run -> RunFormat.runLink(this, run.id()))
                .setHeader(getTranslation("runs.column.run"))
                .setSortProperty("id")
                .setKey("run")
                .setWidth("6rem")
                .setFlexGrow(0);
        grid.addColumn(run -> RunFormat.kind(this, run.kind()))
                .setHeader(getTranslation("runs.column.kind"))
                .setSortProperty("kind")
                .setKey("kind")
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.addComponentColumn(run -> RunFormat.stateBadge(this, run.state()))
                .setHeader(getTranslation("runs.column.state"))
                .setSortProperty("state")
                .setKey("state")
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.addComponentColumn(run -> RunFormat.ratificationMarker(this, run, clock.instant())
                        .map(Component.class::cast)
                        .orElseGet(Span::new))
                .setHeader(getTranslation("runs.column.attention"))
                .setKey("attention")
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.addColumn(run -> ProcedureLabels.title(this, run.procedure(), run.variant()))
                .setHeader(getTranslation("runs.column.procedure"))
                .setKey("procedure")
                .setTooltipGenerator(run -> ProcedureLabels.title(this, run.procedure(), run.variant()))
                .setFlexGrow(3);
        grid.addColumn(RunSummary::pool)
                .setHeader(getTranslation("run.pool"))
                .setSortProperty("pool")
                .setKey("pool")
                .setTooltipGenerator(RunSummary::pool)
                .setFlexGrow(2);
        grid.addColumn(RunSummary::topologyName)
                .setHeader(getTranslation("run.topology"))
                .setKey("topology")
                .setTooltipGenerator(RunSummary::topologyName)
                .setFlexGrow(2);
        grid.addColumn(RunSummary::requestedBy)
                .setHeader(getTranslation("runs.column.requested-by"))
                .setSortProperty("requested.by")
                .setKey("requested-by")
                .setTooltipGenerator(RunSummary::requestedBy)
                .setWidth("8rem")
                .setFlexGrow(0);
        // A UTC time wraps after its date: two short lines rather than one wide column.
        grid.addColumn(run -> RunFormat.time(run.requestedAt()))
                .setHeader(getTranslation("runs.column.requested-at"))
                .setSortProperty("requested.at")
                .setKey("requested-at")
                .setWidth("7.5rem")
                .setFlexGrow(0);
        grid.addColumn(run -> RunFormat.time(run.endedAt()))
                .setHeader(getTranslation("runs.column.ended-at"))
                .setSortProperty("ended.at")
                .setKey("ended-at")
                .setWidth("7.5rem")
                .setFlexGrow(0);
        grid.setItemsPageable(pageable -> runs.list(query.filter(), pageable).getContent());
        grid.setEmptyStateText(getTranslation("runs.empty"));
        grid.addItemClickListener(click -> getUI().ifPresent(
                        ui -> ui.navigate(RunFormat.runPath(click.getItem().id()))));
        return grid;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        query = RunListQuery.of(event.getLocation().getQueryParameters());
        readingAddress = true;
        try {
            pool.setValue(query.pool() == null ? "" : query.pool());
            kind.setValue(query.kind());
            state.setValue(query.state());
            requester.setValue(query.requester() == null ? "" : query.requester());
            from.setValue(query.from());
            to.setValue(query.to());
        } finally {
            readingAddress = false;
        }
        grid.getDataProvider().refreshAll();
    }

    /** A filter changed: the address takes the new filters, and entering it lists the runs again. */
    private void filtered() {
        if (readingAddress) {
            return;
        }
        RunListQuery chosen = new RunListQuery(
                TypedText.blankToNull(pool.getValue()),
                kind.getValue(),
                state.getValue(),
                TypedText.blankToNull(requester.getValue()),
                from.getValue(),
                to.getValue());
        getUI().ifPresent(ui -> ui.navigate(RunListView.class, chosen.parameters()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("runs.title") + " · " + getTranslation("app.title");
    }
}
