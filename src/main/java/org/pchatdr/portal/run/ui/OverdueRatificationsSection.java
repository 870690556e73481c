package org.pchatdr.portal.run.ui;

import java.util.Optional;
import org.pchatdr.portal.base.ui.HomeSection;
import org.pchatdr.portal.base.ui.HomeWarning;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.springframework.core.annotation.Order;

/**
 * Emergency starts whose ratification is overdue, on everyone's home page: a run started without
 * its approvals must not be forgotten.
 */
@org.springframework.stereotype.Component
@Order(0)
record OverdueRatificationsSection(RunService runs) implements HomeSection {

    @Override
    public Optional<HomeWarning> create() {
        return HomeWarning.of(
                        "overdue-ratifications", "runs.overdue.title", runs.overdueRatifications(), (block, run) -> {
                            // The summary does not say who declared the emergency; the few overdue runs are read whole.
                            RunView.Emergency emergency = runs.run(run.id()).emergency();
                            block.line(
                                    "overdue-ratification-" + run.id(),
                                    RunFormat.runLink(block, run.id()),
                                    block.getTranslation(
                                            "runs.overdue.item",
                                            run.pool(),
                                            emergency.declaredBy(),
                                            RunFormat.time(run.ratifyBy())));
                        })
                .map(block -> block.explanation(block.getTranslation("runs.overdue.explanation")));
    }
}
