package org.pchatdr.portal.procedure.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.router.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.Procedure.Target;
import org.pchatdr.portal.procedure.Procedure.TargetKind;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

class ProcedureViewTest extends KaribuTest {

    static final String POOL = "pchat.contoso.local";
    static final String SQL_SCRIPT = "ALTER DATABASE [mgc] SET PARTNER FAILOVER;";
    static final String SQL_VERIFY = "SELECT mirroring_role_desc FROM sys.database_mirroring;";
    static final String SHELL_SCRIPT =
            "Set-CsPersistentChatState -Identity 'service:PersistentChatServer:pchat.contoso.local' -PoolState FailedOver";
    static final String SHELL_UNDO =
            "Set-CsPersistentChatState -Identity 'service:PersistentChatServer:pchat.contoso.local' -PoolState Normal";

    @TestConfiguration
    static class FakeProcedureSource {

        @Bean
        @Primary
        ProcedureSource fakeProcedures() {
            return new FakeProcedures();
        }
    }

    /** Always the same three steps (T-SQL in Paris, shell in Lyon, manual in Paris), whatever is asked. */
    static class FakeProcedures implements ProcedureSource {

        @Override
        public Procedure generate(
                long topologyId, String poolFqdn, String name, String variant, Integer version, Locale locale) {
            return new Procedure(
                    name,
                    variant,
                    poolFqdn,
                    new Procedure.TopologyRef("Contoso production", version, "0123456789abcdef0123456789abcdef"),
                    Instant.parse("2026-11-26T08:30:00Z"),
                    List.of(new Note("F-0", "The compliance database is not failed over.")),
                    List.of(
                            new Step(
                                    1,
                                    "M-5",
                                    "Fail the mirror over",
                                    "Make the mirror the principal.",
                                    new Target(TargetKind.SQL_INSTANCE, "sqlpc01.contoso.local\\PCHAT", "PAR"),
                                    Language.TSQL,
                                    SQL_SCRIPT,
                                    "The command completes without error.",
                                    SQL_VERIFY,
                                    List.of(),
                                    "ALTER DATABASE [mgc] SET PARTNER FAILOVER;"),
                            new Step(
                                    2,
                                    "F-6",
                                    "Change the pool state",
                                    "Point the pool at the backup database.",
                                    new Target(TargetKind.LYNC_MANAGEMENT_SHELL, "Lync Management Shell", "LYO"),
                                    Language.POWERSHELL,
                                    SHELL_SCRIPT,
                                    "No error.",
                                    "Get-CsPersistentChatState",
                                    List.of(new Note("P-4", "Run it only after the database is online.")),
                                    SHELL_UNDO),
                            new Step(
                                    3,
                                    "F-7",
                                    "Tell the users",
                                    "They reconnect.",
                                    new Target(TargetKind.OPERATOR, "operator", "PAR"),
                                    Language.NONE,
                                    "Send the prepared message.",
                                    "Users know.",
                                    null,
                                    List.of(),
                                    null)));
        }

        @Override
        public List<String> names() {
            return List.of("configure-mirroring", "site-failover");
        }

        @Override
        public List<String> variants(String name) {
            return name.equals("site-failover") ? List.of("unplanned", "planned") : List.of();
        }

        @Override
        public String markdown(Procedure procedure, Locale locale) {
            return "# " + procedure.procedure() + " " + locale.getLanguage();
        }

        @Override
        public Map<String, String> sqlByInstance(Procedure procedure) {
            Map<String, String> scripts = new LinkedHashMap<>();
            scripts.put("sqlpc01.contoso.local\\PCHAT", SQL_SCRIPT);
            scripts.put("sqlpc11.contoso.local\\PCHAT", "SELECT 1;");
            return scripts;
        }

        @Override
        public String powerShell(Procedure procedure) {
            return SHELL_SCRIPT;
        }
    }

    @Autowired
    TopologyService topologies;

