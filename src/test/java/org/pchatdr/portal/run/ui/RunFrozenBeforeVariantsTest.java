package org.pchatdr.portal.run.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.run.ui.RunPage.text;

import com.vaadin.flow.component.html.H3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ProcedureJson;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run requested before procedures had variants (issue 9, C-9) froze configure-mirroring with no
 * variant and both routes as consecutive steps: it still reads, and its page shows it exactly as it
 * was frozen, not as the generator writes it today.
 */
class RunFrozenBeforeVariantsTest extends KaribuTest {

    @Autowired
    RunService runs;

    @Autowired
    TopologyService topologies;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRunFrozenBeforeVariantsExistedShowsItsOwnStepsAndNoVariant() throws Exception {
        String old = resource("/frozen/configure-mirroring-before-variants.json");
        Procedure frozen = ProcedureJson.read(old);
        assertThat(frozen.variant()).isNull();
        long id = runFrozenAs(old, frozen);

        assertThat(runs.frozenProcedure(id).in(Locale.ENGLISH)).isEqualTo(frozen);
        assertThat(runs.frozenProcedure(id).in(Locale.FRENCH))
                .as("frozen in one language, read as frozen whatever the reader's")
                .isEqualTo(frozen);
        assertThat(runs.procedure(id)).isEqualTo(old);
        assertThat(runs.run(id).variant()).isNull();

        signIn("frozen-viewer", Role.APPROVER);
        navigate("");
        navigate("runs/" + id);
        assertThat(text("run-title")).isEqualTo("Run " + id + ": Configure database mirroring");
        assertThat(_find(H3.class).stream().map(H3::getText))
                .contains(
                        "6. Set up mirroring of mgc with Install-CsMirrorDatabase",
                        "7. T-SQL route, instead of Install-CsMirrorDatabase: back up mgc to the file share",
                        "12. Check the mirroring state of mgc from the Lync Management Shell")
                .filteredOn(title -> title.matches("\\d+\\. .*"))
                .hasSize(frozen.steps().size());
    }

    @Test
    void aRunFrozenInOneLanguageShowsItsOwnStepsToAFrenchReaderWithItsSiteNames() throws Exception {
        String old = resource("/frozen/configure-mirroring-before-variants.json");
        Procedure frozen = ProcedureJson.read(old);
        long id = runFrozenAs(old, frozen);

        assertThat(runs.run(id, Locale.FRENCH).steps())
                .extracting(RunView.Step::title)
                .containsExactlyElementsOf(
                        frozen.steps().stream().map(Procedure.Step::title).toList());
        assertThat(runs.frozenProcedure(id).facts().siteName("PAR"))
                .as("site names of the topology version it was frozen from")
                .isEqualTo("Paris - Saint-Denis");

        signIn("frozen-french-viewer", Role.AUDITOR);
        navigate("");
        chooseLanguage(Locale.FRENCH);
        navigate("runs/" + id);
        assertThat(_find(H3.class).stream().map(H3::getText))
                .contains("6. Set up mirroring of mgc with Install-CsMirrorDatabase");
    }

    @Test
    void everyProcedureFrozenBeforeVariantsReadsBackToTheSameDocument() throws Exception {
        for (String name : List.of("configure-mirroring", "mirroring-failover")) {
            String old = resource("/frozen/" + name + "-before-variants.json");
            Procedure frozen = ProcedureJson.read(old);
            assertThat(frozen.variant()).as(name).isNull();
            assertThat(ProcedureJson.write(frozen)).as(name).isEqualTo(old);
        }
        Procedure failover = ProcedureJson.read(resource("/frozen/mirroring-failover-before-variants.json"));
        assertThat(failover.steps())
                .as("both halves, as they were frozen")
                .anySatisfy(step -> assertThat(step.script()).contains("-NewPrincipal mirror"))
                .anySatisfy(step -> assertThat(step.script()).contains("-NewPrincipal primary"));
    }

    /** A run requested today, then rewritten in the database as the portal stored runs before the change. */
    private long runFrozenAs(String document, Procedure frozen) throws Exception {
        RunFixtures fixtures = new RunFixtures(topologies, runs);
        long topology = fixtures.publishedContoso();
        TestAccounts.signIn("frozen-requester", Role.OPERATOR);
        RunView run = runs.request(
                new RunRequest(
                        topology,
                        RunFixtures.POOL,
                        "configure-mirroring",
                        null,
                        RunKind.DRILL,
                        "frozen before variants",
                        null),
                Locale.ENGLISH);
        String sha = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        jdbc.update("UPDATE run SET variant = NULL, procedure_sha256 = ? WHERE id = ?", sha, run.id());
        jdbc.update("UPDATE run_procedure SET procedure_document = ? WHERE run_id = ?", document, run.id());
        jdbc.update("DELETE FROM run_step WHERE run_id = ?", run.id());
        for (Procedure.Step step : frozen.steps()) {
            jdbc.update(
                    "INSERT INTO run_step (run_id, number, rule_id, title, state, attempts) VALUES (?, ?, ?, ?, 'NOT_STARTED', 0)",
                    run.id(),
                    step.number(),
                    step.ruleId(),
                    step.title());
        }
        return run.id();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = RunFrozenBeforeVariantsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
