package org.pchatdr.portal.base.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * A number a feature shows next to one of its entries in the navigation (items waiting in an
 * inbox …), so that the main layout shows it without knowing the feature. Contributed as a Spring
 * bean.
 */
public interface NavigationBadge {

    /** The route of the {@code @Menu} entry the badge belongs to, without a leading slash. */
    String path();

    /**
     * How many things wait for the signed-in user; 0 hides the badge. Called only for users who see
     * the entry, so the feature may rely on the roles the entry's view requires.
     */
    int count();

    /**
     * For a badge that must stay current on every page (decision 012's way: the database is polled,
     * which works across instances): a value, read with one cheap query, that changes whenever
     * {@link #count()} or what it counts may have changed. The layout polls it and counts again only
     * when it moved. Empty for a badge counted at navigation only.
     */
    default Optional<String> stamp() {
        return Optional.empty();
    }

    /**
     * What the browser tab's title says while more wait than before ("(2) New approvals"), in
     * {@code locale}; empty for a badge that does not call for attention.
     */
    default Optional<String> news(int count, Locale locale) {
        return Optional.empty();
    }
}
