package org.pchatdr.portal.approval.ui;

import java.util.Locale;
import java.util.Optional;
import org.pchatdr.portal.approval.ApprovalInbox;
import org.pchatdr.portal.base.ui.NavigationBadge;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The number of inbox items, of every kind of subject, beside "Approvals" in the navigation. Live:
 * the layout polls the inbox's stamp, so that an approver learns on any page that something new
 * waits, and the tab's title says so while they work elsewhere.
 */
@Component
record ApprovalsBadge(ApprovalInbox inbox, MessageSource messages) implements NavigationBadge {

    @Override
    public String path() {
        return ApprovalsView.PATH;
    }

    @Override
    public int count() {
        return inbox.count();
    }

    @Override
    public Optional<String> stamp() {
        return Optional.of(inbox.stamp());
    }

    @Override
    public Optional<String> news(int count, Locale locale) {
        return Optional.of(messages.getMessage("home.approvals.news", new Object[] {count}, locale));
    }
}