    @Test
    void theStepsShowWithTheirTargetsScriptsAndHowToUndoThem() {
        long id = publishedContoso();
        signIn("proc-reader", Role.AUDITOR);

        open(id, "procedure", "site-failover");

        assertThat(_get(H2.class, spec -> spec.withId("procedure-title")).getText())
                .isEqualTo("Site failover to the secondary site (unplanned, primary site lost)");
        assertThat(text("procedure-topology"))
                .isEqualTo("Topology Contoso production, version 1, SHA-256 0123456789ab");
        assertThat(_get(Pre.class, spec -> spec.withId("script-1")).getText()).isEqualTo(SQL_SCRIPT);
        assertThat(_get(Pre.class, spec -> spec.withId("script-2")).getText()).isEqualTo(SHELL_SCRIPT);
        assertThat(_get(Pre.class, spec -> spec.withId("verify-1")).getText()).isEqualTo(SQL_VERIFY);
        assertThat(text("target-1")).isEqualTo("SQL instance · sqlpc01.contoso.local\\PCHAT · Paris - Saint-Denis");
        assertThat(text("target-2")).isEqualTo("Lync Management Shell · Lyon - Vaise");
        assertThat(_get(Pre.class, spec -> spec.withId("undo-2")).getText()).isEqualTo(SHELL_UNDO);
        assertThat(_get(Paragraph.class, spec -> spec.withId("undo-3")).getText())
                .isEqualTo("This step cannot be undone.");
        assertThat(_get(Div.class, spec -> spec.withId("step-warnings-2"))
                        .getElement()
                        .getTextRecursively())
                .contains("P-4", "Run it only after the database is online.");
        _assertNone(Div.class, spec -> spec.withId("draft-marker"));
        assertThat(selectValue("variant-choice")).isEqualTo("unplanned");
    }

    @Test
    void everyScriptAndVerificationHasACopyButtonThatHandsItToTheClipboard() {
        long id = publishedContoso();
        signIn("proc-reader", Role.AUDITOR);
        open(id, "procedure", "site-failover");

        assertThat(_find(Button.class, spec -> spec.withClasses("procedure-copy")))
                .extracting(Component::getId)
                .containsExactly(
                        java.util.Optional.of("copy-script-1"),
                        java.util.Optional.of("copy-verify-1"),
                        java.util.Optional.of("copy-script-2"),
                        java.util.Optional.of("copy-verify-2"));
        _assertNone(Button.class, spec -> spec.withId("copy-script-3"));

        Button copy = _get(Button.class, spec -> spec.withId("copy-script-2"));
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        // Karibu's _click ends with a simulated round trip that sends (and forgets) pending JavaScript.
        copy.click();
        // Element.executeJs queues the call until the response is written.
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();

        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(invocation -> {
                    assertThat(invocation.getInvocation().getExpression()).contains("navigator.clipboard.writeText");
                    assertThat(invocation.getInvocation().getParameters()).contains(SHELL_SCRIPT);
                });
    }

    @Test
    void theWarningsOfTheWholeProcedureComeBeforeTheSteps() {
        long id = publishedContoso();
        signIn("proc-reader", Role.AUDITOR);
        open(id, "procedure", "site-failover");

        Div warnings = _get(Div.class, spec -> spec.withId("procedure-warnings"));

        assertThat(warnings.getElement().getTextRecursively())
                .contains("Read before you start", "F-0", "The compliance database is not failed over.");
        Component document = warnings.getParent().orElseThrow();
        assertThat(document.getChildren().toList().indexOf(warnings))
                .isLessThan(document.getChildren().toList().indexOf(_get(Div.class, spec -> spec.withId("steps"))));
    }

    @Test
    void groupingBySiteListsTheStepsToRunAtEachSiteInOrder() {
        long id = publishedContoso();
        signIn("proc-reader", Role.OPERATOR);
        open(id, "procedure", "site-failover");

        fillIn(_get(Checkbox.class, spec -> spec.withId("group-by-site")), true);

        assertThat(currentPath()).contains("group=site");
        List<Div> sites = _find(Div.class, spec -> spec.withClasses("procedure-site"));
        assertThat(sites)
                .extracting(site -> site.getElement().getAttribute("data-site"))
                .containsExactly("PAR", "LYO");
        assertThat(stepsIn(sites.get(0))).containsExactly("step-1", "step-3");
        assertThat(stepsIn(sites.get(1))).containsExactly("step-2");
        assertThat(sites.get(0).getElement().getChild(0).getText())
                .isEqualTo("Steps to run at site Paris - Saint-Denis");
    }

