package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One card of the home page: a title that links straight to the page where the user acts, an
 * optional figure (what waits, how many), and the card's lines. Every feature's {@link HomeSection}
 * builds its cards with it, so that the home page reads as one cockpit.
 */
public class HomeCard extends Section {

    private final Div body = new Div();
    private final Anchor link;
    private UnorderedList list;

    /**
     * @param id the card's id, {@code home-…}; its title link is {@code id + "-link"}
     * @param titleKey the translation key of the card's title
     * @param path where the title leads, without a leading slash
     */
    public HomeCard(String id, String titleKey, String path) {
        setId(id);
        addClassName("home-card");
        link = new Anchor(path, getTranslation(titleKey));
        link.setId(id + "-link");
        H3 heading = new H3(link);
        heading.setId(id + "-title");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        body.addClassName("home-card-body");
        add(heading, body);
    }

    /** The reader's language, for texts a service words (an inbox item). */
    public Locale locale() {
        return getLocale();
    }

    /**
     * A number shown large beside the title, with what it counts in words for screen readers: the
     * text of {@code meaningKey}, given the number.
     */
    public HomeCard figure(long value, String meaningKey) {
        String meaning = getTranslation(meaningKey, value);
        Span figure = new Span(Long.toString(value));
        figure.setId(getId().orElseThrow() + "-figure");
        figure.addClassName("home-card-figure");
        figure.getElement().setAttribute("aria-label", meaning);
        figure.getElement().setAttribute("title", meaning);
        addComponentAsFirst(figure);
        return this;
    }

    /** Adds lines to the card's body. */
    public HomeCard lines(Component... lines) {
        body.add(lines);
        return this;
    }

    /**
     * Adds one item to the card's list (a run, a user, a policy …), made of {@code parts}; the list
     * takes its place in the body at the first item. The item is returned for its id.
     */
    public ListItem line(Component... parts) {
        return addLine(new ListItem(parts));
    }

    /** Adds one item of plain text to the card's list, as {@link #line(Component...)}. */
    public ListItem line(String text) {
        return addLine(new ListItem(text));
    }

    private ListItem addLine(ListItem line) {
        if (list == null) {
            list = new UnorderedList();
            body.add(list);
        }
        line.addClassName("home-line");
        list.add(line);
        return line;
    }

    /**
     * One line for each of {@code items}, written by {@code line}; or, when there is none, the line
     * that says so (the text of {@code emptyKey}, see {@link #empty}): how every listing card of the
     * home page reads, so that none of them is left blank.
     */
    public <T> HomeCard each(List<T> items, String emptyKey, Consumer<? super T> line) {
        if (items.isEmpty()) {
            return empty(getTranslation(emptyKey));
        }
        items.forEach(line);
        return this;
    }

    /** A line that says there is nothing to show, so an empty card still tells where things stand. */
    public HomeCard empty(String text) {
        Div empty = new Div(text);
        empty.setId(getId().orElseThrow() + "-empty");
        empty.addClassName("home-card-empty");
        body.add(empty);
        return this;
    }

    /** For a title that leads out of the application (an actuator endpoint): the router leaves it be. */
    public HomeCard outsideTheApp() {
        link.getElement().setAttribute("router-ignore", true);
        return this;
    }

    /** Marks the card as calling for action now (a disaster waits, a user is locked out). */
    public HomeCard urgent() {
        addClassName("home-card-urgent");
        return this;
    }
}
