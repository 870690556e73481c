package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.WaitingItem;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunSummary;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/** An emergency start nobody ratified in time is on everyone's home page, in the inbox and in the list. */
class OverdueRatificationsTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    MutableClock clock;

    @Test
    void anEmergencyStartNotRatifiedWithin24HoursIsShownOnTheHomePageOfEveryone() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        RunView run = fixtures.request(fixtures.publishedContoso(), RunKind.DISASTER, "overdue-alice");
        TestAccounts.signIn("overdue-bob", Role.OPERATOR);
        RunView started = runs.emergencyStart(run.id(), run.version(), "primary site flooded");
        signIn("overdue-erin", Role.AUDITOR);
        navigate("");
        _assertNone(ListItem.class, spec -> spec.withId("overdue-ratification-" + run.id()));

        clock.advance(Duration.ofHours(25));
        navigate("runs");
        navigate("");

        ListItem item = _get(ListItem.class, spec -> spec.withId("overdue-ratification-" + run.id()));
        assertThat(item.getElement().getTextRecursively())
                .isEqualTo("Run " + run.id() + " — pool pchat.contoso.local, emergency declared by overdue-bob,"
                        + " to be ratified by "
                        + RunFormat.time(started.emergency().ratifyBy()));
        assertThat(((Anchor) item.getChildren().findFirst().orElseThrow()).getHref())
                .isEqualTo("runs/" + run.id());
        assertThat(_get(Component.class, spec -> spec.withId("overdue-ratifications-title"))
                        .getElement()
                        .getText())
                .startsWith("Emergency starts not ratified in time");
    }

    @Test
    void anOverdueRatificationIsMarkedInRedInTheInboxAndTheList() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        RunView run = fixtures.request(fixtures.publishedContoso(), RunKind.DISASTER, "overdue-amy");
        TestAccounts.signIn("overdue-ben", Role.OPERATOR);
        runs.emergencyStart(run.id(), run.version(), "primary site flooded");
        clock.advance(Duration.ofHours(25));

        signIn("overdue-carol", Role.APPROVER);
        navigate("approvals");
        @SuppressWarnings("unchecked")
        Grid<WaitingItem> inbox = _get(Grid.class, spec -> spec.withId("approvals"));
        List<WaitingItem> items = GridKt._findAll(inbox);
        int row = indexOf(items.stream().map(item -> item.subject().id()).toList(), run.id());
        assertThat(items.get(row).need()).isEqualTo("Ratify an emergency start");
        Component need = GridKt._getCellComponent(inbox, row, "need");
        assertThat(need.getElement().getTextRecursively()).isEqualTo("Ratify an emergency start Ratification overdue");
        assertThat(need.getElement().getChild(2).getAttribute("theme")).contains("error");

        navigate("runs", QueryParameters.fromString("requester=overdue-amy"));
        @SuppressWarnings("unchecked")
        Grid<RunSummary> list = _get(Grid.class, spec -> spec.withId("runs"));
        assertThat(GridKt._getCellComponent(list, 0, "attention").getElement().getText())
                .isEqualTo("Ratification overdue");
    }

    private static int indexOf(List<Long> ids, long id) {
        assertThat(ids).contains(id);
        return ids.indexOf(id);
    }
}
