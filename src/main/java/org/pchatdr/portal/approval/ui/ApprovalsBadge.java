package org.pchatdr.portal.approval.ui;

import org.pchatdr.portal.approval.ApprovalInbox;
import org.pchatdr.portal.base.ui.NavigationBadge;
import org.springframework.stereotype.Component;

/** The number of inbox items, of every kind of subject, beside "Approvals" in the navigation. */
@Component
class ApprovalsBadge implements NavigationBadge {

    private final ApprovalInbox inbox;

    ApprovalsBadge(ApprovalInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public String path() {
        return ApprovalsView.PATH;
    }

    @Override
    public int count() {
        return inbox.count();
    }
}
