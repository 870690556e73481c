package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.base.ui.HomeSection;
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
        Div block = new Div();
        block.setId("overdue-ratifications");
        block.addClassName("run-warning");
        H3 heading = new H3(block.getTranslation("runs.overdue.title", overdue.size()));
        heading.setId("overdue-ratifications-title");
        block.getElement().setAttribute("role", "region");
        block.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        UnorderedList list = new UnorderedList();
        for (RunSummary run : overdue) {
            // The summary does not say who declared the emergency; the few overdue runs are read whole.
            RunView.Emergency emergency = runs.run(run.id()).emergency();
            ListItem item = new ListItem(
                    RunFormat.runLink(block, run.id()),
                    new Span(" — "
                            + block.getTranslation(
                                    "runs.overdue.item",
                                    run.pool(),
                                    emergency.declaredBy(),
                                    RunFormat.time(run.ratifyBy()))));
            item.setId("overdue-ratification-" + run.id());
            list.add(item);
        }
        block.add(heading, new Div(block.getTranslation("runs.overdue.explanation")), list);
        return Optional.of(block);
    }
}
