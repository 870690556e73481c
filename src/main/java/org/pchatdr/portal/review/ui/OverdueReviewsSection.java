package org.pchatdr.portal.review.ui;

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
import org.pchatdr.portal.review.Finding;
import org.pchatdr.portal.review.ReviewService;
import org.pchatdr.portal.review.ReviewSummary;
import org.springframework.core.annotation.Order;

/** Overdue reviews and findings on everyone's home page: a drill nobody signs off is not forgotten. */
@org.springframework.stereotype.Component
@Order(10)
record OverdueReviewsSection(ReviewService reviews) implements HomeSection {

    @Override
    public Optional<Component> create() {
        List<ReviewSummary> late = reviews.overdueReviews();
        List<Finding> lateFindings = reviews.overdueFindings();
        if (late.isEmpty() && lateFindings.isEmpty()) {
            return Optional.empty();
        }
        Div block = new Div();
        // Ids of its own: change control's section lists overdue change reviews under overdue-review-<id>.
        block.setId("overdue-run-reviews");
        block.addClassName("run-warning");
        block.getElement().setAttribute("role", "region");
        if (!late.isEmpty()) {
            block.add(new H3(block.getTranslation("home.overdue-reviews.title", late.size())));
            UnorderedList list = new UnorderedList();
            for (ReviewSummary review : late) {
                ListItem item = new ListItem(
                        new Anchor("reviews/" + review.runId(), block.getTranslation("runs.run", review.runId())),
                        new Span(" — "
                                + block.getTranslation(
                                        "home.overdue-reviews.item",
                                        review.runId(),
                                        review.pool(),
                                        ReviewFormat.time(review.dueAt()))));
                item.setId("overdue-run-review-" + review.runId());
                list.add(item);
            }
            block.add(list);
        }
        if (!lateFindings.isEmpty()) {
            block.add(new OverdueFindingsList(lateFindings, "overdue-finding-"));
        }
        return Optional.of(block);
    }
}
