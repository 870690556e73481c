package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologySummary;
import org.springframework.beans.factory.annotation.Autowired;

class RequestRunViewTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Test
    void aRunRequestedWithTheChoicesOfTheAddressIsCreatedAndItsPageOpens() {
        long topology = new RunFixtures(topologies, runs).publishedContoso();
        signIn("request-alice", Role.OPERATOR);

        open(topology, "site-failover", "planned");
        assertThat(this.<TopologySummary>select("run-topology").getValue().id()).isEqualTo(topology);
        assertThat(select("run-pool").getValue()).isEqualTo(RunFixtures.POOL);
        assertThat(select("run-procedure").getValue()).isEqualTo("site-failover");
        assertThat(select("run-variant").getValue()).isEqualTo("planned");
        fillIn(kind(), RunKind.DRILL);
        fillIn(reason(), "quarterly drill");
        fillIn(
                _get(DateTimePicker.class, spec -> spec.withId("run-incident-at")),
                LocalDateTime.parse("2026-01-05T07:30"));

        _click(submit());

        String destination = currentPath();
        assertThat(destination).matches("runs/\\d+");
        RunView run = runs.run(Long.parseLong(destination.substring("runs/".length())));
        assertThat(run.topologyId()).isEqualTo(topology);
        assertThat(run.pool()).isEqualTo(RunFixtures.POOL);
        assertThat(run.procedure()).isEqualTo("site-failover");
        assertThat(run.variant()).isEqualTo("planned");
        assertThat(run.kind()).isEqualTo(RunKind.DRILL);
        assertThat(run.state()).isEqualTo(RunState.REQUESTED);
        assertThat(run.reason()).isEqualTo("quarterly drill");
        assertThat(run.requestedBy()).isEqualTo("request-alice");
        assertThat(run.incidentAt()).isEqualTo(Instant.parse("2026-01-05T07:30:00Z"));
    }

    @Test
    void mirroringFailoverOffersItsThreeRoutesByTranslatedNameAndTheRunFreezesTheOneChosen() {
        long topology = new RunFixtures(topologies, runs).publishedContoso();
        signIn("request-alice", Role.OPERATOR);

        open(topology, "mirroring-failover", null);
        Select<String> variant = select("run-variant");
        assertThat(variant.getListDataView().getItems()).containsExactly("to-mirror", "to-primary", "principal-lost");
        assertThat(variant.getValue()).isEqualTo("to-mirror");
        assertThat(variant.getItemLabelGenerator().apply("principal-lost"))
                .isEqualTo("principal lost, forced service (possible data loss)");
        fillIn(variant, "principal-lost");
        fillIn(kind(), RunKind.DISASTER);
        fillIn(reason(), "principal sqlpc01 lost");

        _click(submit());

        RunView run = runs.run(Long.parseLong(currentPath().substring("runs/".length())));
        assertThat(run.variant()).isEqualTo("principal-lost");
        assertThat(runs.frozenProcedure(run.id()).in(Locale.ENGLISH).steps())
                .anySatisfy(step -> assertThat(step.script()).contains("-NewPrincipal Mirror -Force"));
        assertThat(run.dataLoss().gateStep()).as("the forcing step of C-8").isEqualTo(2);
    }

    @Test
    void aBusyPoolIsRefusedWithALinkToTheRunInTheWayAndTheFormKeepsWhatWasTyped() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        RunView inTheWay = fixtures.request(topology, RunKind.DRILL, "request-bob");
        signIn("request-alice", Role.OPERATOR);
        open(topology, "site-failover", null);
        fillIn(kind(), RunKind.PLANNED);
        fillIn(reason(), "move to Lyon");

        _click(submit());

        assertThat(currentPath()).startsWith("runs/new");
        Div refusal = _get(Div.class, spec -> spec.withId("request-refusal"));
        assertThat(refusal.isVisible()).isTrue();
        assertThat(refusal.getElement().getTextRecursively())
                .startsWith("Run " + inTheWay.id() + " is already active on pool pchat.contoso.local");
        assertThat(_get(Anchor.class, spec -> spec.withId("busy-run")).getHref())
                .isEqualTo("runs/" + inTheWay.id());
        assertThat(reason().getValue()).isEqualTo("move to Lyon");
        assertThat(kind().getValue()).isEqualTo(RunKind.PLANNED);
        assertThat(select("run-variant").getValue()).isEqualTo("unplanned");
    }

    @Test
    void whatIsMissingIsMarkedOnItsFieldAndNothingIsRequested() {
        long topology = new RunFixtures(topologies, runs).publishedContoso();
        signIn("request-alice", Role.OPERATOR);
        open(topology, "site-failover", null);

        _click(submit());

        assertThat(currentPath()).startsWith("runs/new");
        assertThat(kind().isInvalid()).isTrue();
        assertThat(kind().getErrorMessage()).isEqualTo("Choose the kind of run.");
        assertThat(reason().isInvalid()).isTrue();
        assertThat(reason().getErrorMessage()).isEqualTo("Give a reason.");
        assertThat(select("run-pool").isInvalid()).isFalse();
    }

    @Test
    void onlyPublishedTopologiesAndTheProceduresThatApplyToThePoolAreOffered() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        signIn("request-editor", Role.OPERATOR);
        long draft = topologies.create(Contoso.topology(), null).topologyId();
        signIn("request-alice", Role.OPERATOR);

        open(topology, null, null);

        Select<TopologySummary> topologyChoice = select("run-topology");
        assertThat(topologyChoice.getListDataView().getItems().map(TopologySummary::id))
                .contains(topology)
                .doesNotContain(draft);
        assertThat(topologyChoice.getItemLabelGenerator().apply(topologyChoice.getValue()))
                .isEqualTo("Contoso production (version 1)");
        assertThat(this.<String>select("run-procedure").getListDataView().getItems())
                .contains("site-failover", "mirroring-failover")
                .doesNotContainNull();
        _assertNone(Select.class, spec -> spec.withId("run-variant"));
    }

    @Test
    void aPoolWithoutAMirrorIsNotOfferedTheMirroringProcedures() {
        long topology = new RunFixtures(topologies, runs)
                .published(TopologySamples.read(Contoso.textWith("\"mirror\": \"par-sql-2\"", "\"mirror\": null")));
        signIn("request-alice", Role.OPERATOR);

        open(topology, null, null);

        assertThat(this.<String>select("run-procedure").getListDataView().getItems())
                .contains("site-failover", "configure-log-shipping")
                .doesNotContain("mirroring-failover", "configure-mirroring", "configure-log-shipping-from-mirror");
    }

    @Test
    void eachKindOfRunIsExplainedAndADisasterMayStartInAnEmergency() {
        signIn("request-alice", Role.OPERATOR);
        navigate("runs/new");

        assertThat(_get(Div.class, spec -> spec.withId("run-kind-DRILL"))
                        .getElement()
                        .getTextRecursively())
                .startsWith("Drill — an exercise");
        assertThat(_get(Div.class, spec -> spec.withId("run-kind-DISASTER"))
                        .getElement()
                        .getTextRecursively())
                .contains("may start before it is approved");
    }

    private void open(long topology, String procedure, String variant) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("topology", List.of(Long.toString(topology)));
        parameters.put("pool", List.of(RunFixtures.POOL));
        if (procedure != null) {
            parameters.put("procedure", List.of(procedure));
        }
        if (variant != null) {
            parameters.put("variant", List.of(variant));
        }
        navigate("runs/new", new QueryParameters(parameters));
    }

    @SuppressWarnings("unchecked")
    private <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<RunKind> kind() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("run-kind"));
    }

    private static TextArea reason() {
        return _get(TextArea.class, spec -> spec.withId("run-reason"));
    }

    private static Button submit() {
        return _get(Button.class, spec -> spec.withId("submit-request"));
    }
}
