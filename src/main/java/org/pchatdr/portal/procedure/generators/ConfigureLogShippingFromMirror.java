package org.pchatdr.portal.procedure.generators;

import static org.pchatdr.portal.procedure.generators.ConfigureParts.lines;
import static org.pchatdr.portal.procedure.generators.ConfigureParts.shown;
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
import org.pchatdr.portal.topology.Topology.LogShipping;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/**
 * {@code configure-log-shipping-from-mirror}: the mirror of {@code mgc} as a second log-shipping
 * primary (L-5), so that shipping goes on after a mirroring failover. Fail over to the mirror, add
 * the primary part of the log-shipping configuration there with the same share and settings (the
 * backup is already initialised, so nothing runs on the secondary), then fail back. The primary part
 * is either run as T-SQL (variant {@code tsql}, the default) or scripted from the SSMS dialog
 * (variant {@code ssms}): never both (C-9). Without a monitor server the mirror gets its own alert
 * job, as the primary and the secondary have (C-12).
 *
 * <p>A pool whose {@code mgc} has no mirror is refused with {@link ProcedureGenerator.NotApplicable}
 * rather than given a one-step "nothing to do" procedure: a user who asks for this procedure
 * expects commands to run, and a document that looks like a procedure but does nothing would end up
 * in a DR binder as if something had been configured. The caller shows the message as an error.
 */
public class ConfigureLogShippingFromMirror extends NamedGenerator {

    public ConfigureLogShippingFromMirror() {
        super("configure-log-shipping-from-mirror", TSQL, SSMS);
    }

    @Override
    public List<Note> warnings(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts) {
        Database database = mirrorOf(pool);
        List<Note> notes = new ArrayList<>();
        notes.add(new Note("L-5", texts.text("configure.frommirror.warning.prerequisite")));
        SqlInstance primary = Places.instance(topology, database.primary());
        if (ConfigureParts.onHost(pool.logShipping().share(), primary.host())) {
            notes.add(new Note(
                    "L-5",
                    texts.text(
                            "configure.frommirror.warning.shareOnPrimary",
                            shown(pool.logShipping().share()),
                            shown(primary.host()))));
        }
        notes.add(new Note("L-5", texts.text("configure.frommirror.warning.backupJob")));
        return notes;
    }

    private static Database mirrorOf(Topology.Pool pool) {
        Database database = Places.chatDatabase(pool);
        if (database.mirror() == null) {
            throw new ProcedureGenerator.NotApplicable("L-5", "procedure.not-applicable.no-mirror");
        }
        if (database.backup() == null) {
            throw new ProcedureGenerator.NotApplicable("L-2", "procedure.not-applicable.no-backup");
        }
        return database;
    }

