package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A warning on everyone's home page, above the cards, of things overdue that must not be forgotten
 * (an emergency start nobody ratified, a review nobody wrote): a region titled by its heading, and
 * one line per overdue thing. Every feature's {@link HomeSection} of that kind builds it here, so
 * that the warnings read alike.
 */
public class HomeWarning extends Div {

    private final UnorderedList list = new UnorderedList();

    /**
     * @param id the region's id; its heading is {@code id + "-title"}
     * @param titleKey the translation key of the heading, with its {@code arguments}
     */
    public HomeWarning(String id, String titleKey, Object... arguments) {
        setId(id);
        addClassName("run-warning");
        H3 heading = new H3(getTranslation(titleKey, arguments));
        heading.setId(id + "-title");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        add(heading);
    }

    /**
     * The warning of the {@code overdue} things, titled by {@code titleKey} given their number, with
     * one line each that {@code line} writes; none while nothing is overdue.
     */
    public static <T> Optional<HomeWarning> of(
            String id, String titleKey, List<T> overdue, BiConsumer<HomeWarning, ? super T> line) {
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        HomeWarning warning = new HomeWarning(id, titleKey, overdue.size());
        overdue.forEach(item -> line.accept(warning, item));
        return Optional.of(warning);
    }

    /** A paragraph that says why the warning matters, between the heading and the lines. */
    public HomeWarning explanation(String text) {
        addComponentAtIndex(1, new Div(text));
        return this;
    }

    /** One overdue thing, {@code id}: a link to where it is dealt with, then what is overdue. */
    public HomeWarning line(String id, Component link, String what) {
        ListItem item = new ListItem(link, new Span(" — " + what));
        item.setId(id);
        if (list.getParent().isEmpty()) {
            add(list);
        }
        list.add(item);
        return this;
    }
}
