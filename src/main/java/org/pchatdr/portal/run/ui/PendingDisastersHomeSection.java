package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
import org.pchatdr.portal.base.ui.HomeSection;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunSummary;
import org.springframework.core.annotation.Order;

/**
 * First on an approver's home while a DISASTER run waits for its approval or for the ratification
 * of its emergency start: a data center is down and someone waits on four eyes. Absent otherwise.
 */
@org.springframework.stereotype.Component
@Order(HomeSection.APPROVER_CARDS)
record PendingDisastersHomeSection(RunService runs) implements HomeSection {

    @Override
    public Set<Role> roles() {
        return Set.of(Role.APPROVER);
    }

    @Override
    public Optional<Component> create() {
        List<RunSummary> pending = runs.pendingDisasters();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        // One run: straight to it; several: the inbox, where each one is.
        String path = pending.size() == 1 ? RunFormat.runPath(pending.getFirst().id()) : "approvals";
        HomeCard card = new HomeCard("home-disasters", "home.disasters.title", path).urgent();
        card.figure(pending.size(), "home.disasters.count");
        for (RunSummary run : pending) {
            card.line(
                    RunFormat.runLink(card, run.id()),
                    new Span(" — "
                            + card.getTranslation(
                                    run.ratificationOwed() ? "home.disasters.ratify" : "home.disasters.approve",
                                    run.pool(),
                                    run.requestedBy())));
        }
        return Optional.of(card);
    }
}
