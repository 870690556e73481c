package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.base.Role;

/**
 * Something a feature puts on the home page (a card of the role's cockpit, a warning), so that the
 * home page shows it without knowing the feature. Contributed as a Spring bean; sections appear in
 * their {@code @Order} below the welcome, each once, whatever number of the user's roles it serves.
 * A new role's home is a new section bean naming that role.
 */
public interface HomeSection {

    /*
     * Where each role's cards go, for the sections' @Order: what calls for a decision first, then
     * what is under way, what is to be checked, and what is to be administered. Sections for every
     * user (an overdue ratification) come before all of them.
     */
    int APPROVER_CARDS = 100;
    int OPERATOR_CARDS = 200;
    int AUDITOR_CARDS = 300;
    int ADMIN_CARDS = 400;

    /**
     * The roles whose holders see the section; empty for every signed-in user. The home page calls
     * {@link #create()} only for a user who holds one of them, so the section may rely on the roles
     * its services require.
     */
    default Set<Role> roles() {
        return Set.of();
    }

    /**
     * A new component for the signed-in user's home page; empty when there is nothing to show. Made
     * again whenever a live count of the navigation changes (decision 010): one cheap query, no
     * query per row.
     */
    Optional<? extends Component> create();
}
