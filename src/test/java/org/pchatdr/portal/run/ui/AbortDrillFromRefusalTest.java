package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/** A disaster request refused because a drill that has not started holds the pool offers to abort it (issue 12). */
class AbortDrillFromRefusalTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Test
    void aDisasterRequestHeldUpByAPendingDrillAbortsItFromTheRefusalAndOpensTheDisasterRun() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        RunView drill = fixtures.request(topology, RunKind.DRILL, "ad-bob");
        signIn("ad-alice", Role.OPERATOR);
        request(topology, RunKind.DISASTER, "primary data center lost");

        _click(_get(Button.class, spec -> spec.withId("abort-drill")));
        TextArea why = _get(TextArea.class, spec -> spec.withId("abort-drill-reason"));
        assertThat(why.getValue())
                .isEqualTo("Aborted to make way for a disaster run of pool " + RunFixtures.POOL + ".");
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(currentPath()).matches("runs/\\d+");
        RunView disaster = runs.run(Long.parseLong(currentPath().substring("runs/".length())));
        assertThat(disaster.kind()).isEqualTo(RunKind.DISASTER);
        assertThat(disaster.reason()).isEqualTo("primary data center lost");
        RunView aborted = runs.run(drill.id());
        assertThat(aborted.state()).isEqualTo(RunState.ABORTED);
        assertThat(aborted.endedBy()).isEqualTo("ad-alice");
    }

    @Test
    void noAbortIsOfferedForADrillUnderWayNorToARequestThatIsNoDisaster() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        RunView drill = fixtures.request(topology, RunKind.DRILL, "ad-bob");
        signIn("ad-alice", Role.OPERATOR);

        request(topology, RunKind.PLANNED, "move to Lyon");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("request-refusal"))
                        .isVisible())
                .isTrue();
        _assertNone(Button.class, spec -> spec.withId("abort-drill"));

        givenAccount("ad-carol", Role.APPROVER);
        TestAccounts.signIn("ad-carol", Role.APPROVER);
        RunView approved = runs.approve(drill.id(), drill.version(), null);
        givenAccount("ad-dan", Role.OPERATOR);
        TestAccounts.signIn("ad-dan", Role.OPERATOR);
        runs.start(drill.id(), approved.version());
        signIn("ad-alice", Role.OPERATOR);

        request(topology, RunKind.DISASTER, "primary data center lost");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("request-refusal"))
                        .isVisible())
                .isTrue();
        _assertNone(Button.class, spec -> spec.withId("abort-drill"));
    }

    @Test
    void theOfferSpeaksFrench() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        fixtures.request(topology, RunKind.DRILL, "ad-bob");
        signIn("ad-alice", Role.OPERATOR);
        chooseLanguage(java.util.Locale.FRENCH);
        request(topology, RunKind.DISASTER, "site principal perdu");

        assertThat(_get(Button.class, spec -> spec.withId("abort-drill")).getText())
                .matches("Abandonner l’exercice \\d+ et demander ce déroulé de sinistre…");
    }

    private void request(long topology, RunKind kind, String reason) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("topology", List.of(Long.toString(topology)));
        parameters.put("pool", List.of(RunFixtures.POOL));
        parameters.put("procedure", List.of("site-failover"));
        navigate("runs/new", new QueryParameters(parameters));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<RunKind> kinds = _get(RadioButtonGroup.class, spec -> spec.withId("run-kind"));
        fillIn(kinds, kind);
        fillIn(_get(TextArea.class, spec -> spec.withId("run-reason")), reason);
        _click(_get(Button.class, spec -> spec.withId("submit-request")));
    }
}
