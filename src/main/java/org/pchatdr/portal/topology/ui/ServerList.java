package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.function.SerializableSupplier;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pchatdr.portal.topology.TopologyValues.Kind;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftPool;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftServer;

/**
 * A pool's servers, edited in their rows: a server is three values, so its row is its form. Unlike
 * the forms, a row writes what is typed even when the format refuses it (the field says why, and
 * the save check refuses the draft), because the grid makes a row's fields only when it shows the
 * row: there is no form to validate all of them before a save.
 */
class ServerList extends Composite<VerticalLayout> {

    private final Grid<DraftServer> grid = new Grid<>();
    private final SerializableSupplier<List<String>> siteIds;
    private final SerializableRunnable onEdit;
    /** The components of the rows shown so far, by server and field of the format. */
    private final Map<DraftServer, Map<String, Component>> cells = new IdentityHashMap<>();

    private DraftPool pool;

    ServerList(SerializableSupplier<List<String>> siteIds, SerializableRunnable onEdit) {
        this.siteIds = siteIds;
        this.onEdit = onEdit;
        grid.setId("server-grid");
        grid.addComponentColumn(server -> cell(server, "fqdn", fqdn(server)))
                .setKey("fqdn")
                .setHeader(getTranslation("editor.server.fqdn"))
                .setFlexGrow(2);
        grid.addComponentColumn(server -> cell(server, "site", site(server)))
                .setKey("site")
                .setHeader(getTranslation("editor.server.site"));
        grid.addComponentColumn(server -> cell(server, "active", active(server)))
                .setKey("active")
                .setHeader(getTranslation("editor.server.active"));
        grid.addComponentColumn(this::removeButton).setKey("remove");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        Button add = new Button(getTranslation("editor.server.add"), click -> {
            pool.servers.add(new DraftServer(pool.primarySite));
            grid.setItems(pool.servers);
            onEdit.run();
        });
        add.setId("add-server");
        getContent().add(grid, add);
    }

    /** Shows {@code pool}'s servers. */
    void show(DraftPool pool) {
        this.pool = pool;
        cells.clear();
        grid.setItems(pool.servers);
    }

    /** The site choices changed: the rows are made again. */
    void refreshChoices() {
        cells.clear();
        grid.getDataProvider().refreshAll();
    }

    Grid<DraftServer> grid() {
        return grid;
    }

    /** Selects the {@code index}th server and gives the component of its {@code field}, or the grid. */
    Component reveal(int index, String field) {
        if (index < 0 || index >= pool.servers.size()) {
            return grid;
        }
        DraftServer server = pool.servers.get(index);
        grid.select(server);
        grid.scrollToIndex(index);
        return Optional.ofNullable(cells.getOrDefault(server, Map.of()).get(field))
                .orElse(grid);
    }

    private Component cell(DraftServer server, String field, Component component) {
        cells.computeIfAbsent(server, key -> new HashMap<>()).put(field, component);
        return component;
    }

    private TextField fqdn(DraftServer server) {
        TextField fqdn = new TextField();
        fqdn.setWidthFull();
        fqdn.setAriaLabel(getTranslation("editor.server.fqdn"));
        fqdn.setValue(server.fqdn == null ? "" : server.fqdn);
        showProblem(fqdn);
        fqdn.addValueChangeListener(change -> {
            server.fqdn = change.getValue();
            showProblem(fqdn);
            onEdit.run();
        });
        return fqdn;
    }

    private static void showProblem(TextField fqdn) {
        Optional<String> problem = FormatCheck.problem(fqdn, Kind.FQDN, fqdn.getValue());
        fqdn.setInvalid(problem.isPresent());
        fqdn.setErrorMessage(problem.orElse(null));
    }

    private Select<String> site(DraftServer server) {
        Select<String> site = new Select<>();
        site.setAriaLabel(getTranslation("editor.server.site"));
        List<String> choices = siteIds.get();
        site.setItems(choices);
        site.setValue(choices.contains(server.site) ? server.site : null);
        site.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                server.site = change.getValue();
                onEdit.run();
            }
        });
        return site;
    }

    private Checkbox active(DraftServer server) {
        Checkbox active = new Checkbox(server.active);
        active.setAriaLabel(getTranslation("editor.server.active"));
        active.addValueChangeListener(change -> {
            server.active = change.getValue();
            onEdit.run();
        });
        return active;
    }

    private Button removeButton(DraftServer server) {
        Button remove = new Button(getTranslation("editor.server.remove"), click -> {
            pool.servers.remove(server);
            grid.setItems(pool.servers);
            onEdit.run();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        remove.addClassName("remove-server");
        return remove;
    }
}
