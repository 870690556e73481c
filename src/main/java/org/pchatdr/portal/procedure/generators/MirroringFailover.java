package org.pchatdr.portal.procedure.generators;

import static org.pchatdr.portal.procedure.generators.ConfigureParts.lines;
import static org.pchatdr.portal.procedure.generators.ConfigureParts.shown;
import static org.pchatdr.portal.procedure.generators.ConfigureParts.textThen;

import java.util.ArrayList;
import java.util.List;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.procedure.Quote;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/**
 * {@code mirroring-failover} (M-5), for {@code mgc} and, when present, {@code mgccomp}, one direction
 * per procedure (C-9): {@code to-mirror} (the default) is a planned switch of the principal to the
 * mirror inside the primary data center, {@code to-primary} the switch back, each checking that the
 * session is SYNCHRONIZED first and the roles after; {@code principal-lost} forces service on the
 * mirror when the principal cannot be reached (C-8), which may lose the transactions the mirror had
 * not received: its forcing step, and only it, cites C-8, so that a run stops at the data-loss gate
 * before it. The
 * cmdlet is the step; the T-SQL statement that does the same is given beside it, never as a second
 * step. A pool without any mirrored database is refused.
 */
public class MirroringFailover extends NamedGenerator {

    static final String TO_MIRROR = "to-mirror";
    static final String TO_PRIMARY = "to-primary";
    static final String PRINCIPAL_LOST = "principal-lost";

    /** The rule of the step that forces service: the run's data-loss gate stops before it. */
    public static final String FORCE_SERVICE_RULE = "C-8";

    public MirroringFailover() {
        super("mirroring-failover", TO_MIRROR, TO_PRIMARY, PRINCIPAL_LOST);
    }

    @Override
    public List<Note> warnings(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts) {
        List<Note> notes = new ArrayList<>();
        boolean witness = ConfigureParts.mirrored(pool).stream().anyMatch(database -> database.witness() != null);
        if (PRINCIPAL_LOST.equals(variant)) {
            notes.add(new Note("C-8", texts.text("configure.failover.warning.dataLoss")));
            notes.add(new Note("M-5", texts.text("configure.failover.warning.lostScope")));
            if (witness) {
                notes.add(new Note("M-5", texts.text("configure.failover.warning.lostWitness")));
            }
        } else {
            notes.add(new Note("M-5", texts.text("configure.failover.warning.scope")));
            if (witness) {
                notes.add(new Note("M-5", texts.text("configure.failover.warning.witness")));
            }
        }
        return notes;
    }

    @Override
    public List<Step> steps(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts) {
        Steps steps = new Steps(texts);
        if (PRINCIPAL_LOST.equals(variant)) {
            // Every database is forced before any session resumes: resuming waits for the old principal.
            ConfigureParts.forEachMirrored(pool, "M-5", database -> principalLost(topology, pool, database, steps));
            ConfigureParts.mirrored(pool).forEach(database -> resume(topology, database, steps));
            return steps.steps();
        }
        ConfigureParts.forEachMirrored(pool, "M-5", database -> {
            SqlInstance primary = Places.instance(topology, database.primary());
            SqlInstance mirror = Places.instance(topology, database.mirror());
            if (TO_PRIMARY.equals(variant)) {
                planned(topology, pool, database, mirror, primary, "primary", steps);
            } else {
                planned(topology, pool, database, primary, mirror, "mirror", steps);
            }
        });
        return steps.steps();
    }

