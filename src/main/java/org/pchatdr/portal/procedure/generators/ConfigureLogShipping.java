package org.pchatdr.portal.procedure.generators;

import static org.pchatdr.portal.procedure.generators.ConfigureParts.inFolder;
import static org.pchatdr.portal.procedure.generators.ConfigureParts.lines;
import static org.pchatdr.portal.procedure.generators.ConfigureParts.shown;
import static org.pchatdr.portal.procedure.generators.ConfigureParts.textThen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.procedure.Quote;
import org.pchatdr.portal.procedure.generators.ConfigureParts.Backup;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.LogShipping;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/**
 * {@code configure-log-shipping}: SQL Server log shipping of {@code mgc} from the primary to the
 * backup in the other data center, rules L-1…L-4 and L-6, with every setting taken from the
 * topology. Order: prerequisites (L-1), the secondary initialised from a full backup restored
 * {@code WITH NORECOVERY} (L-2), the primary's stored procedures, the alert job on the monitor
 * (L-4), then the secondary's and the jobs enabled (variant {@code tsql}, the default), or instead the
 * SSMS dialog, which does all of that itself (variant {@code ssms}, L-2): never both (C-9). Then the
 * health checks (L-7). Without a monitor server the monitor parameters are left out, the alert
 * job is created on the primary and on the secondary (the portal's addition), and a warning says
 * that one can no longer be added (L-4, P-6).
 */
public class ConfigureLogShipping extends DatedGenerator {

    /** SQL Server's default kept by the reference (L-3): no topology field holds it. */
    static final int HISTORY_RETENTION_MINUTES = 14420;

    public ConfigureLogShipping() {
        super(() -> Instant.EPOCH, "configure-log-shipping", TSQL, SSMS);
    }

    @Override
    public List<Note> warnings(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts) {
        LogShipping settings = pool.logShipping();
        List<Note> notes = new ArrayList<>();
        notes.add(new Note("C-9", texts.text("configure.logshipping.warning.oneRoute")));
        if (settings.monitor() == null) {
            notes.add(new Note("L-4", texts.text("configure.logshipping.warning.noMonitor")));
        } else {
            notes.add(new Note(
                    "P-6",
                    texts.text(
                            "configure.logshipping.warning.monitor",
                            shown(Places.connectName(Places.instance(topology, settings.monitor()))))));
        }
        notes.add(new Note("L-3", texts.text("configure.logshipping.warning.thresholds")));
        Database database = Places.chatDatabase(pool);
        SqlInstance primary = Places.instance(topology, database.primary());
        if (Places.runsAsComputer(primary)
                && primary.serviceAccount().equalsIgnoreCase("LocalSystem")
                && settings.primaryLocalPath() == null) {
            notes.add(new Note(
                    "P-8",
                    texts.text("configure.logshipping.warning.localSystemNoPath", shown(Places.connectName(primary)))));
        }
        if (ConfigureParts.onHost(settings.share(), primary.host())) {
            notes.add(new Note(
                    "T-15",
                    texts.text(
                            "configure.logshipping.warning.shareOnPrimary",
                            shown(settings.share()),
                            shown(primary.host()))));
        }
        if (database.mirror() != null) {
            notes.add(new Note("L-5", texts.text("configure.logshipping.warning.mirror")));
        }
        return notes;
    }

    @Override
    public List<Step> steps(
            Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts, Instant generatedAt) {
        Database database = Places.chatDatabase(pool);
        if (database.backup() == null) {
            throw new ProcedureGenerator.NotApplicable("L-2", "procedure.not-applicable.no-backup");
        }
        LogShipping settings = pool.logShipping();
        SqlInstance primary = Places.instance(topology, database.primary());
        SqlInstance backup = Places.instance(topology, database.backup());
        SqlInstance monitor = settings.monitor() == null ? null : Places.instance(topology, settings.monitor());
        String db = shown(database.name());
        Steps steps = new Steps(texts);

        prerequisite(topology, database, primary, PREREQ_PRIMARY, primaryNotes(primary, settings, steps), steps);
        if (database.mirror() != null) {
            SqlInstance mirror = Places.instance(topology, database.mirror());
            prerequisite(
                    topology,
                    database,
                    mirror,
                    PREREQ_MIRROR,
                    List.of(mirrorRights(topology, settings, mirror, steps)),
                    steps);
        }
        prerequisite(topology, database, backup, PREREQ_BACKUP, List.of(), steps);

        Shipping shipping = new Shipping(topology, pool, database, primary, backup, monitor, steps);
        if (SSMS.equals(variant)) {
            shipping.ssms();
        } else {
            shipping.tsqlRoute(generatedAt);
        }
        shipping.health();
        return steps.steps();
    }

