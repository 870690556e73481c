package org.pchatdr.portal.approval.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.ApprovalInbox;
import org.pchatdr.portal.approval.ApprovalService;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
import org.pchatdr.portal.base.ui.HomeSection;
import org.springframework.core.annotation.Order;

/**
 * The approver's latest decisions, newest first, each linking to its subject: what they approved or
 * rejected lately, and whether they withdrew it. One query; the links are worded by the features.
 */
@org.springframework.stereotype.Component
@Order(HomeSection.APPROVER_CARDS + 20)
class RecentDecisionsHomeSection implements HomeSection {

    static final int SHOWN = 5;

    private final ApprovalService approvals;
    private final ApprovalInbox inbox;

    RecentDecisionsHomeSection(ApprovalService approvals, ApprovalInbox inbox) {
        this.approvals = approvals;
        this.inbox = inbox;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.APPROVER);
    }

    @Override
    public Optional<Component> create() {
        HomeCard card = new HomeCard("home-decisions", "home.decisions.title", ApprovalsView.PATH);
        List<Approval> decisions = approvals.myRecentDecisions(SHOWN);
        return Optional.of(card.each(decisions, card.getTranslation("home.decisions.empty"), decision -> {
            var link = inbox.link(decision.subject(), card.locale());
            Component subject = link.<Component>map(found -> new Anchor(found.path(), found.title()))
                    .orElseGet(() -> new Span(decision.subject().toString()));
            String said = card.getTranslation(
                    "home.decisions." + decision.decision().name() + (decision.isWithdrawn() ? ".withdrawn" : ""));
            card.line(
                    subject,
                    new Span(" — "
                            + card.getTranslation(
                                    "home.decisions.line", said, PortalTime.formatToTheMinute(decision.decidedAt()))));
        }));
    }
}
