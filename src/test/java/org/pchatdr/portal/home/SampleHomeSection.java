package org.pchatdr.portal.home;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
import org.pchatdr.portal.base.ui.HomeSection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;

/**
 * A section that serves two roles, as a new role's cards may (recent runs for auditors and
 * managers): a user who holds both must see it once. Contributed to every test context, last, so
 * that it is never a role's first card. Its title key has no translation on purpose: no production
 * bundle carries test texts. Left out when the screenshots of {@code docs/screens} are taken
 * ({@code -Dportal.screens=true}), which show the portal as people get it.
 */
@org.springframework.stereotype.Component
@ConditionalOnProperty(name = "portal.screens", havingValue = "false", matchIfMissing = true)
@Order(Integer.MAX_VALUE)
public class SampleHomeSection implements HomeSection {

    @Override
    public Set<Role> roles() {
        return Set.of(Role.OPERATOR, Role.AUDITOR);
    }

    @Override
    public Optional<Component> create() {
        return Optional.of(new HomeCard("home-sample", "sample.home", "runs"));
    }
}
