package org.pchatdr.portal.review.ui;

import org.pchatdr.portal.base.ui.NavigationBadge;
import org.pchatdr.portal.review.ReviewService;
import org.springframework.stereotype.Component;

/** How many reviews wait on the signed-in manager, beside "Reviews" in the navigation. */
@Component
record ReviewsBadge(ReviewService reviews) implements NavigationBadge {

    @Override
    public String path() {
        return ReviewListView.PATH;
    }

    @Override
    public int count() {
        return reviews.waitingCount();
    }
}
