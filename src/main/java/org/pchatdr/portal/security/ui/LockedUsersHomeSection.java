package org.pchatdr.portal.security.ui;

import java.util.List;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
import org.pchatdr.portal.base.ui.HomeCardSection;
import org.pchatdr.portal.base.ui.HomeSection;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.security.UserSummary;
import org.springframework.core.annotation.Order;

/**
 * The administrator's card of accounts locked by wrong passwords, until when, linking to the user
 * administration where they can be unlocked. One query.
 */
@org.springframework.stereotype.Component
@Order(HomeSection.ADMIN_CARDS)
class LockedUsersHomeSection extends HomeCardSection {

    private final UserAccountService users;

    LockedUsersHomeSection(UserAccountService users) {
        super(Role.ADMIN, "home-locked-users", "home.locked.title", "admin/users");
        this.users = users;
    }

    @Override
    protected void fill(HomeCard card) {
        List<UserSummary> locked = users.lockedUsers();
        card.figure(locked.size(), "home.locked.count");
        if (!locked.isEmpty()) {
            card.urgent();
        }
        card.each(
                locked,
                "home.locked.empty",
                user -> card.line(card.getTranslation(
                                "home.locked.line", user.username(), PortalTime.formatToTheMinute(user.lockedUntil())))
                        .setId("home-locked-" + user.username()));
    }
}