    @Override
    public List<Step> steps(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts) {
        Database database = mirrorOf(pool);
        LogShipping settings = pool.logShipping();
        SqlInstance primary = Places.instance(topology, database.primary());
        SqlInstance mirror = Places.instance(topology, database.mirror());
        SqlInstance backup = Places.instance(topology, database.backup());
        String db = shown(database.name());
        String mirrorName = shown(Places.connectName(mirror));
        String primaryName = shown(Places.connectName(primary));
        Steps steps = new Steps(texts);

        ConfigureLogShipping.prerequisite(
                topology, database, mirror, ConfigureLogShipping.PREREQ_MIRROR, List.of(), steps);
        ConfigureParts.mirroringCheck(
                "L-5",
                Steps.Keys.under("configure.frommirror.check"),
                new Object[] {db},
                Places.sqlInstance(topology, primary.id()),
                database,
                steps);
        switchPrincipal(pool, database, true, mirrorName, steps);

        List<Note> notes = new ArrayList<>();
        notes.add(steps.note("L-5", "configure.frommirror.primaryPart.note"));
        if ("LocalSystem".equalsIgnoreCase(mirror.serviceAccount())) {
            notes.add(steps.note("P-8", "configure.logshipping.warning.localSystemNoPath", mirrorName));
        }
        notes.add(ConfigureLogShipping.mirrorRights(topology, settings, mirror, steps));
        notes.add(ConfigureLogShipping.shareUnreachable(settings, steps));
        if (SSMS.equals(variant)) {
            ssms(topology, pool, database, mirror, backup, notes, steps);
        } else {
            steps.add(
                    "L-5",
                    new Steps.Keys(
                            "configure.frommirror.primaryPart.title",
                            "configure.frommirror.primaryPart.purpose",
                            "configure.logshipping.primary.expected"),
                    new Object[] {
                        mirrorName,
                        shown(ConfigureLogShipping.backupJobName(database)),
                        db,
                        shown(settings.share()),
                        shown(Places.connectName(backup))
                    },
                    Places.sqlInstance(topology, mirror.id()),
                    Language.TSQL,
                    lines(
                            ConfigureLogShipping.primaryDatabaseScript(topology, pool, database, null),
                            "GO",
                            ConfigureLogShipping.primarySecondaryScript(database, backup)),
                    ConfigureLogShipping.primaryDatabaseVerify(database),
                    notes,
                    removeSecondPrimary(database, backup, steps));
        }
        if (settings.monitor() == null) {
            ConfigureLogShipping.alertJob(topology, mirror, "C-12", ConfigureLogShipping.ALERT_LOCAL, steps);
        }

        switchPrincipal(pool, database, false, primaryName, steps);
        steps.add(
                "L-5",
                Steps.Keys.under("configure.frommirror.verify"),
                new Object[] {mirrorName},
                Places.sqlInstance(topology, mirror.id()),
                Language.TSQL,
                lines(
                        "SELECT TOP (10) h.run_date, h.run_time, h.run_status, h.message",
                        "FROM msdb.dbo.sysjobhistory AS h",
                        "JOIN msdb.dbo.sysjobs AS j ON j.job_id = h.job_id",
                        "WHERE j.name = " + Quote.sqlString(ConfigureLogShipping.backupJobName(database)),
                        "ORDER BY h.run_date DESC, h.run_time DESC;"),
                ConfigureLogShipping.healthPrimaryQuery(database),
                List.of(steps.note("L-5", "configure.frommirror.warning.backupJob")),
                ConfigureParts.nothingToUndo(steps));
        return steps.steps();
    }

    /**
     * The principal switched with the cmdlet, to the mirror for the configuration ({@code toMirror})
     * or back to the primary after it, each undone by the switch the other way.
     */
    private static void switchPrincipal(
            Topology.Pool pool, Database database, boolean toMirror, String principalName, Steps steps) {
        ConfigureParts.inLyncShell(
                "L-5",
                Steps.Keys.under(toMirror ? "configure.frommirror.toMirror" : "configure.frommirror.toPrimary"),
                new Object[] {shown(database.name()), principalName},
                pool,
                database,
                ConfigureParts.failover(pool, database, toMirror ? "mirror" : "primary"),
                List.of(),
                textThen(
                        steps.text(
                                toMirror
                                        ? "configure.frommirror.toMirror.undo"
                                        : "configure.frommirror.toPrimary.undo"),
                        ConfigureParts.failover(pool, database, toMirror ? "primary" : "mirror")),
                steps);
    }

    private static void ssms(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance mirror,
            SqlInstance backup,
            List<Note> notes,
            Steps steps) {
        LogShipping settings = pool.logShipping();
        String db = shown(database.name());
        String mirrorName = shown(Places.connectName(mirror));
        List<String> guide = new ArrayList<>();
        guide.add(steps.text("configure.logshipping.ssms.open", db, mirrorName));
        guide.add(steps.text("configure.frommirror.ssms.same", shown(settings.share())));
        guide.add(steps.text("configure.frommirror.ssms.secondary", shown(Places.connectName(backup)), db));
        guide.add(steps.text("configure.frommirror.ssms.script"));
        guide.add(steps.text("configure.frommirror.ssms.cancel"));
        steps.add(
                "L-5",
                new Steps.Keys(
                        "configure.frommirror.ssms.title",
                        "configure.frommirror.ssms.purpose",
                        "configure.logshipping.primary.expected"),
                new Object[] {mirrorName, shown(ConfigureLogShipping.backupJobName(database))},
                Places.sqlInstance(topology, mirror.id()),
                Language.NONE,
                lines(guide),
                ConfigureLogShipping.primaryDatabaseVerify(database),
                notes,
                removeSecondPrimary(database, backup, steps));
    }

    private static String removeSecondPrimary(Database database, SqlInstance backup, Steps steps) {
        return textThen(
                steps.text("configure.frommirror.primaryPart.undo"),
                lines(
                        ConfigureLogShipping.primarySecondaryUndo(database, backup),
                        "EXEC master.dbo.sp_delete_log_shipping_primary_database @database = "
                                + Quote.sqlString(database.name()) + ";"));
    }
}