    /**
     * After a mirroring failover the mirror's SQL Server service writes the log backups to the share
     * and its Agent deletes the old ones (L-5): both need read and write there (C-10).
     */
    static Note mirrorRights(Topology topology, LogShipping settings, SqlInstance mirror, Steps steps) {
        return steps.note(
                "L-5",
                "configure.logshipping.note.mirrorRights",
                shown(settings.share()),
                shown(Places.networkLogin(topology, mirror).login()),
                shown(Places.connectName(mirror)));
    }

    private static List<Note> primaryNotes(SqlInstance primary, LogShipping settings, Steps steps) {
        List<Note> notes = new ArrayList<>();
        if ("LocalSystem".equalsIgnoreCase(primary.serviceAccount())) {
            notes.add(
                    settings.primaryLocalPath() == null
                            ? steps.note(
                                    "P-8",
                                    "configure.logshipping.warning.localSystemNoPath",
                                    shown(Places.connectName(primary)))
                            : steps.note(
                                    "P-8",
                                    "configure.logshipping.note.localPath",
                                    ConfigureParts.located(settings.primaryLocalPath(), primary.host(), steps)));
        }
        notes.add(shareUnreachable(settings, steps));
        return notes;
    }

    /** What to do when the share cannot be reached: the jobs fail and alert, the log waits (T-15). */
    static Note shareUnreachable(LogShipping settings, Steps steps) {
        return steps.note("T-15", "configure.logshipping.note.shareUnreachable", shown(settings.share()));
    }

    /** The prerequisites' texts on the primary, on its mirror (L-5) and on the backup. */
    static final Steps.Keys PREREQ_PRIMARY = Steps.Keys.under("configure.logshipping.prereq.primary");

    static final Steps.Keys PREREQ_MIRROR = new Steps.Keys(
            "configure.logshipping.prereq.mirror.title",
            "configure.logshipping.prereq.mirror.purpose",
            "configure.logshipping.prereq.other.expected");

    static final Steps.Keys PREREQ_BACKUP = new Steps.Keys(
            "configure.logshipping.prereq.backup.title",
            "configure.logshipping.prereq.other.purpose",
            "configure.logshipping.prereq.other.expected");

    /** SQL Server Agent and the rights on one instance (L-1); also the mirror's, before log shipping from it (L-5). */
    static void prerequisite(
            Topology topology,
            Database database,
            SqlInstance instance,
            Steps.Keys keys,
            List<Note> notes,
            Steps steps) {
        steps.add(
                "L-1",
                keys,
                new Object[] {shown(Places.connectName(instance)), shown(database.name())},
                Places.sqlInstance(topology, instance.id()),
                Language.TSQL,
                ConfigureParts.agentAndRightsQuery(database, keys == PREREQ_PRIMARY),
                "SELECT servicename, status_desc FROM sys.dm_server_services;",
                notes,
                ConfigureParts.nothingToUndo(steps));
    }

    static String backupJobName(Database database) {
        return "LSBackup_" + database.name();
    }

    static String copyJobName(SqlInstance primary, Database database) {
        return "LSCopy_" + Places.connectName(primary) + "_" + database.name();
    }

    static String restoreJobName(SqlInstance primary, Database database) {
        return "LSRestore_" + Places.connectName(primary) + "_" + database.name();
    }

