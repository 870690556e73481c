package org.pchatdr.portal.run.ui;

import org.pchatdr.portal.base.ui.NavigationBadge;
import org.pchatdr.portal.run.RunService;
import org.springframework.stereotype.Component;

/** The number of inbox items beside "Approvals" in the navigation. */
@Component
class ApprovalsBadge implements NavigationBadge {

    private final RunService runs;

    ApprovalsBadge(RunService runs) {
        this.runs = runs;
    }

    @Override
    public String path() {
        return ApprovalsView.PATH;
    }

    @Override
    public int count() {
        return runs.inbox().size();
    }
}