    @Test
    void anUnknownProcedureInTheAddressIsExplainedAndTheValidOnesAreOffered() {
        long id = publishedContoso();
        signIn("proc-reader", Role.AUDITOR);

        open(id, "procedure", "site-failover-now");

        assertThat(text("procedure-message"))
                .isEqualTo("There is no procedure called site-failover-now. Choose one from the list.");
        Select<String> choice = select("procedure-choice");
        assertThat(choice.getValue()).isNull();
        assertThat(choice.getListDataView().getItems()).containsExactly("configure-mirroring", "site-failover");
        _assertNone(Div.class, spec -> spec.withClasses("procedure-step"));

        fillIn(choice, "configure-mirroring");

        assertThat(_get(H2.class, spec -> spec.withId("procedure-title")).getText())
                .isEqualTo("Configure database mirroring");
        _assertNone(Select.class, spec -> spec.withId("variant-choice"));
    }

    @Test
    void anUnknownPoolOrVariantIsExplainedOnThePage() {
        long id = publishedContoso();
        signIn("proc-reader", Role.AUDITOR);

        open(id, "pool", "pchat.fabrikam.local", "procedure", "site-failover");
        assertThat(text("procedure-message")).startsWith("There is no pool pchat.fabrikam.local in this topology");
        assertThat(select("pool-choice").getListDataView().getItems()).containsExactly(POOL);

        open(id, "procedure", "site-failover", "variant", "rehearsal");
        assertThat(text("procedure-message"))
                .isEqualTo("This procedure has no variant rehearsal. Choose one from the list.");
        assertThat(select("variant-choice").getListDataView().getItems()).containsExactly("unplanned", "planned");
    }

    @Test
    void theDownloadsAreNamedAfterProcedurePoolVersionAndInstance() {
        long id = publishedContoso();
        signIn("proc-reader", Role.AUDITOR);
        open(id, "procedure", "site-failover", "variant", "planned");

        assertThat(_find(Anchor.class, spec -> spec.withClasses("procedure-download")))
                .extracting(anchor -> anchor.getElement().getAttribute("data-file-name"))
                .containsExactly(
                        "site-failover-planned-pchat.contoso.local-v1.md",
                        "site-failover-planned-pchat.contoso.local-v1-sqlpc01.contoso.local-PCHAT.sql",
                        "site-failover-planned-pchat.contoso.local-v1-sqlpc11.contoso.local-PCHAT.sql",
                        "site-failover-planned-pchat.contoso.local-v1.ps1");
        assertThat(_get(Anchor.class, spec -> spec.withId("download-sql-sqlpc01-contoso-local-PCHAT"))
                        .getText())
                .isEqualTo("T-SQL for sqlpc01.contoso.local\\PCHAT");
        assertThat(downloaded("download-markdown")).isEqualTo("# site-failover en");
        assertThat(downloaded("download-sql-sqlpc01-contoso-local-PCHAT")).isEqualTo("\uFEFF" + SQL_SCRIPT);
        assertThat(downloaded("download-ps1")).isEqualTo("\uFEFF" + SHELL_SCRIPT);
    }

    @Test
    void withoutAPublishedVersionOperatorsMayPreviewTheLatestAsADraft() {
        long id = savedContoso("proc-op");
        signIn("proc-auditor", Role.AUDITOR);
        open(id, "procedure", "site-failover");
        assertThat(text("procedure-message")).startsWith("No version of Contoso production is published yet");
        _assertNone(Button.class, spec -> spec.withId("preview-latest"));

        signIn("proc-op", Role.OPERATOR);
        open(id, "procedure", "site-failover");
        _click(_get(Button.class, spec -> spec.withId("preview-latest")));

        assertThat(currentPath()).contains("version=1");
        assertThat(text("draft-marker")).startsWith("Draft, not for a real run");
        assertThat(_find(Div.class, spec -> spec.withClasses("procedure-step"))).hasSize(3);
    }

    @Test
    void thePrintablePageShowsTheStepsWithoutTheFrameOrCopyButtons() {
        long id = publishedContoso();
        signIn("proc-reader", Role.AUDITOR);
        open(id, "procedure", "site-failover");
        String print = _get(Anchor.class, spec -> spec.withId("print")).getHref();
        assertThat(print).startsWith("topologies/" + id + "/procedures/print?");
        assertThat(QueryParameters.fromString(print.substring(print.indexOf('?') + 1))
                        .getParameters())
                .isEqualTo(Map.of(
                        "pool", List.of(POOL), "procedure", List.of("site-failover"), "variant", List.of("unplanned")));

        navigate(
                print.substring(0, print.indexOf('?')),
                QueryParameters.fromString(print.substring(print.indexOf('?') + 1)));

        assertThat(_find(Div.class, spec -> spec.withClasses("procedure-step"))).hasSize(3);
        assertThat(_get(Pre.class, spec -> spec.withId("script-1")).getText()).isEqualTo(SQL_SCRIPT);
        _assertNone(Button.class, spec -> spec.withClasses("procedure-copy"));
        _assertNone(SideNav.class);
        assertThat(_get(Button.class, spec -> spec.withId("print-now")).getText())
                .isEqualTo("Print");
    }

