package org.pchatdr.portal.change.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.pchatdr.portal.base.ui.QueryValues;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeState;
import org.pchatdr.portal.change.ChangeSummary;

/**
 * Every change request, newest first, narrowed by state. The filter lives in the address
 * ({@code ?state=SUBMITTED}), so a filtered list survives a reload and can be shared.
 */
@Route("changes")
@Menu(title = "nav.changes", order = 25)
@PermitAll
class ChangeListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Select<ChangeState> state = new Select<>();
    private final Grid<ChangeSummary> grid = new Grid<>();
    private ChangeState filter;
    private boolean readingAddress;

    ChangeListView(ChangeService changes) {
        setSizeFull();
        state.setId("filter-state");
        state.setLabel(getTranslation("changes.filter.state"));
        state.setItems(ChangeState.values());
        state.setItemLabelGenerator(value ->
                value == null ? getTranslation("changes.filter.any") : getTranslation("change.state." + value));
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("changes.filter.any"));
        state.addValueChangeListener(change -> {
            if (!readingAddress) {
                getUI().ifPresent(ui -> ui.navigate(
                        "changes",
                        change.getValue() == null
                                ? QueryParameters.empty()
                                : QueryParameters.simple(
                                        Map.of("state", change.getValue().name()))));
            }
        });
        grid.setId("changes");
        grid.addComponentColumn(
                        change -> new Anchor("changes/" + change.id(), getTranslation("change.title", change.id())))
                .setHeader(getTranslation("changes.column.change"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ChangeSummary::title)
                .setHeader(getTranslation("changes.column.title"))
                .setFlexGrow(3);
        grid.addColumn(change -> getTranslation("change.type." + change.type()))
                .setHeader(getTranslation("changes.column.type"));
        grid.addColumn(change -> getTranslation("change.state." + change.state()))
                .setHeader(getTranslation("changes.column.state"));
        grid.addColumn(change -> getTranslation("change.risk." + change.risk()))
                .setHeader(getTranslation("changes.column.risk"));
        grid.addColumn(change ->
                        ChangeFormat.time(change.windowStart()) + " – " + ChangeFormat.time(change.windowEnd()))
                .setHeader(getTranslation("changes.column.window"))
                .setAutoWidth(true);
        grid.addColumn(ChangeSummary::requestedBy).setHeader(getTranslation("changes.column.requested-by"));
        grid.setItemsPageable(
                pageable -> changes.list(filter, null, null, pageable).getContent());
        add(new H2(getTranslation("changes.title")), state, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filter = QueryValues.value(event.getLocation().getQueryParameters(), "state")
                .flatMap(ChangeFormat::state)
                .orElse(null);
        readingAddress = true;
        state.setValue(filter);
        readingAddress = false;
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("changes.title");
    }
}
