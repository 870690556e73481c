package org.pchatdr.portal.approval.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.ApprovalInbox;
import org.pchatdr.portal.approval.ApprovalService;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
import org.pchatdr.portal.base.ui.HomeCardSection;
import org.pchatdr.portal.base.ui.HomeSection;
import org.springframework.core.annotation.Order;

/**
 * The approver's latest decisions, newest first, each linking to its subject: what they approved or
 * rejected lately, and whether they withdrew it. One query; the links are worded by the features.
 */
@org.springframework.stereotype.Component
@Order(HomeSection.APPROVER_CARDS + 20)
class RecentDecisionsHomeSection extends HomeCardSection {

    static final int SHOWN = 5;

    private final ApprovalService approvals;
    private final ApprovalInbox inbox;

    RecentDecisionsHomeSection(ApprovalService approvals, ApprovalInbox inbox) {
        super(Role.APPROVER, "home-decisions", "home.decisions.title", ApprovalsView.PATH);
        this.approvals = approvals;
        this.inbox = inbox;
    }

    @Override
    protected void fill(HomeCard card) {
        List<Approval> decisions = approvals.myRecentDecisions(SHOWN);
        card.each(decisions, "home.decisions.empty", decision -> {
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
        });
    }
}
