package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.function.ValueProvider;
import java.util.List;

/**
 * One list of records of the topology (sites, SQL instances): a grid, buttons to add and remove a
 * record, and the selected record's form below. Ids follow the list's name: {@code site-grid},
 * {@code add-site}, {@code remove-site}; the button labels {@code editor.site.add} and {@code
 * editor.site.remove}.
 *
 * @param <T> the draft holder of one record
 */
class RecordList<T> extends Composite<VerticalLayout> {

    private final List<T> records;
    private final RecordForm<T> form;
    private final Grid<T> grid = new Grid<>();
    private SerializableRunnable onListChange = () -> {};
    private SerializableRunnable onRecordEdit = () -> {};

    /**
     * @param name the list's name in ids and label keys ({@code site})
     * @param records the list itself, changed in place
     * @param created a new, empty record to fill in
     */
    RecordList(String name, List<T> records, SerializableSupplier<T> created, RecordForm<T> form) {
        this.records = records;
        this.form = form;
        grid.setId(name + "-grid");
        grid.setItems(records);
        grid.setAllRowsVisible(true);
        form.setVisible(false);
        form.onEdit(() -> {
            if (form.record() != null) {
                grid.getDataProvider().refreshItem(form.record());
                onRecordEdit.run();
            }
        });
        grid.asSingleSelect().addValueChangeListener(change -> {
            form.setRecord(change.getValue());
            form.setVisible(change.getValue() != null);
        });

        Button add = new Button(getTranslation("editor." + name + ".add"), click -> {
            T record = created.get();
            records.add(record);
            grid.setItems(records);
            grid.select(record);
            onListChange.run();
        });
        add.setId("add-" + name);
        Button remove = new Button(getTranslation("editor." + name + ".remove"), click -> {
            T selected = grid.asSingleSelect().getValue();
            if (selected != null) {
                records.remove(selected);
                grid.setItems(records);
                onListChange.run();
            }
        });
        remove.setId("remove-" + name);
        getContent().add(grid, new HorizontalLayout(add, remove), form);
    }

    RecordList<T> column(ValueProvider<T, ?> value, String headerKey) {
        grid.addColumn(value).setHeader(getTranslation(headerKey));
        return this;
    }

    /** Runs after a record was added or removed. */
    void onListChange(SerializableRunnable listener) {
        onListChange = listener;
    }

    /** Runs after a field of the selected record was edited (the form's own listeners ran already). */
    void onRecordEdit(SerializableRunnable listener) {
        onRecordEdit = listener;
    }

    /** Selects the {@code index}th record and gives the component that edits its {@code field}. */
    Component reveal(int index, String field) {
        if (index < 0 || index >= records.size()) {
            return grid;
        }
        grid.select(records.get(index));
        grid.scrollToIndex(index);
        return fieldAt(field);
    }

    /** The component that edits {@code field} of the selected record, or the grid. */
    Component fieldAt(String field) {
        return form.fieldAt(field).map(Component.class::cast).orElse(grid);
    }
}
