package org.pchatdr.portal.base.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page the user's roles do not open. Vaadin's navigation access control reroutes a refused
 * navigation to the {@code HasErrorParameter<AccessDeniedException>} view; without one its default
 * shows a bare "Could not navigate" text
 * (https://vaadin.com/docs/latest/flow/security/access-control/error-views). Saying "not for your
 * role" tells that the page exists; every signed-in user sees the navigation of the portal's pages
 * anyway, and the refusal is what the user needs to know to ask for the right role.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends ShellErrorView<AccessDeniedException> {

    AccessDeniedView() {
        super("forbidden", HttpServletResponse.SC_FORBIDDEN);
    }
}
