package org.pchatdr.portal.change.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.base.ui.HomeSection;
import org.pchatdr.portal.base.ui.HomeWarning;
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
        HomeWarning block = new HomeWarning("overdue-reviews", "changes.overdue.title", overdue.size());
        for (ChangeSummary change : overdue) {
            block.line(
                    "overdue-review-" + change.id(),
                    new Anchor("changes/" + change.id(), block.getTranslation("change.title", change.id())),
                    change.title() + " · " + block.getTranslation("change.state." + change.state()));
        }
        return Optional.of(block);
    }
}
