package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something a feature puts on every signed-in user's home page (a warning, a summary), so that the
 * home page shows it without knowing the feature. Contributed as a Spring bean; sections appear in
 * their {@code @Order} below the welcome.
 */
public interface HomeSection {

    /** A new component for the signed-in user's home page; empty when there is nothing to show. */
    Optional<Component> create();
}
