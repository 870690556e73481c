package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.base.Role;

/**
 * The {@link HomeSection} of one role's card, always shown to that role: the card's id, title and
 * link are given once, and the feature only writes what the card says ({@link #fill}).
 */
public abstract class HomeCardSection implements HomeSection {

    private final Role role;
    private final String id;
    private final String titleKey;
    private final String path;

    /** The card for holders of {@code role}; the other arguments as {@link HomeCard}'s. */
    protected HomeCardSection(Role role, String id, String titleKey, String path) {
        this.role = role;
        this.id = id;
        this.titleKey = titleKey;
        this.path = path;
    }

    @Override
    public final Set<Role> roles() {
        return Set.of(role);
    }

    @Override
    public final Optional<Component> create() {
        HomeCard card = new HomeCard(id, titleKey, path);
        fill(card);
        return Optional.of(card);
    }

    /** Writes the card's figure and lines, with the one query the card needs. */
    protected abstract void fill(HomeCard card);
}