    /**
     * A switch without data loss from the principal {@code from} to its partner {@code to}
     * ({@code newPrincipal} as the cmdlet names it): check SYNCHRONIZED, fail over, check the roles.
     */
    private void planned(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance from,
            SqlInstance to,
            String newPrincipal,
            Steps steps) {
        String db = shown(database.name());
        String fromName = shown(Places.connectName(from));
        String toName = shown(Places.connectName(to));
        String back = newPrincipal.equals("mirror") ? "primary" : "mirror";
        String partnerFailover = "ALTER DATABASE " + Quote.sqlIdentifier(database.name()) + " SET PARTNER FAILOVER;";
        ConfigureParts.mirroringCheck(
                "M-5",
                Steps.Keys.under("configure.failover.check"),
                new Object[] {
                    db, shown(Places.mirroringAddress(to, pool.mirroring().partnerPort()))
                },
                Places.sqlInstance(topology, from.id()),
                database,
                steps);
        ConfigureParts.inLyncShell(
                "M-5",
                Steps.Keys.under("configure.failover.switch"),
                new Object[] {db, toName},
                pool,
                database,
                ConfigureParts.failover(pool, database, newPrincipal),
                List.of(steps.note("M-5", "configure.failover.switch.tsql", fromName, partnerFailover)),
                textThen(steps.text("configure.failover.switch.undo"), ConfigureParts.failover(pool, database, back)),
                steps);
        ConfigureParts.mirroringCheck(
                "M-5",
                Steps.Keys.under("configure.failover.verify"),
                new Object[] {
                    toName,
                    db,
                    shown(Places.mirroringAddress(from, pool.mirroring().partnerPort()))
                },
                Places.sqlInstance(topology, to.id()),
                database,
                steps);
        ConfigureParts.lyncMirrorState(pool, database, "configure.failover.state.expected", toName, fromName, steps);
    }

    /**
     * Forcing service on the mirror (C-8): confirm the principal is lost and note how far the mirror
     * had got, force (the gate stops a run before this step), check.
     */
    private void principalLost(Topology topology, Topology.Pool pool, Database database, Steps steps) {
        SqlInstance primary = Places.instance(topology, database.primary());
        SqlInstance mirror = Places.instance(topology, database.mirror());
        String db = shown(database.name());
        String dbId = Quote.sqlIdentifier(database.name());
        String primaryName = shown(Places.connectName(primary));
        String mirrorName = shown(Places.connectName(mirror));
        steps.add(
                "M-5",
                Steps.Keys.under("configure.failover.lost.check"),
                new Object[] {primaryName, db},
                Places.sqlInstance(topology, mirror.id()),
                Language.TSQL,
                lines(
                        "SELECT DB_NAME(database_id) AS database_name, mirroring_role_desc, mirroring_state_desc,",
                        "       mirroring_safety_level_desc, mirroring_partner_name, mirroring_witness_state_desc,",
                        "       mirroring_failover_lsn",
                        "FROM sys.database_mirroring",
                        "WHERE database_id = DB_ID(" + Quote.sqlString(database.name()) + ");"),
                "Test-NetConnection -ComputerName " + Quote.powerShellString(primary.host()) + " -Port "
                        + primary.port(),
                List.of(steps.note("C-8", "configure.failover.lost.check.figures")),
                ConfigureParts.nothingToUndo(steps));
        String force = "ALTER DATABASE " + dbId + " SET PARTNER FORCE_SERVICE_ALLOW_DATA_LOSS;";
        ConfigureParts.inLyncShell(
                FORCE_SERVICE_RULE,
                Steps.Keys.under("configure.failover.lost.force"),
                new Object[] {db, mirrorName},
                pool,
                database,
                ConfigureParts.forcedFailover(pool, database),
                List.of(
                        steps.note("C-8", "configure.failover.warning.dataLoss"),
                        steps.note("C-8", "configure.failover.lost.force.tsql", mirrorName, force)),
                null,
                steps);
        ConfigureParts.mirroringCheck(
                "M-5",
                new Steps.Keys(
                        "configure.failover.verify.title",
                        "configure.failover.verify.purpose",
                        "configure.failover.lost.verify.expected"),
                new Object[] {mirrorName, db},
                Places.sqlInstance(topology, mirror.id()),
                database,
                steps);
    }

    /**
     * Once the old principal is back it is the mirror, its session SUSPENDED; resuming discards what it
     * had that the new principal never received (SQL force-service page).
     */
    private void resume(Topology topology, Database database, Steps steps) {
        SqlInstance primary = Places.instance(topology, database.primary());
        SqlInstance mirror = Places.instance(topology, database.mirror());
        String dbId = Quote.sqlIdentifier(database.name());
        steps.add(
                "M-5",
                Steps.Keys.under("configure.failover.lost.resume"),
                new Object[] {shown(database.name()), shown(Places.connectName(primary))},
                Places.sqlInstance(topology, mirror.id()),
                Language.TSQL,
                "ALTER DATABASE " + dbId + " SET PARTNER RESUME;",
                ConfigureParts.mirroringQuery(database),
                List.of(),
                textThen(
                        steps.text("configure.failover.lost.resume.undo"),
                        "ALTER DATABASE " + dbId + " SET PARTNER SUSPEND;"));
    }
}
