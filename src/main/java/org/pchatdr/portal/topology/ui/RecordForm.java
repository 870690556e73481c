package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.function.SerializablePredicate;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.function.ValueProvider;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pchatdr.portal.topology.TopologyValues;
import org.pchatdr.portal.topology.TopologyValues.Kind;

/**
 * The form of one kind of record of the topology, with its own {@code Binder}: Vaadin's form
 * pattern. A subclass lays out its fields and binds them; this class gives them the format's own
 * value rules ({@link FormatCheck}), keeps the choices of site and instance ids current, and finds
 * the field a path of the format points at, so that a rule finding can be shown where it is fixed.
 *
 * @param <T> the draft holder the form edits
 */
abstract class RecordForm<T> extends Composite<FormLayout> {

    private static final List<String> ZONES =
            ZoneId.getAvailableZoneIds().stream().sorted().toList();

    protected final Binder<T> binder = new Binder<>();
    private final List<Select<String>> siteChoices = new ArrayList<>();
    private final List<Select<String>> instanceChoices = new ArrayList<>();
    /** The bound fields by their name in the format, given with their binding. */
    private final Map<String, Component> fields = new HashMap<>();

    /** Shows {@code record}'s values, or none; edits go straight into it. */
    void setRecord(T record) {
        binder.setBean(record);
    }

    T record() {
        return binder.getBean();
    }

    /** Runs after every edit of a field (the editor checks the rules again). */
    void onEdit(SerializableRunnable listener) {
        binder.addValueChangeListener(change -> listener.run());
    }

    /** Marks every field the format refuses; {@code false} when there is one. An unbound form is valid. */
    boolean validate() {
        return binder.getBean() == null || binder.validate().isOk();
    }

    /**
     * The component that edits a field of this record ({@code share}, {@code nextHopPool.fqdn}), or
     * the closest enclosing one ({@code logShipping.share} → {@code logShipping}); the empty name is
     * the record as a whole.
     */
    final Optional<Component> fieldAt(String path) {
        String name = path;
        while (true) {
            Component field = field(name);
            if (field != null) {
                return Optional.of(field);
            }
            if (name.isEmpty()) {
                return Optional.empty();
            }
            int dot = name.lastIndexOf('.');
            name = dot < 0 ? "" : name.substring(0, dot);
        }
    }

    /**
     * The component for exactly this field name of the format, or {@code null}: the field bound
     * under that name, or the one that stands for the {@link #wholeRecord whole record}.
     */
    protected Component field(String name) {
        return fields.get(name);
    }

    /** The field a finding about the record as a whole (the empty path) points at. */
    protected void wholeRecord(Component field) {
        fields.put("", field);
    }

    /** Binds {@code field} as the format's field {@code name}: {@link #field} finds it by that name. */
    private <V> Binder.BindingBuilder<T, V> forField(String name, HasValue<?, V> field) {
        fields.put(name, (Component) field);
        return binder.forField(field);
    }

    /**
     * After an id changed somewhere, the choices follow. Setting the items of a bound select would
     * write its cleared value into the record, so the record is unbound meanwhile and read again.
     */
    void refreshChoices(List<String> siteIds, List<String> instanceIds) {
        if (siteChoices.isEmpty() && instanceChoices.isEmpty()) {
            return;
        }
        T record = binder.getBean();
        binder.setBean(null);
        siteChoices.forEach(select -> select.setItems(siteIds));
        instanceChoices.forEach(select -> select.setItems(instanceIds));
        if (record != null) {
            binder.setBean(record);
        }
    }

    // ---- Fields, each with its id (the tests and the browser find them by it)

    protected TextField text(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setWidthFull();
        return field;
    }

