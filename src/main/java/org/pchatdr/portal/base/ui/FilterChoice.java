package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.select.Select;
import java.util.Collection;
import java.util.function.Function;

/**
 * A list page's filter that picks one of a few values, or none: the empty choice, captioned with the
 * page's word for "any", filters nothing. Every list page's selects read alike.
 */
public final class FilterChoice {

    private FilterChoice() {}

    /**
     * Sets up {@code select} to choose among {@code items}, each named by {@code name}, or {@code any}.
     *
     * @return {@code select}
     */
    public static <T> Select<T> of(
            Select<T> select, String id, String label, String any, Collection<T> items, Function<T, String> name) {
        select.setId(id);
        select.setLabel(label);
        select.setItems(items);
        select.setItemLabelGenerator(value -> value == null ? any : name.apply(value));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(any);
        return select;
    }
}