    /** {@code sp_add_log_shipping_primary_database} and its backup job: also the primary part of L-5. */
    static String primaryDatabaseScript(Topology topology, Topology.Pool pool, Database database, String localPath) {
        LogShipping settings = pool.logShipping();
        List<String> script = new ArrayList<>();
        script.add("DECLARE @backup_job_id uniqueidentifier, @primary_id uniqueidentifier, @return_code int;");
        script.add("EXEC @return_code = master.dbo.sp_add_log_shipping_primary_database");
        script.add("    @database = " + Quote.sqlString(database.name()) + ",");
        script.add(
                "    @backup_directory = " + Quote.sqlString(localPath == null ? settings.share() : localPath) + ",");
        script.add("    @backup_share = " + Quote.sqlString(settings.share()) + ",");
        script.add("    @backup_job_name = " + Quote.sqlString(backupJobName(database)) + ",");
        script.add("    @backup_retention_period = " + settings.fileRetentionMinutes() + ",");
        script.add("    @backup_compression = 2,");
        if (settings.monitor() != null) {
            script.add("    @monitor_server = "
                    + Quote.sqlString(Places.connectName(Places.instance(topology, settings.monitor()))) + ",");
            script.add("    @monitor_server_security_mode = 1,");
        }
        script.add("    @backup_threshold = " + settings.backupAlertMinutes() + ",");
        script.add("    @threshold_alert_enabled = 1,");
        script.add("    @history_retention_period = " + HISTORY_RETENTION_MINUTES + ",");
        script.add("    @backup_job_id = @backup_job_id OUTPUT,");
        script.add("    @primary_id = @primary_id OUTPUT,");
        script.add("    @overwrite = 1;");
        script.add("IF (@@ERROR = 0 AND @return_code = 0)");
        script.add("BEGIN");
        ConfigureParts.everyMinutes(script, "backup", database, settings.backupEveryMinutes());
        script.add("    EXEC msdb.dbo.sp_update_job @job_id = @backup_job_id, @enabled = 1;");
        script.add("END");
        return lines(script);
    }

    static String primaryDatabaseVerify(Database database) {
        return lines(
                "SELECT primary_database, backup_directory, backup_share, backup_retention_period, monitor_server",
                "FROM msdb.dbo.log_shipping_primary_databases;",
                ConfigureParts.jobEnabledQuery(Quote.sqlString(backupJobName(database))));
    }

    static String primarySecondaryScript(Database database, SqlInstance backup) {
        return lines(
                "EXEC master.dbo.sp_add_log_shipping_primary_secondary",
                "    @primary_database = " + Quote.sqlString(database.name()) + ",",
                "    @secondary_server = " + Quote.sqlString(Places.connectName(backup)) + ",",
                "    @secondary_database = " + Quote.sqlString(database.name()) + ",",
                "    @overwrite = 1;");
    }

    static String primarySecondaryUndo(Database database, SqlInstance backup) {
        return "EXEC master.dbo.sp_delete_log_shipping_primary_secondary @primary_database = "
                + Quote.sqlString(database.name()) + ", @secondary_server = "
                + Quote.sqlString(Places.connectName(backup)) + ", @secondary_database = "
                + Quote.sqlString(database.name()) + ";";
    }

    /**
     * On the two steps that name the monitor server: it is set now and cannot change later (P-6), or
     * there is none and none can be added later (L-4).
     */
    private static List<Note> monitorNote(boolean monitored, Steps steps) {
        return monitored
                ? List.of(steps.note("P-6", "configure.logshipping.note.monitorNow"))
                : List.of(steps.note("L-4", "configure.logshipping.warning.noMonitor"));
    }

    /** The alert job's texts on the monitor server, or on an instance that alerts for itself (L-4). */
    static final Steps.Keys ALERT = Steps.Keys.under("configure.logshipping.alert");

    static final Steps.Keys ALERT_LOCAL = new Steps.Keys(
            "configure.logshipping.alert.titleLocal",
            "configure.logshipping.alert.purposeLocal",
            "configure.logshipping.alert.expected");

    static void alertJob(Topology topology, SqlInstance on, String ruleId, Steps.Keys keys, Steps steps) {
        steps.add(
                ruleId,
                keys,
                new Object[] {shown(Places.connectName(on))},
                Places.sqlInstance(topology, on.id()),
                Language.TSQL,
                "EXEC master.dbo.sp_add_log_shipping_alert_job;",
                "SELECT alert_job_id FROM msdb.dbo.log_shipping_monitor_alert;",
                List.of(),
                textThen(
                        steps.text("configure.logshipping.alert.undo"),
                        "EXEC master.dbo.sp_delete_log_shipping_alert_job;"));
    }

    static String healthPrimaryQuery(Database database) {
        return lines(
                "SELECT primary_database, last_backup_file, last_backup_date, backup_threshold",
                "FROM msdb.dbo.log_shipping_monitor_primary",
                "WHERE primary_database = " + Quote.sqlString(database.name()) + ";",
                "SELECT TOP (20) log_time, database_name, message",
                "FROM msdb.dbo.log_shipping_monitor_error_detail",
                "ORDER BY log_time DESC;");
    }

