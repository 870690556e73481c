package org.pchatdr.portal.change.ui;

import com.vaadin.flow.component.html.Anchor;
import java.util.Optional;
import org.pchatdr.portal.base.ui.HomeSection;
import org.pchatdr.portal.base.ui.HomeWarning;
import org.pchatdr.portal.change.ChangeService;
import org.springframework.core.annotation.Order;

/** Mandatory post-implementation reviews overdue, on everyone's home page: reviews nobody writes are the failure. */
@org.springframework.stereotype.Component
@Order(10)
record OverdueChangeReviewsSection(ChangeService changes) implements HomeSection {

    @Override
    public Optional<HomeWarning> create() {
        return HomeWarning.of(
                "overdue-reviews",
                "changes.overdue.title",
                changes.overdueReviews(),
                (block, change) -> block.line(
                        "overdue-review-" + change.id(),
                        new Anchor("changes/" + change.id(), block.getTranslation("change.title", change.id())),
                        change.title() + " · " + block.getTranslation("change.state." + change.state())));
    }
}
