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
        List<Step> steps = new ArrayList<>();

        steps.add(prerequisite(
                topology,
                database,
                primary,
                "configure.logshipping.prereq.primary.title",
                true,
                texts,
                primaryNotes(primary, settings, texts)));
        if (database.mirror() != null) {
            SqlInstance mirror = Places.instance(topology, database.mirror());
            steps.add(prerequisite(
                    topology,
                    database,
                    mirror,
                    "configure.logshipping.prereq.mirror.title",
                    false,
                    texts,
                    List.of(mirrorRights(topology, settings, mirror, texts))));
        }
        steps.add(prerequisite(
                topology, database, backup, "configure.logshipping.prereq.backup.title", false, texts, List.of()));

        if (SSMS.equals(variant)) {
            steps.add(ssms(topology, pool, database, primary, backup, monitor, texts));
        } else {
            steps.addAll(tsqlRoute(topology, pool, database, primary, backup, monitor, texts, generatedAt));
        }
        steps.addAll(health(topology, database, primary, backup, monitor, texts));
        return steps;
    }

    private List<Step> tsqlRoute(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance primary,
            SqlInstance backup,
            SqlInstance monitor,
            ProcedureTexts texts,
            Instant generatedAt) {
        LogShipping settings = pool.logShipping();
        String db = shown(database.name());
        List<Step> steps = new ArrayList<>();
        // C-1: a unique name written WITH INIT, FORMAT, so that no older backup set is restored instead.
        String initFile = database.name() + "_logshipping_init_" + ConfigureParts.stamp(generatedAt) + ".bak";
        String writeFolder = settings.primaryLocalPath() == null ? settings.share() : settings.primaryLocalPath();
        steps.add(new Step(
                0,
                "L-2",
                texts.text("configure.logshipping.init.backup.title", db),
                texts.text(
                        "configure.logshipping.init.backup.purpose",
                        db,
                        ConfigureParts.located(writeFolder, primary.host(), texts)),
                Places.sqlInstance(topology, primary.id()),
                Language.TSQL,
                "BACKUP DATABASE " + Quote.sqlIdentifier(database.name()) + " TO DISK = "
                        + Quote.sqlString(inFolder(writeFolder, initFile)) + " WITH INIT, FORMAT, CHECKSUM;",
                texts.text("configure.logshipping.init.backup.expected"),
                "RESTORE VERIFYONLY FROM DISK = " + Quote.sqlString(inFolder(writeFolder, initFile))
                        + " WITH CHECKSUM;",
                List.of(),
                texts.text("configure.logshipping.init.backup.undo")));
        steps.add(new Step(
                0,
                "L-2",
                texts.text("configure.logshipping.init.restore.title", db),
                texts.text("configure.logshipping.init.restore.purpose", db),
                Places.sqlInstance(topology, backup.id()),
                Language.TSQL,
                "RESTORE DATABASE " + Quote.sqlIdentifier(database.name()) + " FROM DISK = "
                        + Quote.sqlString(inFolder(settings.share(), initFile))
                        + " WITH NORECOVERY, REPLACE, CHECKSUM;",
                texts.text("configure.logshipping.init.restore.expected"),
                "SELECT name, state_desc FROM sys.databases WHERE name = " + Quote.sqlString(database.name()) + ";",
                List.of(new Note("P-3", texts.text("configure.logshipping.note.norecovery"))),
                null));

        steps.add(primaryDatabase(topology, pool, database, primary, settings.primaryLocalPath(), texts));
        if (monitor != null) {
            steps.add(alertJob(topology, monitor, "L-4", "configure.logshipping.alert.title", texts));
        } else {
            steps.add(alertJob(topology, primary, "L-4", "configure.logshipping.alert.titleLocal", texts));
        }
        steps.add(primarySecondary(topology, database, primary, backup, texts));
        steps.add(secondaryPrimary(topology, pool, database, primary, backup, monitor, texts));
        steps.add(secondaryDatabase(topology, pool, database, primary, backup, texts));
        if (monitor == null) {
            steps.add(alertJob(topology, backup, "L-4", "configure.logshipping.alert.titleLocal", texts));
        }
        steps.add(enableJobs(topology, database, primary, backup, texts));
        return steps;
    }

    /**
     * After a mirroring failover the mirror's SQL Server service writes the log backups to the share
     * and its Agent deletes the old ones (L-5): both need read and write there (C-10).
     */
    static Note mirrorRights(Topology topology, LogShipping settings, SqlInstance mirror, ProcedureTexts texts) {
        return new Note(
                "L-5",
                texts.text(
                        "configure.logshipping.note.mirrorRights",
                        shown(settings.share()),
                        shown(Places.networkLogin(topology, mirror).login()),
                        shown(Places.connectName(mirror))));
    }

    private static List<Note> primaryNotes(SqlInstance primary, LogShipping settings, ProcedureTexts texts) {
        List<Note> notes = new ArrayList<>();
        if ("LocalSystem".equalsIgnoreCase(primary.serviceAccount())) {
            notes.add(
                    settings.primaryLocalPath() == null
                            ? new Note(
                                    "P-8",
                                    texts.text(
                                            "configure.logshipping.warning.localSystemNoPath",
                                            shown(Places.connectName(primary))))
                            : new Note(
                                    "P-8",
                                    texts.text(
                                            "configure.logshipping.note.localPath",
                                            ConfigureParts.located(
                                                    settings.primaryLocalPath(), primary.host(), texts))));
        }
        notes.add(shareUnreachable(settings, texts));
        return notes;
    }

    /** What to do when the share cannot be reached: the jobs fail and alert, the log waits (T-15). */
    static Note shareUnreachable(LogShipping settings, ProcedureTexts texts) {
        return new Note("T-15", texts.text("configure.logshipping.note.shareUnreachable", shown(settings.share())));
    }

    /** SQL Server Agent and the rights on one instance (L-1); also the mirror's, before log shipping from it (L-5). */
    static Step prerequisite(
            Topology topology,
            Database database,
            SqlInstance instance,
            String titleKey,
            boolean primary,
            ProcedureTexts texts,
            List<Note> notes) {
        String name = shown(Places.connectName(instance));
        return new Step(
                0,
                "L-1",
                texts.text(titleKey, name),
                texts.text(
                        primary
                                ? "configure.logshipping.prereq.primary.purpose"
                                : titleKey.contains(".mirror.")
                                        ? "configure.logshipping.prereq.mirror.purpose"
                                        : "configure.logshipping.prereq.other.purpose",
                        shown(database.name())),
                Places.sqlInstance(topology, instance.id()),
                Language.TSQL,
                ConfigureParts.agentAndRightsQuery(database, primary),
                texts.text(
                        primary
                                ? "configure.logshipping.prereq.primary.expected"
                                : "configure.logshipping.prereq.other.expected"),
                "SELECT servicename, status_desc FROM sys.dm_server_services;",
                notes,
                ConfigureParts.nothingToUndo(texts));
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
        ConfigureParts.everyMinutes(
                        "LSBackupSchedule_" + database.name(),
                        settings.backupEveryMinutes(),
                        "@backup_job_id",
                        "backup")
                .forEach(line -> script.add("    " + line));
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

    private Step primaryDatabase(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance primary,
            String localPath,
            ProcedureTexts texts) {
        LogShipping settings = pool.logShipping();
        return new Step(
                0,
                "L-6",
                texts.text("configure.logshipping.primary.title", shown(database.name())),
                texts.text(
                        "configure.logshipping.primary.purpose",
                        shown(settings.share()),
                        String.valueOf(settings.backupEveryMinutes()),
                        String.valueOf(settings.fileRetentionMinutes()),
                        String.valueOf(settings.backupAlertMinutes())),
                Places.sqlInstance(topology, primary.id()),
                Language.TSQL,
                primaryDatabaseScript(topology, pool, database, localPath),
                texts.text("configure.logshipping.primary.expected", shown(backupJobName(database))),
                primaryDatabaseVerify(database),
                monitorNote(settings.monitor() != null, texts),
                textThen(
                        texts.text("configure.logshipping.primary.undo"),
                        "EXEC master.dbo.sp_delete_log_shipping_primary_database @database = "
                                + Quote.sqlString(database.name()) + ";"));
    }

    /**
     * On the two steps that name the monitor server: it is set now and cannot change later (P-6), or
     * there is none and none can be added later (L-4).
     */
    private static List<Note> monitorNote(boolean monitored, ProcedureTexts texts) {
        return monitored
                ? List.of(new Note("P-6", texts.text("configure.logshipping.note.monitorNow")))
                : List.of(new Note("L-4", texts.text("configure.logshipping.warning.noMonitor")));
    }

    static Step alertJob(Topology topology, SqlInstance on, String ruleId, String titleKey, ProcedureTexts texts) {
        boolean local = titleKey.endsWith("Local");
        return new Step(
                0,
                ruleId,
                texts.text(titleKey, shown(Places.connectName(on))),
                texts.text(local ? "configure.logshipping.alert.purposeLocal" : "configure.logshipping.alert.purpose"),
                Places.sqlInstance(topology, on.id()),
                Language.TSQL,
                "EXEC master.dbo.sp_add_log_shipping_alert_job;",
                texts.text("configure.logshipping.alert.expected"),
                "SELECT alert_job_id FROM msdb.dbo.log_shipping_monitor_alert;",
                List.of(),
                textThen(
                        texts.text("configure.logshipping.alert.undo"),
                        "EXEC master.dbo.sp_delete_log_shipping_alert_job;"));
    }

    private Step primarySecondary(
            Topology topology, Database database, SqlInstance primary, SqlInstance backup, ProcedureTexts texts) {
        return new Step(
                0,
                "L-6",
                texts.text("configure.logshipping.primarySecondary.title", shown(Places.connectName(backup))),
                texts.text("configure.logshipping.primarySecondary.purpose", shown(database.name())),
                Places.sqlInstance(topology, primary.id()),
                Language.TSQL,
                primarySecondaryScript(database, backup),
                texts.text("configure.logshipping.primarySecondary.expected", shown(Places.connectName(backup))),
                "SELECT secondary_server, secondary_database FROM msdb.dbo.log_shipping_primary_secondaries;",
                List.of(),
                textThen(
                        texts.text("configure.logshipping.primarySecondary.undo"),
                        primarySecondaryUndo(database, backup)));
    }

    private Step secondaryPrimary(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance primary,
            SqlInstance backup,
            SqlInstance monitor,
            ProcedureTexts texts) {
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
        ConfigureParts.everyMinutes(
                        "LSCopySchedule_" + database.name(), settings.copyEveryMinutes(), "@copy_job_id", "copy")
                .forEach(line -> script.add("    " + line));
        ConfigureParts.everyMinutes(
                        "LSRestoreSchedule_" + database.name(),
                        settings.restoreEveryMinutes(),
                        "@restore_job_id",
                        "restore")
                .forEach(line -> script.add("    " + line));
        script.add("END");
        return new Step(
                0,
                "L-6",
                texts.text("configure.logshipping.secondaryPrimary.title", shown(Places.connectName(primary))),
                texts.text(
                        "configure.logshipping.secondaryPrimary.purpose",
                        shown(settings.share()),
                        ConfigureParts.located(settings.copyDestination(), backup.host(), texts),
                        String.valueOf(settings.copyEveryMinutes()),
                        String.valueOf(settings.restoreEveryMinutes())),
                Places.sqlInstance(topology, backup.id()),
                Language.TSQL,
                lines(script),
                texts.text(
                        "configure.logshipping.secondaryPrimary.expected",
                        shown(copyJobName(primary, database)),
                        shown(restoreJobName(primary, database))),
                lines(
                        "SELECT primary_server, primary_database, backup_source_directory, backup_destination_directory,",
                        "       file_retention_period, monitor_server",
                        "FROM msdb.dbo.log_shipping_secondary;"),
                monitorNote(monitor != null, texts),
                textThen(
                        texts.text("configure.logshipping.secondaryPrimary.undo"),
                        "EXEC master.dbo.sp_delete_log_shipping_secondary_primary @primary_server = "
                                + Quote.sqlString(Places.connectName(primary)) + ", @primary_database = "
                                + Quote.sqlString(database.name()) + ";"));
    }

    private Step secondaryDatabase(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance primary,
            SqlInstance backup,
            ProcedureTexts texts) {
        LogShipping settings = pool.logShipping();
        return new Step(
                0,
                "L-6",
                texts.text("configure.logshipping.secondaryDatabase.title", shown(database.name())),
                texts.text(
                        "configure.logshipping.secondaryDatabase.purpose",
                        String.valueOf(settings.restoreDelayMinutes()),
                        String.valueOf(settings.restoreAlertMinutes())),
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
                texts.text("configure.logshipping.secondaryDatabase.expected"),
                lines(
                        "SELECT secondary_database, restore_delay, restore_mode, disconnect_users",
                        "FROM msdb.dbo.log_shipping_secondary_databases;"),
                List.of(new Note("P-3", texts.text("configure.logshipping.note.norecovery"))),
                textThen(
                        texts.text("configure.logshipping.secondaryDatabase.undo"),
                        "EXEC master.dbo.sp_delete_log_shipping_secondary_database @secondary_database = "
                                + Quote.sqlString(database.name()) + ";"));
    }

    private Step enableJobs(
            Topology topology, Database database, SqlInstance primary, SqlInstance backup, ProcedureTexts texts) {
        String copy = Quote.sqlString(copyJobName(primary, database));
        String restore = Quote.sqlString(restoreJobName(primary, database));
        return new Step(
                0,
                "L-6",
                texts.text("configure.logshipping.enable.title"),
                texts.text("configure.logshipping.enable.purpose"),
                Places.sqlInstance(topology, backup.id()),
                Language.TSQL,
                lines(ConfigureParts.jobEnabled(copy, true), ConfigureParts.jobEnabled(restore, true)),
                texts.text("configure.logshipping.enable.expected"),
                "SELECT name, enabled FROM msdb.dbo.sysjobs WHERE name IN (" + copy + ", " + restore + ");",
                List.of(),
                textThen(
                        texts.text("configure.logshipping.enable.undo"),
                        lines(ConfigureParts.jobEnabled(copy, false), ConfigureParts.jobEnabled(restore, false))));
    }

    private Step ssms(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance primary,
            SqlInstance backup,
            SqlInstance monitor,
            ProcedureTexts texts) {
        LogShipping settings = pool.logShipping();
        List<String> guide = new ArrayList<>();
        guide.add(texts.text(
                "configure.logshipping.ssms.open", shown(database.name()), shown(Places.connectName(primary))));
        guide.add(
                settings.primaryLocalPath() == null
                        ? texts.text("configure.logshipping.ssms.backupShare", shown(settings.share()))
                        : texts.text(
                                "configure.logshipping.ssms.backupShareLocal",
                                shown(settings.share()),
                                ConfigureParts.located(settings.primaryLocalPath(), primary.host(), texts)));
        guide.add(texts.text(
                "configure.logshipping.ssms.backupSettings",
                String.valueOf(settings.fileRetentionMinutes()),
                String.valueOf(settings.backupAlertMinutes()),
                String.valueOf(settings.backupEveryMinutes())));
        guide.add(texts.text(
                "configure.logshipping.ssms.secondary", shown(Places.connectName(backup)), shown(database.name())));
        guide.add(texts.text(
                "configure.logshipping.ssms.copy",
                ConfigureParts.located(settings.copyDestination(), backup.host(), texts),
                String.valueOf(settings.fileRetentionMinutes()),
                String.valueOf(settings.copyEveryMinutes())));
        guide.add(texts.text(
                "configure.logshipping.ssms.restore",
                String.valueOf(settings.restoreDelayMinutes()),
                String.valueOf(settings.restoreAlertMinutes()),
                String.valueOf(settings.restoreEveryMinutes())));
        guide.add(
                monitor == null
                        ? texts.text("configure.logshipping.ssms.noMonitor")
                        : texts.text("configure.logshipping.ssms.monitor", shown(Places.connectName(monitor))));
        guide.add(texts.text("configure.logshipping.ssms.ok"));
        return new Step(
                0,
                "L-2",
                texts.text("configure.logshipping.ssms.title", shown(database.name())),
                texts.text("configure.logshipping.ssms.purpose"),
                Places.sqlInstance(topology, primary.id()),
                Language.NONE,
                lines(guide),
                texts.text("configure.logshipping.ssms.expected"),
                "EXEC master.dbo.sp_help_log_shipping_monitor;",
                List.of(),
                texts.text("configure.logshipping.ssms.undo"));
    }

    private List<Step> health(
            Topology topology,
            Database database,
            SqlInstance primary,
            SqlInstance backup,
            SqlInstance monitor,
            ProcedureTexts texts) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                0,
                "L-7",
                texts.text("configure.logshipping.health.primary.title", shown(Places.connectName(primary))),
                texts.text("configure.logshipping.health.primary.purpose"),
                Places.sqlInstance(topology, primary.id()),
                Language.TSQL,
                healthPrimaryQuery(database),
                texts.text("configure.logshipping.health.primary.expected"),
                "EXEC master.dbo.sp_help_log_shipping_monitor;",
                List.of(),
                ConfigureParts.nothingToUndo(texts)));
        steps.add(new Step(
                0,
                "L-7",
                texts.text("configure.logshipping.health.secondary.title", shown(Places.connectName(backup))),
                texts.text("configure.logshipping.health.secondary.purpose"),
                Places.sqlInstance(topology, backup.id()),
                Language.TSQL,
                lines(
                        "SELECT secondary_database, last_copied_file, last_copied_date, last_restored_file,",
                        "       last_restored_date, last_restored_latency, restore_threshold",
                        "FROM msdb.dbo.log_shipping_monitor_secondary",
                        "WHERE secondary_database = " + Quote.sqlString(database.name()) + ";"),
                texts.text("configure.logshipping.health.secondary.expected"),
                "EXEC master.dbo.sp_help_log_shipping_monitor;",
                List.of(),
                ConfigureParts.nothingToUndo(texts)));
        if (monitor != null) {
            steps.add(new Step(
                    0,
                    "L-7",
                    texts.text("configure.logshipping.health.monitor.title", shown(Places.connectName(monitor))),
                    texts.text("configure.logshipping.health.monitor.purpose"),
                    Places.sqlInstance(topology, monitor.id()),
                    Language.TSQL,
                    lines(
                            "EXEC master.dbo.sp_help_log_shipping_monitor;",
                            "SELECT TOP (20) log_time, database_name, message",
                            "FROM msdb.dbo.log_shipping_monitor_error_detail",
                            "ORDER BY log_time DESC;"),
                    texts.text("configure.logshipping.health.monitor.expected"),
                    "SELECT COUNT(*) AS errors FROM msdb.dbo.log_shipping_monitor_error_detail;",
                    List.of(),
                    ConfigureParts.nothingToUndo(texts)));
        }
        return steps;
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
}
