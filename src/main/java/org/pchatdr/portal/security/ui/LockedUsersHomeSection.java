package org.pchatdr.portal.security.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
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
class LockedUsersHomeSection implements HomeSection {

    private final UserAccountService users;

    LockedUsersHomeSection(UserAccountService users) {
        this.users = users;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.ADMIN);
    }

    @Override
    public Optional<Component> create() {
        HomeCard card = new HomeCard("home-locked-users", "home.locked.title", "admin/users");
        List<UserSummary> locked = users.lockedUsers();
        card.figure(locked.size(), card.getTranslation("home.locked.count", locked.size()));
        if (!locked.isEmpty()) {
            card.urgent();
        }
        return Optional.of(card.each(
                locked,
                card.getTranslation("home.locked.empty"),
                user -> card.line(card.getTranslation(
                                "home.locked.line", user.username(), PortalTime.formatToTheMinute(user.lockedUntil())))
                        .setId("home-locked-" + user.username())));
    }
}
