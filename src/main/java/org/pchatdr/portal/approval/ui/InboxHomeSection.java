package org.pchatdr.portal.approval.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.pchatdr.portal.approval.ApprovalInbox;
import org.pchatdr.portal.approval.WaitingItem;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
import org.pchatdr.portal.base.ui.HomeCardSection;
import org.pchatdr.portal.base.ui.HomeSection;
import org.springframework.core.annotation.Order;

/**
 * The approver's card of what waits on them, oldest first, each item linking to the page where
 * they decide; the whole inbox is one click away. Its count follows the live badge.
 */
@org.springframework.stereotype.Component
@Order(HomeSection.APPROVER_CARDS + 10)
class InboxHomeSection extends HomeCardSection {

    static final int SHOWN = 5;

    private final ApprovalInbox inbox;

    InboxHomeSection(ApprovalInbox inbox) {
        super(Role.APPROVER, "home-inbox", "home.inbox.title", ApprovalsView.PATH);
        this.inbox = inbox;
    }

    @Override
    protected void fill(HomeCard card) {
        List<WaitingItem> items = inbox.items(card.locale());
        card.figure(items.size(), "home.inbox.count");
        card.each(
                items.subList(0, Math.min(SHOWN, items.size())),
                "approvals.empty",
                item -> card.line(
                        new Anchor(item.path(), item.title()),
                        new Span(" — " + item.need() + " · " + item.kindLabel() + " · " + item.summary())));
        if (items.size() > SHOWN) {
            card.lines(new Anchor(ApprovalsView.PATH, card.getTranslation("home.inbox.all", items.size())));
        }
    }
}
