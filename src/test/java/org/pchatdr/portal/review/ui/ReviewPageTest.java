package org.pchatdr.portal.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.review.EndedRuns;
import org.pchatdr.portal.review.ReviewService;
import org.pchatdr.portal.review.ReviewState;
import org.pchatdr.portal.review.ReviewSummary;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/** A manager reviews an ended drill on screen: timeline, dispositions, a finding, the sign-off. */
class ReviewPageTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    ReviewService reviews;

    @Autowired
    Clock clock;

    @Test
    void aManagerReadsTheTimelineRecordsAFindingAndSignsOffTheDrill() {
        RunView run = new EndedRuns(topologies, runs, clock).abortedDrillWithRetriedStep();
        signIn("ui-frank", Role.MANAGER);

        navigate("reviews");
        @SuppressWarnings("unchecked")
        Grid<ReviewSummary> waiting = _get(Grid.class, spec -> spec.withId("reviews"));
        assertThat(GridKt._findAll(waiting)).extracting(ReviewSummary::runId).contains(run.id());

        navigate("reviews/" + run.id());
        OrderedList timeline = _get(OrderedList.class, spec -> spec.withId("review-timeline"));
        assertThat(timeline.getChildren().map(item -> item.getElement().getTextRecursively()))
                .anyMatch(text -> text.contains(EndedRuns.EXECUTOR) && text.contains("failed step 1"))
                .anyMatch(text -> text.contains("Command(s) completed successfully."));
        assertThat(_get(Component.class, spec -> spec.withId("review-rto"))
                        .getElement()
                        .getText())
                .startsWith("RTO achieved: ")
                .contains("target of 1:00:00");

        _click(_get(Button.class, spec -> spec.withId("review-sign-off")));
        assertThat(notificationTexts()).anyMatch(text -> text.contains("STEP_RETRIED:1") && text.contains("has none"));
        assertThat(reviews.review(run.id()).state()).isEqualTo(ReviewState.WAITING);

        fillIn(_get(TextArea.class, spec -> spec.withId("disposition-STEP_RETRIED-1")), "permissions fixed");
        fillIn(_get(TextField.class, spec -> spec.withId("finding-title")), "Document the permission");
        fillIn(_get(TextField.class, spec -> spec.withId("finding-owner")), "ui-alice");
        fillIn(_get(DatePicker.class, spec -> spec.withId("finding-due")), LocalDate.of(2027, 3, 1));
        _click(_get(Button.class, spec -> spec.withId("finding-add")));
        _click(_get(Button.class, spec -> spec.withId("review-sign-off")));

        assertThat(_get(Component.class, spec -> spec.withId("review-status"))
                        .getElement()
                        .getText())
                .contains("signed off");
        assertThat(_find(ListItem.class, spec -> spec.withId("review-exception-STEP_RETRIED-1"))
                        .getFirst()
                        .getElement()
                        .getTextRecursively())
                .contains("Disposition by ui-frank: permissions fixed");
        assertThat(_find(ListItem.class))
                .anyMatch(item ->
                        item.getElement().getTextRecursively().contains("Document the permission — owner ui-alice"));
        _assertNone(Button.class, spec -> spec.withId("review-sign-off"));
    }

    @Test
    void aManagerWhoExecutedTheRunSeesItsReviewWithoutTheSignOff() {
        RunView run = new EndedRuns(topologies, runs, clock).abortedDrillWithRetriedStep();
        signIn(EndedRuns.EXECUTOR, Role.OPERATOR, Role.MANAGER);

        navigate("reviews/" + run.id());

        assertThat(_get(Component.class, spec -> spec.withId("review-title"))
                        .getElement()
                        .getText())
                .isEqualTo("Review of run " + run.id());
        _assertNone(Button.class, spec -> spec.withId("review-sign-off"));
    }

    @Test
    void theReviewPageSpeaksFrench() {
        RunView run = new EndedRuns(topologies, runs, clock).abortedDrillWithRetriedStep();
        signIn("ui-frank", Role.MANAGER);
        chooseLanguage(Locale.FRENCH);

        navigate("reviews/" + run.id());

        assertThat(_get(Component.class, spec -> spec.withId("review-title"))
                        .getElement()
                        .getText())
                .isEqualTo("Revue du déroulé " + run.id());
        assertThat(_get(Button.class, spec -> spec.withId("review-sign-off")).getText())
                .isEqualTo("Valider");
    }
}
