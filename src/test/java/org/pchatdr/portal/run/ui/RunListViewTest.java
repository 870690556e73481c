package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunSummary;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

class RunListViewTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    MutableClock clock;

    @Test
    void eachFilterNarrowsTheListAndTheAddressKeepsIt() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        RunView drill = fixtures.request(fixtures.publishedContoso(), RunKind.DRILL, "list-alice");
        clock.advance(Duration.ofDays(2));
        RunView planned = fixtures.request(fixtures.publishedContoso(), RunKind.PLANNED, "list-bob");
        runs.abort(planned.id(), planned.version(), "moved to next week");
        signIn("list-reader", Role.AUDITOR);

        navigate("runs");
        assertThat(ids()).containsSubsequence(planned.id(), drill.id());

        fillIn(kind(), RunKind.DRILL);
        assertThat(currentPath()).isEqualTo("runs?kind=DRILL");
        assertThat(ids()).contains(drill.id()).doesNotContain(planned.id());

        fillIn(kind(), null);
        fillIn(state(), RunState.ABORTED);
        assertThat(currentPath()).isEqualTo("runs?state=ABORTED");
        assertThat(ids()).contains(planned.id()).doesNotContain(drill.id());

        fillIn(state(), null);
        fillIn(text("filter-requester"), "LIST-ALICE");
        assertThat(ids()).contains(drill.id()).doesNotContain(planned.id());

        fillIn(text("filter-requester"), "");
        fillIn(text("filter-pool"), "pchat.fabrikam.com");
        assertThat(ids()).doesNotContain(drill.id(), planned.id());
        fillIn(text("filter-pool"), RunFixtures.POOL);
        assertThat(ids()).contains(drill.id(), planned.id());

        fillIn(date("filter-from"), day(planned));
        assertThat(ids()).contains(planned.id()).doesNotContain(drill.id());
        fillIn(date("filter-from"), null);
        fillIn(date("filter-to"), day(drill));
        assertThat(ids()).contains(drill.id()).doesNotContain(planned.id());
    }

    @Test
    void aFilteredAddressShowsTheSameListAfterAReload() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        RunView drill = fixtures.request(fixtures.publishedContoso(), RunKind.DRILL, "list-carl");
        RunView planned = fixtures.request(fixtures.publishedContoso(), RunKind.PLANNED, "list-carl");
        signIn("list-reader", Role.OPERATOR);
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("pool", List.of(RunFixtures.POOL));
        parameters.put("kind", List.of("PLANNED"));
        parameters.put("state", List.of("REQUESTED"));
        parameters.put("requester", List.of("list-carl"));
        parameters.put("from", List.of(day(planned).toString()));
        parameters.put("to", List.of(day(planned).toString()));

        navigate("runs", new QueryParameters(parameters));
        UI.getCurrent().getPage().reload();

        assertThat(text("filter-pool").getValue()).isEqualTo(RunFixtures.POOL);
        assertThat(kind().getValue()).isEqualTo(RunKind.PLANNED);
        assertThat(state().getValue()).isEqualTo(RunState.REQUESTED);
        assertThat(text("filter-requester").getValue()).isEqualTo("list-carl");
        assertThat(date("filter-from").getValue()).isEqualTo(day(planned));
        assertThat(date("filter-to").getValue()).isEqualTo(day(planned));
        assertThat(ids()).containsExactly(planned.id()).doesNotContain(drill.id());

        fillIn(kind(), RunKind.DRILL);

        assertThat(QueryParameters.fromString(currentPath().substring("runs?".length()))
                        .getParameters())
                .isEqualTo(Map.of(
                        "pool", List.of(RunFixtures.POOL),
                        "kind", List.of("DRILL"),
                        "state", List.of("REQUESTED"),
                        "requester", List.of("list-carl"),
                        "from", List.of(day(planned).toString()),
                        "to", List.of(day(planned).toString())));
        assertThat(ids()).containsExactly(drill.id());
    }

    @Test
    void nonsenseInTheAddressIsIgnoredAndTheListSaysWhenNothingMatches() {
        signIn("list-reader", Role.AUDITOR);

        navigate("runs", QueryParameters.fromString("kind=PICNIC&from=yesterday&requester=nobody-at-all"));

        assertThat(kind().getValue()).isNull();
        assertThat(date("filter-from").getValue()).isNull();
        assertThat(ids()).isEmpty();
        assertThat(grid().getEmptyStateText()).isEqualTo("No run matches these filters.");
        assertThat(date("filter-from").getHelperText()).isEqualTo("Whole days in UTC");
    }

    @Test
    void clickingARunOpensItsPage() {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        RunView run = fixtures.request(fixtures.publishedContoso(), RunKind.DRILL, "list-dora");
        signIn("list-reader", Role.AUDITOR);
        navigate("runs", QueryParameters.fromString("requester=list-dora"));

        GridKt._clickItem(grid(), 0, 0, false, false, false, false);

        assertThat(currentPath()).isEqualTo("runs/" + run.id());
    }

    @Test
    void operatorsMayRequestARunFromTheListOthersMayNot() {
        signIn("list-reader", Role.AUDITOR);
        navigate("runs");
        _assertNone(Button.class, spec -> spec.withId("request-run"));

        signIn("list-operator", Role.OPERATOR);
        navigate("");
        navigate("runs");
        _click(_get(Button.class, spec -> spec.withId("request-run")));

        assertThat(currentPath()).isEqualTo("runs/new");
        _get(Button.class, spec -> spec.withId("submit-request"));
    }

    @Test
    void theListSpeaksFrench() {
        signIn("list-reader", Role.AUDITOR);
        chooseLanguage(java.util.Locale.FRENCH);

        navigate("runs");

        assertThat(state().getLabel()).isEqualTo("État");
        assertThat(state().getItemLabelGenerator().apply(RunState.IN_PROGRESS)).isEqualTo("En cours");
        assertThat(date("filter-to").getHelperText()).isEqualTo("Journées entières en UTC");
    }

    private static LocalDate day(RunView run) {
        return LocalDate.ofInstant(run.requestedAt(), ZoneOffset.UTC);
    }

    private static List<Long> ids() {
        return GridKt._findAll(grid()).stream().map(RunSummary::id).toList();
    }

    @SuppressWarnings("unchecked")
    private static Grid<RunSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("runs"));
    }

    @SuppressWarnings("unchecked")
    private static Select<RunKind> kind() {
        return _get(Select.class, spec -> spec.withId("filter-kind"));
    }

    @SuppressWarnings("unchecked")
    private static Select<RunState> state() {
        return _get(Select.class, spec -> spec.withId("filter-state"));
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static DatePicker date(String id) {
        return _get(DatePicker.class, spec -> spec.withId(id));
    }
}
