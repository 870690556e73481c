package org.pchatdr.portal.base.ui;

/**
 * Hides a navigation entry from signed-in users whom its view's roles let in but whom it does not
 * serve (the change of a password the portal does not keep, issue 12), so that the main layout
 * hides it without knowing the feature (decision 010). Contributed as a Spring bean.
 */
public interface NavigationFilter {

    /** Whether the signed-in user should not see the {@code @Menu} entry of {@code path} (no leading slash). */
    boolean hides(String path);
}
