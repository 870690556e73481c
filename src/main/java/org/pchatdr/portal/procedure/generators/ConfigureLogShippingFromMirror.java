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
        List<Step> steps = new ArrayList<>();

        steps.add(ConfigureLogShipping.prerequisite(
                topology, database, mirror, "configure.logshipping.prereq.mirror.title", false, texts, List.of()));
        steps.add(ConfigureParts.mirroringCheck(
                "L-5",
                texts.text("configure.frommirror.check.title", db),
                texts.text("configure.frommirror.check.purpose", db),
                Places.sqlInstance(topology, primary.id()),
                database,
                texts.text("configure.frommirror.check.expected"),
                texts));
        steps.add(switchPrincipal(pool, database, true, mirrorName, texts));

        List<Note> notes = new ArrayList<>();
        notes.add(new Note("L-5", texts.text("configure.frommirror.primaryPart.note")));
        if ("LocalSystem".equalsIgnoreCase(mirror.serviceAccount())) {
            notes.add(new Note("P-8", texts.text("configure.logshipping.warning.localSystemNoPath", mirrorName)));
        }
        notes.add(ConfigureLogShipping.mirrorRights(topology, settings, mirror, texts));
        notes.add(ConfigureLogShipping.shareUnreachable(settings, texts));
        if (SSMS.equals(variant)) {
            steps.add(ssms(topology, pool, database, mirror, backup, notes, texts));
        } else {
            steps.add(new Step(
                    0,
                    "L-5",
                    texts.text("configure.frommirror.primaryPart.title", mirrorName),
                    texts.text(
                            "configure.frommirror.primaryPart.purpose",
                            db,
                            shown(settings.share()),
                            shown(Places.connectName(backup))),
                    Places.sqlInstance(topology, mirror.id()),
                    Language.TSQL,
                    lines(
                            ConfigureLogShipping.primaryDatabaseScript(topology, pool, database, null),
                            "GO",
                            ConfigureLogShipping.primarySecondaryScript(database, backup)),
                    texts.text(
                            "configure.logshipping.primary.expected",
                            shown(ConfigureLogShipping.backupJobName(database))),
                    ConfigureLogShipping.primaryDatabaseVerify(database),
                    notes,
                    removeSecondPrimary(database, backup, texts)));
        }
        if (settings.monitor() == null) {
            steps.add(ConfigureLogShipping.alertJob(
                    topology, mirror, "C-12", "configure.logshipping.alert.titleLocal", texts));
        }

        steps.add(switchPrincipal(pool, database, false, primaryName, texts));
        steps.add(new Step(
                0,
                "L-5",
                texts.text("configure.frommirror.verify.title", mirrorName),
                texts.text("configure.frommirror.verify.purpose"),
                Places.sqlInstance(topology, mirror.id()),
                Language.TSQL,
                lines(
                        "SELECT TOP (10) h.run_date, h.run_time, h.run_status, h.message",
                        "FROM msdb.dbo.sysjobhistory AS h",
                        "JOIN msdb.dbo.sysjobs AS j ON j.job_id = h.job_id",
                        "WHERE j.name = " + Quote.sqlString(ConfigureLogShipping.backupJobName(database)),
                        "ORDER BY h.run_date DESC, h.run_time DESC;"),
                texts.text("configure.frommirror.verify.expected"),
                ConfigureLogShipping.healthPrimaryQuery(database),
                List.of(new Note("L-5", texts.text("configure.frommirror.warning.backupJob"))),
                ConfigureParts.nothingToUndo(texts)));
        return steps;
    }

    /**
     * The principal switched with the cmdlet, to the mirror for the configuration ({@code toMirror})
     * or back to the primary after it, each undone by the switch the other way.
     */
    private static Step switchPrincipal(
            Topology.Pool pool, Database database, boolean toMirror, String principalName, ProcedureTexts texts) {
        String db = shown(database.name());
        return ConfigureParts.inLyncShell(
                "L-5",
                texts.text(
                        toMirror ? "configure.frommirror.toMirror.title" : "configure.frommirror.toPrimary.title",
                        db,
                        principalName),
                texts.text(
                        toMirror ? "configure.frommirror.toMirror.purpose" : "configure.frommirror.toPrimary.purpose",
                        db),
                pool,
                database,
                ConfigureParts.failover(pool, database, toMirror ? "mirror" : "primary"),
                texts.text(
                        toMirror ? "configure.frommirror.toMirror.expected" : "configure.frommirror.toPrimary.expected",
                        principalName),
                List.of(),
                textThen(
                        texts.text(
                                toMirror
                                        ? "configure.frommirror.toMirror.undo"
                                        : "configure.frommirror.toPrimary.undo"),
                        ConfigureParts.failover(pool, database, toMirror ? "primary" : "mirror")));
    }

    private static Step ssms(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance mirror,
            SqlInstance backup,
            List<Note> notes,
            ProcedureTexts texts) {
        LogShipping settings = pool.logShipping();
        String db = shown(database.name());
        String mirrorName = shown(Places.connectName(mirror));
        List<String> guide = new ArrayList<>();
        guide.add(texts.text("configure.logshipping.ssms.open", db, mirrorName));
        guide.add(texts.text("configure.frommirror.ssms.same", shown(settings.share())));
        guide.add(texts.text("configure.frommirror.ssms.secondary", shown(Places.connectName(backup)), db));
        guide.add(texts.text("configure.frommirror.ssms.script"));
        guide.add(texts.text("configure.frommirror.ssms.cancel"));
        return new Step(
                0,
                "L-5",
                texts.text("configure.frommirror.ssms.title", mirrorName),
                texts.text("configure.frommirror.ssms.purpose"),
                Places.sqlInstance(topology, mirror.id()),
                Language.NONE,
                lines(guide),
                texts.text(
                        "configure.logshipping.primary.expected", shown(ConfigureLogShipping.backupJobName(database))),
                ConfigureLogShipping.primaryDatabaseVerify(database),
                notes,
                removeSecondPrimary(database, backup, texts));
    }

    private static String removeSecondPrimary(Database database, SqlInstance backup, ProcedureTexts texts) {
        return textThen(
                texts.text("configure.frommirror.primaryPart.undo"),
                lines(
                        ConfigureLogShipping.primarySecondaryUndo(database, backup),
                        "EXEC master.dbo.sp_delete_log_shipping_primary_database @database = "
                                + Quote.sqlString(database.name()) + ";"));
    }
}
