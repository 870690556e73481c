package org.pchatdr.portal.change.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeState;
import org.pchatdr.portal.change.ChangeView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologySummary;
import org.springframework.beans.factory.annotation.Autowired;

/** "Propose this version as a change" on the topology page, and the new change request form it opens. */
class ProposeChangeTest extends KaribuTest {

    @Autowired
    Clock clock;

    @Autowired
    TopologyService topologies;

    @Autowired
    ChangeService changes;

    @Test
    void anOperatorProposesASavedVersionAndTheFormOpensWithThatTopologyAndVersion() {
        long topology = publishedWithASecondVersion();
        signIn("propose-olga", Role.OPERATOR);
        navigate("topologies/" + topology, com.vaadin.flow.router.QueryParameters.of("version", "2"));

        _click(_get(Button.class, spec -> spec.withId("propose-change")));

        assertThat(currentPath()).startsWith("changes?").contains("propose=" + topology, "version=2");
        @SuppressWarnings("unchecked")
        Select<TopologySummary> chosen = _get(Select.class, spec -> spec.withId("change-form-topology"));
        assertThat(chosen.getValue().id()).isEqualTo(topology);
        assertThat(_get(IntegerField.class, spec -> spec.withId("change-form-version"))
                        .getValue())
                .isEqualTo(2);

        fillIn(_get(TextField.class, spec -> spec.withId("change-form-title")), "Rename the pool");
        fillIn(_get(TextArea.class, spec -> spec.withId("change-form-implementation")), "Publish version 2");
        fillIn(_get(TextArea.class, spec -> spec.withId("change-form-backout")), "Publish version 1");
        fillIn(_get(TextArea.class, spec -> spec.withId("change-form-test")), "Post in a room");
        LocalDateTime start = LocalDateTime.now(clock).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        fillIn(_get(DateTimePicker.class, spec -> spec.withId("change-form-start")), start);
        fillIn(_get(DateTimePicker.class, spec -> spec.withId("change-form-end")), start.plusHours(2));
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(currentPath()).matches("changes/\\d+");
        ChangeView created = changes.change(Long.parseLong(currentPath().substring("changes/".length())));
        assertThat(created.state()).isEqualTo(ChangeState.DRAFT);
        assertThat(created.current().topologyVersion()).isEqualTo(2);
        assertThat(created.current().title()).isEqualTo("Rename the pool");
        assertThat(created.requestedBy()).isEqualTo("propose-olga");
    }

    @Test
    void theFormKeepsWhatWasTypedAndSaysWhatIsMissing() {
        long topology = publishedWithASecondVersion();
        signIn("propose-olga", Role.OPERATOR);
        navigate(
                "changes",
                com.vaadin.flow.router.QueryParameters.simple(
                        java.util.Map.of("propose", Long.toString(topology), "version", "2")));

        fillIn(_get(TextField.class, spec -> spec.withId("change-form-title")), "No plans yet");
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(_get(Div.class, spec -> spec.withId("dialog-error")).isVisible())
                .isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("change-form-title"))
                        .getValue())
                .isEqualTo("No plans yet");
        assertThat(currentPath()).startsWith("changes?");
    }

    @Test
    void thePublishedVersionAndNonOperatorsGetNoProposeButton() {
        long topology = publishedWithASecondVersion();
        signIn("propose-olga", Role.OPERATOR);
        navigate("topologies/" + topology, com.vaadin.flow.router.QueryParameters.of("version", "1"));
        assertThat(_find(Button.class, spec -> spec.withId("propose-change"))).isEmpty();

        signIn("propose-reader", Role.AUDITOR, Role.APPROVER);
        navigate("topologies/" + topology, com.vaadin.flow.router.QueryParameters.of("version", "2"));
        assertThat(_find(Button.class, spec -> spec.withId("propose-change"))).isEmpty();
        navigate(
                "changes",
                com.vaadin.flow.router.QueryParameters.simple(
                        java.util.Map.of("propose", Long.toString(topology), "version", "2")));
        assertThat(_find(Button.class, spec -> spec.withId("new-change"))).isEmpty();
        assertThat(_find(TextField.class, spec -> spec.withId("change-form-title")))
                .isEmpty();
    }

    @Test
    void aTopologyNeverPublishedHasNothingToProposeYet() {
        signIn("propose-olga", Role.OPERATOR);
        long topology = topologies.create(Contoso.topology(), null).topologyId();

        navigate("topologies/" + topology);

        assertThat(_find(Button.class, spec -> spec.withId("propose-change"))).isEmpty();
    }

    /** Contoso published at version 1, renamed in a saved version 2. */
    private long publishedWithASecondVersion() {
        signIn("propose-olga", Role.OPERATOR);
        long id = topologies.create(Contoso.topology(), null).topologyId();
        signIn("propose-publisher", Role.APPROVER);
        topologies.publish(id, 1);
        signIn("propose-olga", Role.OPERATOR);
        topologies.saveVersion(id, 1, Contoso.renamed("Contoso renamed"), null);
        return id;
    }
}
