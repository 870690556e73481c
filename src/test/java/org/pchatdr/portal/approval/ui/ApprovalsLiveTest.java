package org.pchatdr.portal.approval.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.ApprovalInbox;
import org.pchatdr.portal.approval.WaitingItem;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.TitleFlash;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.ui.RunFixtures;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Approvers are told live (issue 12, decision 012's way): the layout polls the inbox's stamp, and the
 * badge, the inbox and the home page's counts follow what another user did, in another session,
 * without a reload; the tab's title flashes while more wait, and stops when it went away. The
 * browser's polls are simulated; the clock is moved past the layout's interval between them.
 */
class ApprovalsLiveTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    ApprovalInbox inbox;

    @Autowired
    MutableClock clock;

    @Test
    void theBadgeAndTheInboxShowARunAnotherUserRequestsAtTheNextPollAndTheTitleFlashes() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        signIn("live-carol", Role.APPROVER);
        int before = inbox.count();
        navigate("approvals");
        assertThat(UI.getCurrent().getPollInterval())
                .as("the layout polls for the live badge")
                .isEqualTo(10_000);

        RunView run = fixtures.request(topology, RunKind.DRILL, "live-alice");
        signIn("live-carol", Role.APPROVER);
        assertThat(badgeCount()).as("nothing changes before the poll").isEqualTo(before);

        nextPoll();

        assertThat(badgeCount()).isEqualTo(before + 1);
        assertThat(inboxRows()).contains("Run " + run.id());
        assertThat(TitleFlash.shown(UI.getCurrent()))
                .contains(before + 1 == 1 ? "(1) New approval" : "(" + (before + 1) + ") New approvals");

        TestAccounts.signIn("live-alice", Role.OPERATOR);
        runs.abort(run.id(), run.version(), "not needed after all");
        signIn("live-carol", Role.APPROVER);
        nextPoll();

        assertThat(badgeCount()).isEqualTo(before);
        assertThat(inboxRows()).doesNotContain("Run " + run.id());
        assertThat(TitleFlash.shown(UI.getCurrent()))
                .as("the title is restored")
                .isEmpty();
    }

    @Test
    void theHomePageCountOfWhatWaitsFollowsTooAndAPollWithoutChangeCountsNothing() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        signIn("live-dora", Role.APPROVER);
        navigate("");
        int before = Integer.parseInt(
                _get(Span.class, spec -> spec.withId("home-inbox-figure")).getText());
        Span shown = _get(Span.class, spec -> spec.withId("home-inbox-figure"));

        nextPoll();
        assertThat(_get(Span.class, spec -> spec.withId("home-inbox-figure")))
                .as("nothing moved: the cards are not made again")
                .isSameAs(shown);

        fixtures.request(topology, RunKind.PLANNED, "live-bruno");
        signIn("live-dora", Role.APPROVER);
        nextPoll();

        assertThat(_get(Span.class, spec -> spec.withId("home-inbox-figure")).getText())
                .isEqualTo(Integer.toString(before + 1));
        assertThat(badgeCount()).isEqualTo(before + 1);
    }

    @Test
    void countsPauseOnceTheApproverIsIdlePastTheSessionTimeoutAndResumeOnRequest() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        signIn("live-edna", Role.APPROVER);
        int before = inbox.count();
        navigate("approvals");

        clock.advance(Duration.ofMinutes(31));
        poll();

        Div paused = _get(Div.class, spec -> spec.withId("counts-paused"));
        assertThat(paused.isVisible()).isTrue();
        assertThat(((Span) paused.getChildren().findFirst().orElseThrow()).getText())
                .isEqualTo("Counts paused after 30 minutes without activity.");
        assertThat(UI.getCurrent().getPollInterval())
                .as("no request keeps the session alive")
                .isEqualTo(-1);

        fixtures.request(topology, RunKind.DRILL, "live-felix");
        signIn("live-edna", Role.APPROVER);
        _click(_get(Button.class, spec -> spec.withId("resume-counts")));

        assertThat(paused.isVisible()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(10_000);
        assertThat(badgeCount()).isEqualTo(before + 1);
    }

    @Test
    void operatorsPageDoesNotPollForABadgeTheyCannotSee() {
        signIn("live-otto", Role.OPERATOR);
        navigate("");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    /** What the browser does every ten seconds while the page is open. */
    private void nextPoll() {
        clock.advance(Duration.ofSeconds(10));
        poll();
    }

    private static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    private static int badgeCount() {
        return _find(Span.class, spec -> spec.withId("nav-badge-approvals")).stream()
                .findFirst()
                .map(badge -> Integer.parseInt(badge.getText()))
                .orElse(0);
    }

    /** The subjects the inbox grid lists; none when it says nothing waits. */
    @SuppressWarnings("unchecked")
    private static List<String> inboxRows() {
        var grids = _find(Grid.class, spec -> spec.withId("approvals"));
        if (grids.isEmpty() || !grids.getFirst().isVisible()) {
            return List.of();
        }
        Grid<WaitingItem> grid = grids.getFirst();
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(row -> GridKt._get(grid, row).title())
                .toList();
    }
}
