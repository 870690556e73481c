package org.pchatdr.portal.change.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.FilterChoice;
import org.pchatdr.portal.base.ui.QueryValues;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeState;
import org.pchatdr.portal.change.ChangeSummary;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologySummary;
import org.springframework.data.domain.PageRequest;

/**
 * Every change request, newest first, narrowed by state, topology and requester. The filters live
 * in the address ({@code ?state=SUBMITTED&topology=3&requester=alice}), so a filtered list survives
 * a reload and can be shared. Operators
 * open the new request form here; {@code ?propose=<topology id>&version=<n>} opens it with that
 * version chosen (the topology page links here by address, so topology never depends on change).
 */
@Route("changes")
@Menu(title = "nav.changes", order = 25)
@PermitAll
class ChangeListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Select<ChangeState> state = new Select<>();
    private final Select<TopologySummary> topology = new Select<>();
    private final TextField requester = new TextField();
    private final Grid<ChangeSummary> grid = new Grid<>();
    private final List<TopologySummary> topologyChoices;
    private ChangeState filter;
    private Long topologyFilter;
    private String requesterFilter;
    private boolean readingAddress;
    private final ChangeService changes;
    private final TopologyService topologies;
    private final boolean operator;

    ChangeListView(ChangeService changes, TopologyService topologies, AuthenticationContext authentication) {
        this.changes = changes;
        this.topologies = topologies;
        this.operator = authentication.hasRole(Roles.OPERATOR);
        setSizeFull();
        String any = getTranslation("changes.filter.any");
        FilterChoice.of(
                        state,
                        "filter-state",
                        getTranslation("changes.filter.state"),
                        any,
                        List.of(ChangeState.values()),
                        value -> getTranslation("change.state." + value))
                .addValueChangeListener(change -> filtersChanged());
        topologyChoices = topologies.list(PageRequest.of(0, 500)).getContent();
        FilterChoice.of(
                        topology,
                        "filter-topology",
                        getTranslation("changes.filter.topology"),
                        any,
                        topologyChoices,
                        TopologySummary::name)
                .addValueChangeListener(change -> filtersChanged());
        requester.setId("filter-requester");
        requester.setLabel(getTranslation("changes.filter.requester"));
        requester.setClearButtonVisible(true);
        requester.addValueChangeListener(change -> filtersChanged());
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
        grid.setItemsPageable(pageable ->
                changes.list(filter, topologyFilter, requesterFilter, pageable).getContent());
        add(new H2(getTranslation("changes.title")));
        if (operator) {
            Button create = new Button(getTranslation("changes.new"), click -> form().open());
            create.setId("new-change");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        Anchor templates = new Anchor("change-templates", getTranslation("changes.templates"));
        templates.setId("open-templates");
        Anchor calendar = new Anchor("change-calendar", getTranslation("changes.calendar"));
        calendar.setId("open-calendar");
        HorizontalLayout filters = new HorizontalLayout(state, topology, requester);
        // On a phone the filters take two lines rather than push the page sideways.
        filters.setWrap(true);
        filters.setWidthFull();
        add(new HorizontalLayout(templates, calendar), filters, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters address = event.getLocation().getQueryParameters();
        filter = QueryValues.value(address, "state", ChangeState::valueOf).orElse(null);
        topologyFilter = QueryValues.value(address, "topology", Long::valueOf).orElse(null);
        requesterFilter = QueryValues.value(address, "requester").orElse(null);
        readingAddress = true;
        state.setValue(filter);
        topology.setValue(topologyChoices.stream()
                .filter(each -> topologyFilter != null && each.id() == topologyFilter)
                .findFirst()
                .orElse(null));
        requester.setValue(requesterFilter == null ? "" : requesterFilter);
        readingAddress = false;
        grid.getDataProvider().refreshAll();
        if (operator) {
            QueryParameters query = event.getLocation().getQueryParameters();
            Optional<Long> topology = QueryValues.value(query, "propose", Long::valueOf);
            Optional<Long> version = QueryValues.value(query, "version", Long::valueOf);
            if (topology.isPresent() && version.isPresent()) {
                form().propose(topology.get(), Math.toIntExact(version.get()));
            }
        }
    }

    /** A filter moved: the address takes every filter set, and the list follows the address. */
    private void filtersChanged() {
        if (readingAddress) {
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (state.getValue() != null) {
            query.put("state", state.getValue().name());
        }
        if (topology.getValue() != null) {
            query.put("topology", Long.toString(topology.getValue().id()));
        }
        if (!requester.getValue().isBlank()) {
            query.put("requester", requester.getValue().strip());
        }
        getUI().ifPresent(ui -> ui.navigate("changes", QueryParameters.simple(query)));
    }

    private NewChangeDialog form() {
        return new NewChangeDialog(
                changes, topologies.list(PageRequest.of(0, 500)).getContent());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("changes.title");
    }
}
