package org.pchatdr.portal.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.review.EndedRuns;
import org.pchatdr.portal.review.Finding;
import org.pchatdr.portal.review.ReviewDecision;
import org.pchatdr.portal.review.ReviewService;
import org.pchatdr.portal.review.ReviewSummary;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14: a review nobody decided and a finding nobody closed in time are not forgotten: both show
 * on everyone's home page and in the managers' reviews inbox.
 */
class OverdueReviewsTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    ReviewService reviews;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReviewAndAFindingPastTheirDeadlineShowOnEveryonesHomePageAndInTheReviewsInbox() {
        RunView run = new EndedRuns(topologies, runs, clock).abortedDrillWithRetriedStep();
        signIn("ui-late-frank", Role.MANAGER);
        Finding finding = reviews.decide(
                        run.id(),
                        new ReviewDecision(
                                ReviewDecision.Outcome.RETURN,
                                "Rehearse first",
                                List.of(),
                                List.of(new ReviewDecision.NewFinding(
                                        "Rehearse the permissions step", EndedRuns.EXECUTOR, today().plusDays(3)))))
                .findings()
                .getFirst();
        // The Karibu context runs on the real clock: the deadlines are put in the past in the
        // database, which is what the service reads.
        jdbc.update(
                "update run_review set due_at = ? where run_id = ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1))),
                run.id());
        jdbc.update("update review_finding set due = ? where id = ?", Date.valueOf(today().minusDays(2)), finding.id());

        signIn("ui-late-oscar", Role.OPERATOR);
        navigate("");
        assertThat(_get(ListItem.class, spec -> spec.withId("overdue-run-review-" + run.id()))
                        .getElement()
                        .getTextRecursively())
                .contains("Run " + run.id(), "review due");
        assertThat(_get(ListItem.class, spec -> spec.withId("overdue-finding-" + finding.id()))
                        .getElement()
                        .getTextRecursively())
                .contains("Rehearse the permissions step", "owner " + EndedRuns.EXECUTOR);

        signIn("ui-late-gina", Role.MANAGER);
        navigate("reviews");
        @SuppressWarnings("unchecked")
        Grid<ReviewSummary> waiting = _get(Grid.class, spec -> spec.withId("reviews"));
        assertThat(GridKt._findAll(waiting))
                .filteredOn(review -> review.runId() == run.id())
                .singleElement()
                .satisfies(review -> assertThat(review.overdue()).isTrue());
        assertThat(_get(ListItem.class, spec -> spec.withId("reviews-overdue-finding-" + finding.id()))
                        .getElement()
                        .getTextRecursively())
                .contains("Rehearse the permissions step", "run " + run.id());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