    /**
     * One log shipping being written: the chat database, its primary, backup and monitor (or
     * {@code null}), and the steps written so far.
     */
    private record Shipping(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance primary,
            SqlInstance backup,
            SqlInstance monitor,
            Steps steps) {

        void tsqlRoute(Instant generatedAt) {
            LogShipping settings = pool.logShipping();
            String db = shown(database.name());
            // C-1: a unique name written WITH INIT, FORMAT, so that no older backup set is restored instead.
            String initFile = database.name() + "_logshipping_init_" + ConfigureParts.stamp(generatedAt) + ".bak";
            String writeFolder = settings.primaryLocalPath() == null ? settings.share() : settings.primaryLocalPath();
            steps.add(
                    "L-2",
                    Steps.Keys.under("configure.logshipping.init.backup"),
                    new Object[] {db, ConfigureParts.located(writeFolder, primary.host(), steps)},
                    Places.sqlInstance(topology, primary.id()),
                    Language.TSQL,
                    ConfigureParts.backup(
                            Backup.DATABASE,
                            database.name(),
                            inFolder(writeFolder, initFile),
                            "INIT, FORMAT, CHECKSUM"),
                    ConfigureParts.verifyOnly(inFolder(writeFolder, initFile)),
                    List.of(),
                    steps.text("configure.logshipping.init.backup.undo"));
            steps.add(
                    "L-2",
                    Steps.Keys.under("configure.logshipping.init.restore"),
                    new Object[] {db},
                    Places.sqlInstance(topology, backup.id()),
                    Language.TSQL,
                    ConfigureParts.restore(
                            Backup.DATABASE,
                            database.name(),
                            inFolder(settings.share(), initFile),
                            "NORECOVERY, REPLACE, CHECKSUM"),
                    "SELECT name, state_desc FROM sys.databases WHERE name = " + Quote.sqlString(database.name()) + ";",
                    List.of(steps.note("P-3", "configure.logshipping.note.norecovery")),
                    null);

            primaryDatabase(settings.primaryLocalPath());
            if (monitor != null) {
                alertJob(topology, monitor, "L-4", ALERT, steps);
            } else {
                alertJob(topology, primary, "L-4", ALERT_LOCAL, steps);
            }
            primarySecondary();
            secondaryPrimary();
            secondaryDatabase();
            if (monitor == null) {
                alertJob(topology, backup, "L-4", ALERT_LOCAL, steps);
            }
            enableJobs();
        }

        void primaryDatabase(String localPath) {
            LogShipping settings = pool.logShipping();
            steps.add(
                    "L-6",
                    Steps.Keys.under("configure.logshipping.primary"),
                    new Object[] {
                        shown(database.name()),
                        shown(backupJobName(database)),
                        shown(settings.share()),
                        String.valueOf(settings.backupEveryMinutes()),
                        String.valueOf(settings.fileRetentionMinutes()),
                        String.valueOf(settings.backupAlertMinutes())
                    },
                    Places.sqlInstance(topology, primary.id()),
                    Language.TSQL,
                    primaryDatabaseScript(topology, pool, database, localPath),
                    primaryDatabaseVerify(database),
                    monitorNote(settings.monitor() != null, steps),
                    textThen(
                            steps.text("configure.logshipping.primary.undo"),
                            "EXEC master.dbo.sp_delete_log_shipping_primary_database @database = "
                                    + Quote.sqlString(database.name()) + ";"));
        }

        void primarySecondary() {
            steps.add(
                    "L-6",
                    Steps.Keys.under("configure.logshipping.primarySecondary"),
                    new Object[] {shown(Places.connectName(backup)), shown(database.name())},
                    Places.sqlInstance(topology, primary.id()),
                    Language.TSQL,
                    primarySecondaryScript(database, backup),
                    "SELECT secondary_server, secondary_database FROM msdb.dbo.log_shipping_primary_secondaries;",
                    List.of(),
                    textThen(
                            steps.text("configure.logshipping.primarySecondary.undo"),
                            primarySecondaryUndo(database, backup)));
        }

        void secondaryPrimary() {
            LogShipping settings = pool.logShipping();
            List<String> script = new ArrayList<>();
            script.add(
                    "DECLARE @copy_job_id uniqueidentifier, @restore_job_id uniqueidentifier, @secondary_id uniqueidentifier, @return_code int;");
            script.add("EXEC @return_code = master.dbo.sp_add_log_shipping_secondary_primary");
            script.add("    @primary_server = " + Quote.sqlString(Places.connectName(primary)) + ",");
            script.add("    @primary_database = " + Quote.sqlString(database.name()) + ",");
            script.add("    @backup_source_directory = " + Quote.sqlString(settings.share()) + ",");
            script.add("    @backup_destination_directory = " + Quote.sqlString(settings.copyDestination()) + ",");
            script.add("    @copy_job_name = " + Quote.sqlString(copyJobName(primary, database)) + ",");
            script.add("    @restore_job_name = " + Quote.sqlString(restoreJobName(primary, database)) + ",");
            script.add("    @file_retention_period = " + settings.fileRetentionMinutes() + ",");
            if (monitor != null) {
                script.add("    @monitor_server = " + Quote.sqlString(Places.connectName(monitor)) + ",");
                script.add("    @monitor_server_security_mode = 1,");
            }
            script.add("    @overwrite = 1,");
            script.add("    @copy_job_id = @copy_job_id OUTPUT,");
            script.add("    @restore_job_id = @restore_job_id OUTPUT,");
            script.add("    @secondary_id = @secondary_id OUTPUT;");
            script.add("IF (@@ERROR = 0 AND @return_code = 0)");
            script.add("BEGIN");
            ConfigureParts.everyMinutes(script, "copy", database, settings.copyEveryMinutes());
            ConfigureParts.everyMinutes(script, "restore", database, settings.restoreEveryMinutes());
            script.add("END");
            steps.add(
                    "L-6",
                    Steps.Keys.under("configure.logshipping.secondaryPrimary"),
                    new Object[] {
                        shown(Places.connectName(primary)),
                        shown(settings.share()),
                        ConfigureParts.located(settings.copyDestination(), backup.host(), steps),
                        String.valueOf(settings.copyEveryMinutes()),
                        String.valueOf(settings.restoreEveryMinutes()),
                        shown(copyJobName(primary, database)),
                        shown(restoreJobName(primary, database))
                    },
                    Places.sqlInstance(topology, backup.id()),
                    Language.TSQL,
                    lines(script),
                    lines(
                            "SELECT primary_server, primary_database, backup_source_directory, backup_destination_directory,",
                            "       file_retention_period, monitor_server",
                            "FROM msdb.dbo.log_shipping_secondary;"),
                    monitorNote(monitor != null, steps),
                    textThen(
                            steps.text("configure.logshipping.secondaryPrimary.undo"),
                            "EXEC master.dbo.sp_delete_log_shipping_secondary_primary @primary_server = "
                                    + Quote.sqlString(Places.connectName(primary)) + ", @primary_database = "
                                    + Quote.sqlString(database.name()) + ";"));
        }

        void secondaryDatabase() {
            LogShipping settings = pool.logShipping();
            steps.add(
                    "L-6",
                    Steps.Keys.under("configure.logshipping.secondaryDatabase"),
                    new Object[] {
                        shown(database.name()),
                        String.valueOf(settings.restoreDelayMinutes()),
                        String.valueOf(settings.restoreAlertMinutes())
                    },
                    Places.sqlInstance(topology, backup.id()),
                    Language.TSQL,
                    lines(
                            "EXEC master.dbo.sp_add_log_shipping_secondary_database",
                            "    @secondary_database = " + Quote.sqlString(database.name()) + ",",
                            "    @primary_server = " + Quote.sqlString(Places.connectName(primary)) + ",",
                            "    @primary_database = " + Quote.sqlString(database.name()) + ",",
                            "    @restore_delay = " + settings.restoreDelayMinutes() + ",",
                            "    @restore_mode = 0,",
                            "    @disconnect_users = 0,",
                            "    @restore_threshold = " + settings.restoreAlertMinutes() + ",",
                            "    @threshold_alert_enabled = 1,",
                            "    @history_retention_period = " + HISTORY_RETENTION_MINUTES + ",",
                            "    @overwrite = 1;"),
                    lines(
                            "SELECT secondary_database, restore_delay, restore_mode, disconnect_users",
                            "FROM msdb.dbo.log_shipping_secondary_databases;"),
                    List.of(steps.note("P-3", "configure.logshipping.note.norecovery")),
                    textThen(
                            steps.text("configure.logshipping.secondaryDatabase.undo"),
                            "EXEC master.dbo.sp_delete_log_shipping_secondary_database @secondary_database = "
                                    + Quote.sqlString(database.name()) + ";"));
        }

        void enableJobs() {
            String copy = Quote.sqlString(copyJobName(primary, database));
            String restore = Quote.sqlString(restoreJobName(primary, database));
            steps.add(
                    "L-6",
                    Steps.Keys.under("configure.logshipping.enable"),
                    new Object[] {},
                    Places.sqlInstance(topology, backup.id()),
                    Language.TSQL,
                    lines(ConfigureParts.jobEnabled(copy, true), ConfigureParts.jobEnabled(restore, true)),
                    "SELECT name, enabled FROM msdb.dbo.sysjobs WHERE name IN (" + copy + ", " + restore + ");",
                    List.of(),
                    textThen(
                            steps.text("configure.logshipping.enable.undo"),
                            lines(ConfigureParts.jobEnabled(copy, false), ConfigureParts.jobEnabled(restore, false))));
        }

        void ssms() {
            LogShipping settings = pool.logShipping();
            List<String> guide = new ArrayList<>();
            guide.add(steps.text(
                    "configure.logshipping.ssms.open", shown(database.name()), shown(Places.connectName(primary))));
            guide.add(
                    settings.primaryLocalPath() == null
                            ? steps.text("configure.logshipping.ssms.backupShare", shown(settings.share()))
                            : steps.text(
                                    "configure.logshipping.ssms.backupShareLocal",
                                    shown(settings.share()),
                                    ConfigureParts.located(settings.primaryLocalPath(), primary.host(), steps)));
            guide.add(steps.text(
                    "configure.logshipping.ssms.backupSettings",
                    String.valueOf(settings.fileRetentionMinutes()),
                    String.valueOf(settings.backupAlertMinutes()),
                    String.valueOf(settings.backupEveryMinutes())));
            guide.add(steps.text(
                    "configure.logshipping.ssms.secondary", shown(Places.connectName(backup)), shown(database.name())));
            guide.add(steps.text(
                    "configure.logshipping.ssms.copy",
                    ConfigureParts.located(settings.copyDestination(), backup.host(), steps),
                    String.valueOf(settings.fileRetentionMinutes()),
                    String.valueOf(settings.copyEveryMinutes())));
            guide.add(steps.text(
                    "configure.logshipping.ssms.restore",
                    String.valueOf(settings.restoreDelayMinutes()),
                    String.valueOf(settings.restoreAlertMinutes()),
                    String.valueOf(settings.restoreEveryMinutes())));
            guide.add(
                    monitor == null
                            ? steps.text("configure.logshipping.ssms.noMonitor")
                            : steps.text("configure.logshipping.ssms.monitor", shown(Places.connectName(monitor))));
            guide.add(steps.text("configure.logshipping.ssms.ok"));
            steps.add(
                    "L-2",
                    Steps.Keys.under("configure.logshipping.ssms"),
                    new Object[] {shown(database.name())},
                    Places.sqlInstance(topology, primary.id()),
                    Language.NONE,
                    lines(guide),
                    "EXEC master.dbo.sp_help_log_shipping_monitor;",
                    List.of(),
                    steps.text("configure.logshipping.ssms.undo"));
        }

        void health() {
            healthCheck(
                    primary,
                    "configure.logshipping.health.primary",
                    healthPrimaryQuery(database),
                    "EXEC master.dbo.sp_help_log_shipping_monitor;");
            healthCheck(
                    backup,
                    "configure.logshipping.health.secondary",
                    lines(
                            "SELECT secondary_database, last_copied_file, last_copied_date, last_restored_file,",
                            "       last_restored_date, last_restored_latency, restore_threshold",
                            "FROM msdb.dbo.log_shipping_monitor_secondary",
                            "WHERE secondary_database = " + Quote.sqlString(database.name()) + ";"),
                    "EXEC master.dbo.sp_help_log_shipping_monitor;");
            if (monitor != null) {
                healthCheck(
                        monitor,
                        "configure.logshipping.health.monitor",
                        lines(
                                "EXEC master.dbo.sp_help_log_shipping_monitor;",
                                "SELECT TOP (20) log_time, database_name, message",
                                "FROM msdb.dbo.log_shipping_monitor_error_detail",
                                "ORDER BY log_time DESC;"),
                        "SELECT COUNT(*) AS errors FROM msdb.dbo.log_shipping_monitor_error_detail;");
            }
        }

        /** A log-shipping health check on {@code on} (L-7): read only, nothing to undo. */
        void healthCheck(SqlInstance on, String key, String script, String verify) {
            steps.add(
                    "L-7",
                    Steps.Keys.under(key),
                    new Object[] {shown(Places.connectName(on))},
                    Places.sqlInstance(topology, on.id()),
                    Language.TSQL,
                    script,
                    verify,
                    List.of(),
                    ConfigureParts.nothingToUndo(steps));
        }
    }
}
