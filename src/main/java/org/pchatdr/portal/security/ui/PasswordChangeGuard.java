package org.pchatdr.portal.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.pchatdr.portal.security.UserAccountService;
import org.springframework.stereotype.Component;

/** Sends a user whose password is initial or was reset to the change-password page, whatever they open. */
@Component
record PasswordChangeGuard(UserAccountService accounts, AuthenticationContext authentication)
        implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::guard));
    }

    private void guard(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == ChangePasswordView.class || target == LoginView.class || !authentication.isAuthenticated()) {
            return;
        }
        if (accounts.mustChangePassword()) {
            event.rerouteTo(ChangePasswordView.class);
        }
    }
}
