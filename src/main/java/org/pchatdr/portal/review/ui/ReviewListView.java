package org.pchatdr.portal.review.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.review.Finding;
import org.pchatdr.portal.review.ReviewService;
import org.pchatdr.portal.review.ReviewState;
import org.pchatdr.portal.review.ReviewSummary;

/**
 * Reviews of ended runs: by default what waits on the signed-in manager (the manager's inbox), or
 * every review in one state. The choice lives in the address ({@code ?state=SIGNED_OFF}).
 */
@Route(ReviewListView.PATH)
@Menu(title = "nav.reviews", order = 35)
@RolesAllowed({Roles.MANAGER, Roles.AUDITOR, Roles.ADMIN})
class ReviewListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String PATH = "reviews";
    private static final String MINE = "mine";

    private final ReviewService reviews;
    private final Select<String> filter = new Select<>();
    private final Grid<ReviewSummary> grid = new Grid<>();
    private final Div empty = new Div();
    private final Div overdueFindings = new Div();

    ReviewListView(ReviewService reviews) {
        this.reviews = reviews;
        setSizeFull();
        List<String> choices = new ArrayList<>();
        choices.add(MINE);
        for (ReviewState state : ReviewState.values()) {
            choices.add(state.name());
        }
        filter.setId("reviews-filter");
        filter.setLabel(getTranslation("reviews.filter"));
        filter.setItems(choices);
        filter.setItemLabelGenerator(choice -> getTranslation("reviews.filter." + choice));
        filter.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                getUI().ifPresent(ui -> ui.navigate(
                        PATH,
                        MINE.equals(event.getValue())
                                ? QueryParameters.empty()
                                : QueryParameters.simple(Map.of("state", event.getValue()))));
            }
        });
        grid.setId("reviews");
        grid.addComponentColumn(
                        review -> new Anchor("reviews/" + review.runId(), getTranslation("runs.run", review.runId())))
                .setHeader(getTranslation("reviews.column.run"));
        grid.addColumn(review -> getTranslation("run.kind." + review.kind().name()))
                .setHeader(getTranslation("reviews.column.kind"));
        grid.addColumn(review -> getTranslation("run.state." + review.runState().name()))
                .setHeader(getTranslation("reviews.column.outcome"));
        grid.addColumn(ReviewSummary::pool).setHeader(getTranslation("reviews.column.pool"));
        grid.addColumn(review -> ReviewFormat.time(review.endedAt())).setHeader(getTranslation("reviews.column.ended"));
        grid.addComponentColumn(review -> {
                    Span due = new Span(ReviewFormat.time(review.dueAt())
                            + (review.overdue() ? " — " + getTranslation("reviews.overdue") : ""));
                    if (review.overdue()) {
                        due.addClassName("run-warning");
                    }
                    return due;
                })
                .setHeader(getTranslation("reviews.column.due"));
        grid.addColumn(review -> getTranslation("review.state." + review.state().name()))
                .setHeader(getTranslation("reviews.column.state"));
        empty.setId("reviews-empty");
        empty.setText(getTranslation("reviews.empty"));
        overdueFindings.setId("reviews-overdue-findings");
        overdueFindings.addClassName("run-warning");
        add(new H2(getTranslation("reviews.title")), filter, overdueFindings, empty, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String state = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("state")
                .filter(value -> List.of(ReviewState.values()).stream()
                        .anyMatch(s -> s.name().equals(value)))
                .orElse(MINE);
        filter.setValue(state);
        List<ReviewSummary> shown = MINE.equals(state) ? reviews.waiting() : reviews.list(ReviewState.valueOf(state));
        grid.setItems(shown);
        // The inbox also names the findings left open past their due date (issue 14), as the home page does.
        overdueFindings.removeAll();
        List<Finding> late = MINE.equals(state) ? reviews.overdueFindings() : List.of();
        if (!late.isEmpty()) {
            overdueFindings.add(new OverdueFindingsList(late, "reviews-overdue-finding-"));
        }
        overdueFindings.setVisible(!late.isEmpty());
        empty.setVisible(shown.isEmpty());
        grid.setVisible(!shown.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reviews.title");
    }
}
