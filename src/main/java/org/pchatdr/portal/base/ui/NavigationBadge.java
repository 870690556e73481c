package org.pchatdr.portal.base.ui;

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
}
