package org.pchatdr.portal.topology.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

class TopologyEditorViewTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    @Test
    void anOperatorChangesAServerAndTheSiteLinkAndSavesThemAsVersionTwo() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");
        showTab(TopologyEditorView.POOLS_TAB);

        fillIn(activeCheckbox(2), true);
        fillIn(activeCheckbox(1), false);
        fillIn(_get(Select.class, spec -> spec.withId("pool-site-link")), SiteLink.LOW_BANDWIDTH);
        fillIn(_get(TextField.class, spec -> spec.withId("save-comment")), "pc03 replaces pc02");
        _click(_get(Button.class, spec -> spec.withId("save-version")));

        Topology.Pool saved = topologies.latest(id).topology().pools().getFirst();
        assertThat(topologies.latest(id).number()).isEqualTo(2);
        assertThat(topologies.latest(id).comment()).isEqualTo("pc03 replaces pc02");
        assertThat(saved.servers().get(1).active()).isFalse();
        assertThat(saved.servers().get(2).active()).isTrue();
        assertThat(saved.siteLink()).isEqualTo(SiteLink.LOW_BANDWIDTH);
        assertThat(currentPath()).isEqualTo("topologies/" + id);
    }

    @Test
    void anOptionalInstanceChoiceLeftEmptyShowsNothingRatherThanNull() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");
        showTab(TopologyEditorView.POOLS_TAB);

        Select<?> monitor = _get(Select.class, spec -> spec.withId("log-shipping-monitor"));
        monitor.clear();

        List<String> labels = items(monitor.getElement())
                .map(item -> item.getAttribute("label"))
                .toList();
        assertThat(labels).as("labels of the monitor's items").isNotEmpty().doesNotContain("null");
    }

    private static Stream<Element> items(Element element) {
        Stream<Element> self = !element.isTextNode() && "vaadin-select-item".equals(element.getTag())
                ? Stream.of(element)
                : Stream.empty();
        return Stream.concat(self, element.getChildren().flatMap(TopologyEditorViewTest::items));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aPoolIsAddedThenRemovedKeepingTheCommentAndTheOtherEdits() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");
        fillIn(_get(TextField.class, spec -> spec.withId("topology-name")), "Contoso with a second pool");
        fillIn(_get(TextField.class, spec -> spec.withId("save-comment")), "second pool");
        showTab(TopologyEditorView.POOLS_TAB);

        _click(_get(Button.class, spec -> spec.withId("add-pool")));

        Select<Object> pools = _get(Select.class, spec -> spec.withId("pool-choice"));
        assertThat(pools.isVisible()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("pool-fqdn")).getValue())
                .isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withId("save-comment")).getValue())
                .isEqualTo("second pool");

        _click(_get(Button.class, spec -> spec.withId("remove-pool")));

        assertThat(_get(TextField.class, spec -> spec.withId("pool-fqdn")).getValue())
                .isEqualTo("pchat.contoso.local");
        showTab(TopologyEditorView.GENERAL_TAB);
        assertThat(_get(TextField.class, spec -> spec.withId("topology-name")).getValue())
                .isEqualTo("Contoso with a second pool");
    }

    @Test
    void anInvalidPoolFqdnIsMarkedOnItsFieldAndNothingIsSaved() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");
        showTab(TopologyEditorView.POOLS_TAB);
        TextField fqdn = _get(TextField.class, spec -> spec.withId("pool-fqdn"));

        fillIn(fqdn, "pchat;contoso");
        _click(_get(Button.class, spec -> spec.withId("save-version")));

        assertThat(fqdn.isInvalid()).isTrue();
        assertThat(fqdn.getErrorMessage()).contains("pchat;contoso");
        assertThat(_get(Div.class, spec -> spec.withId("save-problems"))
                        .getElement()
                        .getTextRecursively())
                .contains("Nothing was saved");
        assertThat(topologies.latest(id).number()).isEqualTo(1);
        assertThat(currentPath()).isEqualTo("topologies/" + id + "/edit");
    }

    /** C-11: the inline check accepts what Windows accepts and names the character it refuses. */
    @Test
    void aShareWithAnApostropheIsSavedAndOneWithABracketIsRefusedWithTheReason() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");
        showTab(TopologyEditorView.POOLS_TAB);
        TextField share = _get(TextField.class, spec -> spec.withId("log-shipping-share"));

        fillIn(share, "\\\\fs01\\logs[old]");

        assertThat(share.isInvalid()).isTrue();
        assertThat(share.getErrorMessage())
                .contains("“[”")
                .contains("logs[old]")
                .contains("MS-FSCC 2.1.6");

        fillIn(share, "\\\\fs01\\o'brien-logship");
        _click(_get(Button.class, spec -> spec.withId("save-version")));

        assertThat(share.isInvalid()).isFalse();
        assertThat(topologies.latest(id).number()).isEqualTo(2);
        assertThat(topologies
                        .latest(id)
                        .topology()
                        .pools()
                        .getFirst()
                        .logShipping()
                        .share())
                .isEqualTo("\\\\fs01\\o'brien-logship");
    }

    @Test
    void aRemovedSiteThatIsStillReferencedKeepsTheDraftFromBeingSaved() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");
        showTab(TopologyEditorView.SITES_TAB);

        @SuppressWarnings("unchecked")
        Grid<DraftTopology.DraftSite> sites = _get(Grid.class, spec -> spec.withId("site-grid"));
        sites.select(GridKt._get(sites, 1));
        _click(_get(Button.class, spec -> spec.withId("remove-site")));
        _click(_get(Button.class, spec -> spec.withId("save-version")));

        assertThat(_find(Button.class, spec -> spec.withClasses("structural-error")))
                .isNotEmpty()
                .allSatisfy(error -> assertThat(error.getText()).isNotBlank());
        assertThat(topologies.latest(id).number()).isEqualTo(1);
    }

    @Test
    void aRuleViolationAppearsWhileEditingAndDisappearsWhenFixed() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");
        showTab(TopologyEditorView.POOLS_TAB);
        assertThat(shownRules()).doesNotContain("T-1");

        fillIn(activeCheckbox(2), true);
        assertThat(shownRules()).contains("T-1");

        fillIn(activeCheckbox(2), false);
        assertThat(shownRules()).doesNotContain("T-1");
    }

    @SuppressWarnings("unchecked")
    @Test
    void clickingAViolationShowsTheTabAndRowItIsAbout() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");
        showTab(TopologyEditorView.INSTANCES_TAB);
        Grid<DraftTopology.DraftSqlInstance> instances = _get(Grid.class, spec -> spec.withId("instance-grid"));
        instances.select(GridKt._get(instances, 1));
        fillIn(_get(IntegerField.class, spec -> spec.withId("instance-port")), 5022);
        showTab(TopologyEditorView.GENERAL_TAB);

        _click(violation("sqlInstances[1].port"));

        assertThat(tabs().getSelectedIndex()).isEqualTo(TopologyEditorView.INSTANCES_TAB);
        assertThat(instances.asSingleSelect().getValue().id).isEqualTo("par-sql-2");
        assertThat(_get(IntegerField.class, spec -> spec.withId("instance-port"))
                        .getValue())
                .isEqualTo(5022);

        fillIn(activeCheckboxAfterShowingPools(2), true);
        showTab(TopologyEditorView.GENERAL_TAB);
        _click(violation("pools[0].servers"));
        assertThat(tabs().getSelectedIndex()).isEqualTo(TopologyEditorView.POOLS_TAB);
    }

    @Test
    void everyKindOfPathTheRulesReportLeadsToTheFieldThatEditsIt() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");
        TopologyEditorView editor = _get(TopologyEditorView.class);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("name", "topology-name");
        expected.put("sites[1].timeZone", "site-time-zone");
        expected.put("sqlInstances[3].port", "instance-port");
        expected.put("pools[0].fqdn", "pool-fqdn");
        expected.put("pools[0].secondarySite", "pool-secondary-site");
        expected.put("pools[0].nextHopPool", "pool-next-hop-fqdn");
        expected.put("pools[0].fileStore", "pool-file-store");
        expected.put("pools[0].servers", "server-grid");
        expected.put("pools[0].databases[0].mirror", "mgc-mirror");
        expected.put("pools[0].databases[0].backupWitness", "mgc-backupWitness");
        expected.put("pools[0].mirroring.partnerPort", "mirroring-partner-port");
        expected.put("pools[0].logShipping", "log-shipping-configured");
        expected.put("pools[0].logShipping.share", "log-shipping-share");
        expected.put("pools[0].logShipping.copyDestination", "log-shipping-copy-destination");
        expected.put("pools[0].logShipping.monitor", "log-shipping-monitor");

        expected.forEach((path, fieldId) -> {
            editor.reveal(path);
            assertThat(editor.fieldAt(path).flatMap(Component::getId)).as(path).contains(fieldId);
        });

        // The grid creates a row's components when it renders the row, as the browser asks for it.
        Checkbox active = activeCheckbox(2);
        editor.reveal("pools[0].servers[2].active");
        assertThat(editor.fieldAt("pools[0].servers[2].active")).containsSame(active);
        assertThat(serverGrid().asSingleSelect().getValue().fqdn).isEqualTo("pc03.contoso.local");
        assertThat(tabs().getSelectedIndex()).isEqualTo(TopologyEditorView.POOLS_TAB);
    }

    @Test
    void aSaveOvertakenByAnotherVersionShowsTheConflictAndKeepsTheEdits() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");
        showTab(TopologyEditorView.GENERAL_TAB);
        TextField name = _get(TextField.class, spec -> spec.withId("topology-name"));
        fillIn(name, "Contoso after the drill");
        topologies.saveVersion(id, 1, Contoso.renamed("Contoso by someone else"), "meanwhile");

        _click(_get(Button.class, spec -> spec.withId("save-version")));

        assertThat(_get(Div.class, spec -> spec.withId("save-problems"))
                        .getElement()
                        .getTextRecursively())
                .contains("You started from version 1")
                .contains("saved version 2");
        assertThat(name.getValue()).isEqualTo("Contoso after the drill");
        assertThat(topologies.latest(id).number()).isEqualTo(2);
        assertThat(topologies.latest(id).topology().name()).isEqualTo("Contoso by someone else");

        _click(_get(Button.class, spec -> spec.withId("reload-latest")));
        showTab(TopologyEditorView.GENERAL_TAB);
        assertThat(_get(TextField.class, spec -> spec.withId("topology-name")).getValue())
                .isEqualTo("Contoso by someone else");
    }

    @Test
    void discardingAsksFirstThenLeavesTheTopologyAsItWas() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");
        fillIn(_get(TextField.class, spec -> spec.withId("topology-name")), "Never saved");

        _click(_get(Button.class, spec -> spec.withId("discard-changes")));
        assertThat(currentPath()).as("asked first, still editing").isEqualTo("topologies/" + id + "/edit");
        _click(_get(Button.class, spec -> spec.withId("dialog-confirm")));

        assertThat(currentPath()).isEqualTo("topologies/" + id);
        assertThat(topologies.latest(id).number()).isEqualTo(1);
    }

    @Test
    void leavingWithoutChangesAsksNothing() {
        long id = imported(Contoso.topology());
        navigate("topologies/" + id + "/edit");

        _click(_get(Button.class, spec -> spec.withId("discard-changes")));

        assertThat(currentPath()).isEqualTo("topologies/" + id);
    }

    @Test
    void auditorsAndApproversCannotOpenTheEditor() {
        long id = imported(Contoso.topology());
        for (Role role : List.of(Role.AUDITOR, Role.APPROVER)) {
            signIn("editor-" + role.name().toLowerCase(Locale.ROOT), role);
            assertRefused("topologies/" + id + "/edit");
        }
    }

    @Test
    void theEditorSpeaksFrenchWhenFrenchIsChosen() {
        long id = imported(Contoso.topology());
        chooseLanguage(Locale.FRENCH);
        navigate("topologies/" + id + "/edit");

        assertThat(_get(Button.class, spec -> spec.withId("save-version")).getText())
                .isEqualTo("Enregistrer comme nouvelle version");
        assertThat(_find(Tab.class)).extracting(Tab::getLabel).contains("Général", "Instances SQL");
        showTab(TopologyEditorView.POOLS_TAB);
        assertThat(_get(Select.class, spec -> spec.withId("pool-site-link")).getLabel())
                .isEqualTo("Liaison entre les sites");
    }

    private long imported(Topology topology) {
        signIn("editor-op", Role.OPERATOR);
        return topologies.create(topology, "imported").topologyId();
    }

    private static TabSheet tabs() {
        return _get(TabSheet.class, spec -> spec.withId("editor-tabs"));
    }

    private static void showTab(int index) {
        tabs().setSelectedIndex(index);
    }

    private static Checkbox activeCheckbox(int row) {
        return (Checkbox) GridKt._getCellComponent(serverGrid(), row, "active");
    }

    @SuppressWarnings("unchecked")
    private static Grid<DraftTopology.DraftServer> serverGrid() {
        return _get(Grid.class, spec -> spec.withId("server-grid"));
    }

    private static Checkbox activeCheckboxAfterShowingPools(int row) {
        showTab(TopologyEditorView.POOLS_TAB);
        return activeCheckbox(row);
    }

    private static List<String> shownRules() {
        return _find(Button.class, spec -> spec.withClasses("violation")).stream()
                .map(button -> button.getElement().getAttribute("data-rule"))
                .toList();
    }

    private static Button violation(String path) {
        return _find(Button.class, spec -> spec.withClasses("violation")).stream()
                .filter(button -> path.equals(button.getElement().getAttribute("data-path")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no violation at " + path + " among " + shownRules() + " at " + NavigatorKt.getCurrentPath()));
    }
}
