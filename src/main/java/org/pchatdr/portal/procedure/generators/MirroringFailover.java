package org.pchatdr.portal.procedure.generators;

import static org.pchatdr.portal.procedure.generators.ConfigureParts.shown;
import static org.pchatdr.portal.procedure.generators.ConfigureParts.step;
import static org.pchatdr.portal.procedure.generators.ConfigureParts.textThen;

import java.util.ArrayList;
import java.util.List;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.procedure.Quote;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/**
 * {@code mirroring-failover}: a planned switch of the principal to the mirror inside the primary
 * data center and back (M-5), for {@code mgc} and, when present, {@code mgccomp}: check that the
 * database is synchronized, fail over with the cmdlet (or {@code SET PARTNER FAILOVER} from the
 * principal), check, then return. A pool without any mirrored database is refused.
 */
public class MirroringFailover implements ProcedureGenerator {

    public MirroringFailover() {}

    @Override
    public String name() {
        return "mirroring-failover";
    }

    @Override
    public List<Note> warnings(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts) {
        List<Note> notes = new ArrayList<>();
        notes.add(new Note("M-5", texts.text("configure.failover.warning.scope")));
        if (ConfigureParts.mirrored(pool).stream().anyMatch(database -> database.witness() != null)) {
            notes.add(new Note("M-5", texts.text("configure.failover.warning.witness")));
        }
        return notes;
    }

    @Override
    public List<Step> steps(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts) {
        return ConfigureParts.forEachMirrored(pool, "M-5", database -> forDatabase(topology, pool, database, texts));
    }

    private List<Step> forDatabase(Topology topology, Topology.Pool pool, Database database, ProcedureTexts texts) {
        SqlInstance primary = Places.instance(topology, database.primary());
        SqlInstance mirror = Places.instance(topology, database.mirror());
        String db = shown(database.name());
        String primaryName = shown(Places.connectName(primary));
        String mirrorName = shown(Places.connectName(mirror));
        String partnerFailover = "ALTER DATABASE " + Quote.sqlIdentifier(database.name()) + " SET PARTNER FAILOVER;";
        List<Step> steps = new ArrayList<>();
        steps.add(step(
                "M-5",
                texts.text("configure.failover.check.title", db),
                texts.text("configure.failover.check.purpose", db),
                Places.lyncShell(pool),
                Language.POWERSHELL,
                ConfigureParts.mirrorState(pool, database),
                texts.text("configure.failover.check.expected", primaryName),
                ConfigureParts.mirroringQuery(database),
                List.of(),
                ConfigureParts.nothingToUndo(texts)));
        steps.add(step(
                "M-5",
                texts.text("configure.failover.toMirror.title", db, mirrorName),
                texts.text("configure.failover.toMirror.purpose", db),
                Places.lyncShell(pool),
                Language.POWERSHELL,
                ConfigureParts.failover(pool, database, "mirror"),
                texts.text("configure.failover.toMirror.expected", mirrorName),
                ConfigureParts.mirrorState(pool, database),
                List.of(),
                textThen(
                        texts.text("configure.failover.toMirror.undo"),
                        ConfigureParts.failover(pool, database, "primary"))));
        steps.add(step(
                "M-5",
                texts.text("configure.failover.tsql.title", db),
                texts.text("configure.failover.tsql.purpose", db, primaryName),
                Places.sqlInstance(topology, primary.id()),
                Language.TSQL,
                partnerFailover,
                texts.text("configure.failover.toMirror.expected", mirrorName),
                ConfigureParts.mirroringQuery(database),
                List.of(),
                textThen(texts.text("configure.failover.tsql.undo", mirrorName), partnerFailover)));
        steps.add(step(
                "M-5",
                texts.text("configure.failover.verify.title", mirrorName),
                texts.text("configure.failover.verify.purpose", db),
                Places.sqlInstance(topology, mirror.id()),
                Language.TSQL,
                ConfigureParts.mirroringQuery(database),
                texts.text(
                        "configure.failover.verify.expected",
                        shown(Places.mirroringAddress(primary, pool.mirroring().partnerPort()))),
                ConfigureParts.mirrorState(pool, database),
                List.of(),
                ConfigureParts.nothingToUndo(texts)));
        steps.add(step(
                "M-5",
                texts.text("configure.failover.back.title", db, primaryName),
                texts.text("configure.failover.back.purpose", db),
                Places.lyncShell(pool),
                Language.POWERSHELL,
                ConfigureParts.failover(pool, database, "primary"),
                texts.text("configure.failover.back.expected", primaryName),
                ConfigureParts.mirrorState(pool, database),
                List.of(),
                textThen(
                        texts.text("configure.failover.back.undo"),
                        ConfigureParts.failover(pool, database, "mirror"))));
        steps.add(step(
                "M-5",
                texts.text("configure.failover.tsqlBack.title", db),
                texts.text("configure.failover.tsql.purpose", db, mirrorName),
                Places.sqlInstance(topology, mirror.id()),
                Language.TSQL,
                partnerFailover,
                texts.text("configure.failover.back.expected", primaryName),
                ConfigureParts.mirroringQuery(database),
                List.of(),
                textThen(texts.text("configure.failover.tsql.undo", primaryName), partnerFailover)));
        steps.add(step(
                "M-5",
                texts.text("configure.failover.verify.title", primaryName),
                texts.text("configure.failover.verifyBack.purpose", db),
                Places.sqlInstance(topology, primary.id()),
                Language.TSQL,
                ConfigureParts.mirroringQuery(database),
                texts.text(
                        "configure.failover.verify.expected",
                        shown(Places.mirroringAddress(mirror, pool.mirroring().partnerPort()))),
                ConfigureParts.mirrorState(pool, database),
                List.of(),
                ConfigureParts.nothingToUndo(texts)));
        return steps;
    }
}