    protected IntegerField number(String id, String labelKey, Integer min, Integer max) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        if (min != null) {
            field.setMin(min);
        }
        if (max != null) {
            field.setMax(max);
        }
        field.setStepButtonsVisible(true);
        return field;
    }

    protected ComboBox<String> timeZone(String id, String labelKey) {
        ComboBox<String> zone = new ComboBox<>(getTranslation(labelKey));
        zone.setId(id);
        zone.setItems(ZONES);
        return zone;
    }

    protected Select<String> siteSelect(String id, String labelKey, List<String> siteIds) {
        return choice(id, labelKey, siteIds, siteChoices);
    }

    /** An instance, or none. */
    protected Select<String> instanceSelect(String id, String labelKey, List<String> instanceIds) {
        Select<String> select = choice(id, labelKey, instanceIds, instanceChoices);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("editor.none"));
        return select;
    }

    /**
     * A choice among fixed {@code values} (a version, a kind of link), each shown as {@code label} says,
     * or as itself when {@code label} is {@code null}.
     */
    protected <V> Select<V> select(String id, String labelKey, List<V> values, ItemLabelGenerator<V> label) {
        Select<V> select = new Select<>();
        select.setId(id);
        select.setLabel(getTranslation(labelKey));
        select.setItems(values);
        select.setItemLabelGenerator(label);
        return select;
    }

    /** A choice among ids, kept in {@code choices} to follow when they change. */
    private Select<String> choice(String id, String labelKey, List<String> ids, List<Select<String>> choices) {
        // Ids stand for themselves: a label generator would also name the empty choice ("null").
        Select<String> select = select(id, labelKey, ids, null);
        choices.add(select);
        return select;
    }

    // ---- Bindings

    protected void required(
            String name, TextField field, Kind kind, ValueProvider<T, String> getter, Setter<T, String> setter) {
        field.setMaxLength(kind.maxLength());
        forField(name, field)
                .asRequired(getTranslation("editor.required"))
                .withValidator(new FormatCheck(kind))
                .bind(getter, setter);
    }

    /** An optional value: empty is {@code null} in the record and always valid. */
    protected void optional(
            String name, TextField field, Kind kind, ValueProvider<T, String> getter, Setter<T, String> setter) {
        field.setMaxLength(kind.maxLength());
        field.setClearButtonVisible(true);
        FormatCheck check = new FormatCheck(kind);
        forField(name, field)
                .withValidator((value, context) ->
                        value == null || value.isEmpty() ? ValidationResult.ok() : check.apply(value, context))
                .withNullRepresentation("")
                .bind(getter, setter);
    }

    protected void zone(
            String name, ComboBox<String> field, ValueProvider<T, String> getter, Setter<T, String> setter) {
        forField(name, field)
                .asRequired(getTranslation("editor.required"))
                .withValidator(new FormatCheck(Kind.TIME_ZONE))
                .bind(getter, setter);
    }

    /** A value with no rule: a check box, a choice that may be none. */
    protected <V> void free(String name, HasValue<?, V> field, ValueProvider<T, V> getter, Setter<T, V> setter) {
        forField(name, field).bind(getter, setter);
    }

    /** A required choice: a site, a version, a kind of link. */
    protected <V> void chosen(String name, HasValue<?, V> field, ValueProvider<T, V> getter, Setter<T, V> setter) {
        forField(name, field).asRequired(getTranslation("editor.required")).bind(getter, setter);
    }

    protected void port(String name, IntegerField field, ValueProvider<T, Integer> getter, Setter<T, Integer> setter) {
        forField(name, field)
                .asRequired(getTranslation("editor.required"))
                .withValidator(TopologyValues::isPort, getTranslation("editor.port.range"))
                .bind(getter, setter);
    }

    /** Minutes of an objective, a delay or an alert threshold, or of a log shipping schedule ({@code schedule}). */
    protected void minutes(
            String name,
            IntegerField field,
            boolean schedule,
            ValueProvider<T, Integer> getter,
            Setter<T, Integer> setter) {
        SerializablePredicate<Integer> valid =
                schedule ? value -> TopologyValues.isScheduleMinutes(value) : value -> TopologyValues.isMinutes(value);
        forField(name, field)
                .asRequired(getTranslation("editor.required"))
                .withValidator(
                        valid, getTranslation(schedule ? "editor.minutes.schedule-range" : "editor.minutes.range"))
                .bind(getter, setter);
    }
}
