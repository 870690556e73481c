package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.base.ui.HomeSection;
import org.pchatdr.portal.base.ui.HomeWarning;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunSummary;
import org.pchatdr.portal.run.RunView;
import org.springframework.core.annotation.Order;

/**
 * Emergency starts whose ratification is overdue, on everyone's home page: a run started without
 * its approvals must not be forgotten.
 */
@org.springframework.stereotype.Component
@Order(0)
class OverdueRatificationsSection implements HomeSection {

    private final RunService runs;

    OverdueRatificationsSection(RunService runs) {
        this.runs = runs;
    }

    @Override
    public Optional<Component> create() {
        List<RunSummary> overdue = runs.overdueRatifications();
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        HomeWarning block = new HomeWarning("overdue-ratifications", "runs.overdue.title", overdue.size());
        block.explanation(block.getTranslation("runs.overdue.explanation"));
        for (RunSummary run : overdue) {
            // The summary does not say who declared the emergency; the few overdue runs are read whole.
            RunView.Emergency emergency = runs.run(run.id()).emergency();
            block.line(
                    "overdue-ratification-" + run.id(),
                    RunFormat.runLink(block, run.id()),
                    block.getTranslation(
                            "runs.overdue.item", run.pool(), emergency.declaredBy(), RunFormat.time(run.ratifyBy())));
        }
        return Optional.of(block);
    }
}
