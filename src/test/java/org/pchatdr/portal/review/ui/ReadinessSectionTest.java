package org.pchatdr.portal.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.review.EndedRuns;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/** The readiness dashboard is the manager's home page, and nobody else's. */
class ReadinessSectionTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    Clock clock;

    @Test
    void aManagersHomeShowsTheLastDrillOfEachPoolWithItsChart() {
        RunView run = new EndedRuns(topologies, runs, clock).abortedDrillWithRetriedStep();
        signIn("home-frank", Role.MANAGER);

        navigate("");

        Div card = _get(Div.class, spec -> spec.withId("readiness-" + run.topologyId() + "-" + run.pool()));
        assertThat(card.getElement().getTextRecursively())
                .contains("Last drill: run " + run.id() + ", Aborted")
                .contains("0 days ago")
                .contains("Open findings: 0");
        assertThat(_find(card, Html.class))
                .singleElement()
                .satisfies(chart -> assertThat(chart.getElement().getOuterHTML())
                        .startsWith("<svg")
                        .contains("#" + run.id()));
    }

    @Test
    void anOperatorsHomeHasNoReadinessDashboard() {
        signIn("home-olivia", Role.OPERATOR);

        navigate("");

        assertThat(_find(Div.class, spec -> spec.withId("readiness"))).isEmpty();
    }
}