    @Test
    void theLabelsAreFrenchForAFrenchSpeakingOperator() {
        long id = publishedContoso();
        signIn("proc-reader", Role.AUDITOR);
        chooseLanguage(Locale.FRENCH);

        open(id, "procedure", "site-failover");

        assertThat(_get(H2.class, spec -> spec.withId("procedure-title")).getText())
                .isEqualTo("Basculement vers le site secondaire (non planifié, site principal perdu)");
        assertThat(select("procedure-choice").getLabel()).isEqualTo("Procédure");
        assertThat(_get(Button.class, spec -> spec.withId("copy-script-1")).getText())
                .isEqualTo("Copier");
        assertThat(text("target-1")).startsWith("Instance SQL · ");
        assertThat(_get(Paragraph.class, spec -> spec.withId("undo-3")).getText())
                .isEqualTo("Cette étape ne peut pas être annulée.");
        assertThat(_get(Div.class, spec -> spec.withId("procedure-warnings"))
                        .getElement()
                        .getTextRecursively())
                .contains("À lire avant de commencer");
    }

    @Test
    void anOperatorReadingAPublishedProcedureMayRequestARunOfIt() {
        long id = publishedContoso();
        signIn("proc-operator", Role.OPERATOR);

        open(id, "procedure", "site-failover", "variant", "planned");

        Anchor request = _get(Anchor.class, spec -> spec.withId("request-run"));
        assertThat(request.getText()).isEqualTo("Request a run of this procedure");
        assertThat(request.getHref()).startsWith("runs/new?");
        assertThat(QueryParameters.fromString(request.getHref().substring("runs/new?".length()))
                        .getParameters())
                .isEqualTo(Map.of(
                        "topology", List.of(Long.toString(id)),
                        "pool", List.of(POOL),
                        "procedure", List.of("site-failover"),
                        "variant", List.of("planned")));
    }

    @Test
    void onlyOperatorsAndOnlyOnThePublishedVersionAreOfferedToRequestARun() {
        long published = publishedContoso();
        signIn("proc-reader", Role.AUDITOR, Role.APPROVER);
        open(published, "procedure", "site-failover");
        _assertNone(Anchor.class, spec -> spec.withId("request-run"));

        long draft = savedContoso("proc-op");
        open(draft, "procedure", "site-failover", "version", "1");
        assertThat(text("draft-marker")).startsWith("Draft");
        _assertNone(Anchor.class, spec -> spec.withId("request-run"));
    }

    @Test
    void theTopologyPageLinksToItsProcedures() {
        long id = publishedContoso();
        signIn("proc-reader", Role.AUDITOR);

        navigate("topologies/" + id);

        assertThat(_get(Anchor.class, spec -> spec.withId("open-procedures")).getHref())
                .isEqualTo("topologies/" + id + "/procedures");
    }

    private long savedContoso(String operator) {
        signIn(operator, Role.OPERATOR);
        return topologies.create(Contoso.topology(), "for the procedure page").topologyId();
    }

    private long publishedContoso() {
        long id = savedContoso("proc-op");
        signIn("proc-approver", Role.APPROVER);
        topologies.publish(id, 1);
        return id;
    }

    private void open(long id, String... parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            values.put(parameters[i], List.of(parameters[i + 1]));
        }
        navigate("topologies/" + id + "/procedures", new QueryParameters(values));
    }

    private static String downloaded(String id) {
        return new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId(id))), StandardCharsets.UTF_8);
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static Select<String> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private static String selectValue(String id) {
        return select(id).getValue();
    }

    private static List<String> stepsIn(Div site) {
        return site.getChildren()
                .filter(child -> child.hasClassName("procedure-step"))
                .map(child -> child.getId().orElseThrow())
                .toList();
    }
}
