package org.pchatdr.portal.topology.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyDiff;
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyVersion;
import org.pchatdr.portal.topology.VersionSummary;
import org.pchatdr.portal.topology.Violation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

class TopologyViewTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Test
    void theVersionPageShowsStateRulesAndTheDiagramOfEachPool() {
        long id = saveAs("view-op", Contoso.topology());
        signIn("view-reader", Role.AUDITOR);

        navigate("topologies/" + id);
        showTab(DIAGRAM);

        assertThat(_get(Span.class, spec -> spec.withId("shown-version")).getText())
                .isEqualTo("Version 1 of 1");
        assertThat(_get(Span.class, spec -> spec.withId("publication-state")).getText())
                .isEqualTo("Draft");
        assertThat(_get(Div.class, spec -> spec.withClasses("topology-diagram"))
                        .getElement()
                        .getAttribute("data-pool"))
                .isEqualTo("pchat.contoso.local");
        assertThat(_find(Html.class))
                .anySatisfy(html -> assertThat(html.getInnerHtml()).contains("pc01.contoso.local"));
        _assertNone(Button.class, spec -> spec.withId("publish"));
        _assertNone(Button.class, spec -> spec.withId("edit"));
    }

    @Test
    void anOperatorGoesFromTheVersionPageToTheEditor() {
        long id = saveAs("view-op", Contoso.topology());
        navigate("topologies/" + id);

        _click(_get(Button.class, spec -> spec.withId("edit")));

        assertThat(currentPath()).isEqualTo("topologies/" + id + "/edit");
    }

    @Test
    void anApproverPublishesThroughTheConfirmation() {
        long id = saveAs("view-op", Contoso.topology());
        signIn("view-approver", Role.APPROVER);
        navigate("topologies/" + id);

        _click(_get(Button.class, spec -> spec.withId("publish")));
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(_get(Span.class, spec -> spec.withId("publication-state")).getText())
                .isEqualTo("Published");
        _assertNone(Button.class, spec -> spec.withId("publish"));
        assertThat(notificationTexts()).contains("Version 1 is now published.");
        assertThat(_get(Span.class, spec -> spec.withId("published-version")).getText())
                .isEqualTo("Published: version 1 · This is the published version.");
    }

    @Test
    void theAuthorOfTheChangesIsToldWhyTheyMayNotPublish() {
        long id = saveAs("view-both", Contoso.topology(), Role.OPERATOR, Role.APPROVER);
        navigate("topologies/" + id);

        _click(_get(Button.class, spec -> spec.withId("publish")));
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(_get(Div.class, spec -> spec.withId("dialog-error")).getText())
                .startsWith("Four eyes: you wrote changes that version 1 would publish.");
        assertThat(topologies.summary(id).publishedVersion()).isNull();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aWarningIsAcceptedWithAReasonFromTheRulesList() {
        long id = saveAs("view-op", Contoso.onALowBandwidthLink());
        navigate("topologies/" + id);
        Grid<Violation> rules = _get(Grid.class, spec -> spec.withId("violations"));
        List<Violation> shown = GridKt._findAll(rules);
        int warning = shown.indexOf(shown.stream()
                .filter(v -> v.ruleId().equals("T-5") && v.severity() == Severity.WARNING)
                .findFirst()
                .orElseThrow());

        assertThat(GridKt._getFormattedRow(rules, warning)).contains("site LYO of pool pchat.contoso.local");
        _click((Button) GridKt._getCellComponent(rules, warning, "acknowledgement"));
        assertThat(_get(Span.class, spec -> spec.withId("acknowledge-covers")).getText())
                .isEqualTo("This acceptance covers rule T-5 for site LYO of pool pchat.contoso.local only."
                        + " The same rule on another element stays to be accepted on its own.");
        // Issue 12: a counter instead of a silent cut at the service's limit.
        fillIn(_get(TextArea.class, spec -> spec.withId("acknowledge-reason")), "x".repeat(1002));
        assertThat(_get(Span.class, spec -> spec.withId("acknowledge-reason-counter"))
                        .getText())
                .isEqualTo("2 characters too many: at most 1,000");
        fillIn(_get(TextArea.class, spec -> spec.withId("acknowledge-reason")), "Migration in progress");
        assertThat(_get(Span.class, spec -> spec.withId("acknowledge-reason-counter"))
                        .getText())
                .isEqualTo("21 / 1,000 characters");
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(notificationTexts()).contains("Warning T-5 accepted for site LYO of pool pchat.contoso.local.");
        assertThat(topologies.latest(id).acknowledgements())
                .singleElement()
                .satisfies(ack -> assertThat(ack.reason()).isEqualTo("Migration in progress"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void twoVersionsAreComparedOnThePage() {
        long id = saveAs("view-op", Contoso.topology());
        topologies.saveVersion(id, 1, Contoso.renamed("Contoso DR drill"), "drill copy");
        navigate("topologies/" + id);
        showTab(VERSIONS);

        fillIn(_get(Select.class, spec -> spec.withId("compare-from")), 1);
        fillIn(_get(Select.class, spec -> spec.withId("compare-to")), 2);
        _click(_get(Button.class, spec -> spec.withId("compare")));

        Grid<TopologyDiff.Change> differences = _get(Grid.class, spec -> spec.withId("differences"));
        assertThat(GridKt._findAll(differences))
                .singleElement()
                .satisfies(change -> assertThat(change.path()).isEqualTo("name"));
        assertThat(GridKt._getFormattedRow(differences, 0))
                .containsExactly("the field name of the document", "Contoso production", "Contoso DR drill");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theVersionsListNamesEachChangedElementInsteadOfItsJsonPath() {
        long id = saveAs("view-op", Contoso.topology());
        topologies.saveVersion(
                id,
                1,
                TopologySamples.read(Contoso.textWith(
                        "{ \"fqdn\": \"pc02.contoso.local\", \"site\": \"PAR\", \"active\": true }",
                        "{ \"fqdn\": \"pc02.contoso.local\", \"site\": \"PAR\", \"active\": false }")),
                "pc02 passive");
        navigate("topologies/" + id);
        showTab(VERSIONS);

        Grid<VersionSummary> versions = _get(Grid.class, spec -> spec.withId("versions"));
        String changes = ((Div) GridKt._getCellComponent(versions, 0, "changes"))
                .getElement()
                .getTextRecursively();
        assertThat(changes)
                .contains("pc02.contoso.local")
                .contains("true → false")
                .doesNotContain("servers[");
        assertThat(((Span) GridKt._getCellComponent(versions, 1, "changes")).getText())
                .isEqualTo("First version");
    }

    @Test
    void anUploadThatIsNoTopologyListsItsProblemsAndStoresNothing() {
        signIn("view-importer", Role.OPERATOR);
        navigate("topologies");
        TopologyUpload upload = _get(TopologyUpload.class);
        int before = topologies.list(PageRequest.of(0, 500)).getNumberOfElements();

        upload.accept(
                "{\"format\": \"pchat-dr-topology/2\"}".getBytes(StandardCharsets.UTF_8),
                topology -> topologies.create(topology, null),
                saved -> {});

        assertThat(_get(Div.class, spec -> spec.withId("import-topology-problems"))
                        .getElement()
                        .getTextRecursively())
                .contains("cannot be read as a topology")
                .contains("format");
        assertThat(topologies.list(PageRequest.of(0, 500)).getNumberOfElements())
                .isEqualTo(before);
    }

    @Test
    void onlyOperatorsSeeTheImportAndTheWizard() {
        signIn("view-reader", Role.AUDITOR);
        navigate("topologies");
        _assertNone(TopologyUpload.class);
        _assertNone(Button.class, spec -> spec.withId("new-pool"));

        signIn("view-importer", Role.OPERATOR);
        UI.getCurrent().getPage().reload();
        _get(TopologyUpload.class);
        _click(_get(Button.class, spec -> spec.withId("new-pool")));
        assertThat(currentPath()).isEqualTo("topologies/new");
    }

    private static final int DIAGRAM = 1;
    private static final int VERSIONS = 2;

    @Test
    void theHeaderSaysWhichVersionIsPublishedAndTheDiagramFillsItsFrame() {
        long id = saveAs("view-op", Contoso.topology());
        signIn("view-reader", Role.AUDITOR);

        navigate("topologies/" + id);

        assertThat(_get(Span.class, spec -> spec.withId("published-version")).getText())
                .isEqualTo("No version published yet");
        showTab(DIAGRAM);
        Div frame = _get(Div.class, spec -> spec.withClasses("topology-diagram"));
        assertThat(frame.getWidth()).isEqualTo("100%");
        assertThat(_find(Html.class))
                .anySatisfy(html ->
                        assertThat(html.getElement().getAttribute("viewBox")).isNotBlank());
    }

    @Test
    void aRefusedUploadLeavesTheUploadReadyForTheNextFile() {
        signIn("view-importer", Role.OPERATOR);
        navigate("topologies");
        TopologyUpload upload = _get(TopologyUpload.class);
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        upload.accept(
                "{\"format\": \"pchat-dr-topology/2\"}".getBytes(StandardCharsets.UTF_8),
                topology -> topologies.create(topology, null),
                saved -> {});

        // Upload.clearFileList() empties the widget's list in the browser, so it takes another file.
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(js -> assertThat(js.getInvocation().getExpression()).contains("this.files = []"));
    }

    private static void showTab(int index) {
        _get(TabSheet.class, spec -> spec.withId("topology-tabs")).setSelectedIndex(index);
    }

    private long saveAs(String username, Topology topology, Role... roles) {
        signIn(username, roles.length == 0 ? new Role[] {Role.OPERATOR} : roles);
        TopologyVersion saved = topologies.create(topology, null);
        return saved.topologyId();
    }
}
