package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.annotation.Order;

/**
 * The administrator's card of the portal's health, as the actuator's health endpoint reports it
 * (the database and whether it takes writes, among others). It links to the endpoint; without the
 * endpoint (switched off by configuration) there is no card.
 */
@org.springframework.stereotype.Component
@Order(HomeSection.ADMIN_CARDS + 20)
record HealthHomeSection(ObjectProvider<HealthEndpoint> health) implements HomeSection {

    @Override
    public Set<Role> roles() {
        return Set.of(Role.ADMIN);
    }

    @Override
    public Optional<Component> create() {
        HealthEndpoint endpoint = health.getIfAvailable();
        if (endpoint == null) {
            return Optional.empty();
        }
        HomeCard card = new HomeCard("home-health", "home.health.title", "actuator/health").outsideTheApp();
        Status status = endpoint.health().getStatus();
        boolean up = Status.UP.equals(status);
        Div state = new Div(card.getTranslation(up ? "home.health.up" : "home.health.down", status.getCode()));
        state.setId("home-health-state");
        if (!up) {
            card.urgent();
        }
        card.lines(state);
        return Optional.of(card);
    }
}
