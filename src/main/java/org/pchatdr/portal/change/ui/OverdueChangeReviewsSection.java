package org.pchatdr.portal.change.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.base.ui.HomeSection;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeSummary;
import org.springframework.core.annotation.Order;

/** Mandatory post-implementation reviews overdue, on everyone's home page: reviews nobody writes are the failure. */
@org.springframework.stereotype.Component
@Order(10)
class OverdueChangeReviewsSection implements HomeSection {

    private final ChangeService changes;

    OverdueChangeReviewsSection(ChangeService changes) {
        this.changes = changes;
    }

    @Override
    public Optional<Component> create() {
        List<ChangeSummary> overdue = changes.overdueReviews();
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        Div block = new Div();
        block.setId("overdue-reviews");
        block.addClassName("run-warning");
        H3 heading = new H3(block.getTranslation("changes.overdue.title", overdue.size()));
        heading.setId("overdue-reviews-title");
        block.getElement().setAttribute("role", "region");
        block.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        UnorderedList list = new UnorderedList();
        for (ChangeSummary change : overdue) {
            ListItem item = new ListItem(
                    new Anchor("changes/" + change.id(), block.getTranslation("change.title", change.id())),
                    new Span(" — " + change.title() + " · " + block.getTranslation("change.state." + change.state())));
            item.setId("overdue-review-" + change.id());
            list.add(item);
        }
        block.add(heading, list);
        return Optional.of(block);
    }
}
