package org.pchatdr.portal.base.ui;

import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that leads nowhere, or a page that found nothing to show (a run or a topology that
 * does not exist). Public, so that Vaadin's and Karibu's scans find it. {@code @PermitAll}: an
 * error view needs an access rule of its own; a visitor not signed in goes to the sign-in page.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends ShellErrorView<NotFoundException> {

    NotFoundView() {
        super("not-found", HttpServletResponse.SC_NOT_FOUND);
    }
}
