package org.pchatdr.portal.security.ui;

import org.pchatdr.portal.base.ui.NavigationFilter;
import org.pchatdr.portal.security.UserAccountService;
import org.springframework.stereotype.Component;

/** "Change password" only for accounts whose password the portal keeps (issue 12). */
@Component
class LocalPasswordsOnly implements NavigationFilter {

    private final UserAccountService accounts;

    LocalPasswordsOnly(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean hides(String path) {
        return ChangePasswordView.PATH.equals(path) && !accounts.ownsPassword();
    }
}
