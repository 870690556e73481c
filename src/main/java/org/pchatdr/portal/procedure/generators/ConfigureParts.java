package org.pchatdr.portal.procedure.generators;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Target;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.procedure.Quote;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.UncPaths;

/** Pieces the configuration and mirroring-failover procedures share: scripts built with {@link Quote}. */
final class ConfigureParts {

    private ConfigureParts() {}

    static String lines(List<String> lines) {
        return String.join("\n", lines);
    }

    static String lines(String... lines) {
        return String.join("\n", lines);
    }

    /** A text followed by the script that does it: undo texts name their command. */
    static String textThen(String text, String script) {
        return text + "\n" + script;
    }

    /** {@code folder\file}, without doubling a trailing backslash. */
    static String inFolder(String folder, String file) {
        return folder.endsWith("\\") ? folder + file : folder + "\\" + file;
    }

    /** A value shown outside a script (guidance, checklists): refused like a script value when unsafe. */
    static String shown(String value) {
        Quote.powerShellString(value);
        return value;
    }

    /** The {@code -DatabaseType} of the Lync cmdlets. */
    static String databaseType(DatabaseKind kind) {
        return kind == DatabaseKind.CHAT ? "PersistentChat" : "PersistentChatCompliance";
    }

    /**
     * The steps for each mirrored database of the pool in turn ({@code mgc}, then {@code mgccomp});
     * a pool without a mirrored database has no such procedure ({@code ruleId} says which).
     */
    static void forEachMirrored(Topology.Pool pool, String ruleId, Consumer<Database> steps) {
        List<Database> databases = mirrored(pool);
        if (databases.isEmpty()) {
            throw new ProcedureGenerator.NotApplicable(ruleId, "procedure.not-applicable.no-mirror");
        }
        databases.forEach(steps);
    }

    static List<Database> mirrored(Topology.Pool pool) {
        return pool.databases().stream()
                .filter(database -> database.mirror() != null && database.primary() != null)
                .sorted(Comparator.comparing(Database::kind))
                .toList();
    }

    static String failover(Topology.Pool pool, Database database, String newPrincipal) {
        return "Invoke-CsDatabaseFailover -PoolFqdn " + Quote.powerShellString(pool.fqdn()) + " -DatabaseType "
                + databaseType(database.kind()) + " -NewPrincipal " + newPrincipal + " -Verbose";
    }

    /**
     * The failover to the mirror when the principal cannot be reached (C-8): {@code -Force} is the
     * cmdlet's switch "if the current database is not accessible" (PS invoke-csdatabasefailover).
     */
    static String forcedFailover(Topology.Pool pool, Database database) {
        return "Invoke-CsDatabaseFailover -PoolFqdn " + Quote.powerShellString(pool.fqdn()) + " -DatabaseType "
                + databaseType(database.kind()) + " -NewPrincipal Mirror -Force -Verbose";
    }

    /**
     * Lync's own view of the mirroring of {@code database} (M-5). The cmdlet reference
     * (learn.microsoft.com/powershell/module/skypeforbusiness/get-csdatabasemirrorstate) lists
     * {@code PersistentChat} among the {@code -DatabaseType} values of Skype for Business Server 2015
     * only, not of Lync Server 2013 (C-3; the reference's M-5 does not say so), so the step says so
     * and the {@code sys.database_mirroring} query stays the check that works on both. The expected
     * text {@code expectedKey} names the {@code principal} and the {@code mirror} it should report.
     */
    static void lyncMirrorState(
            Topology.Pool pool, Database database, String expectedKey, String principal, String mirror, Steps steps) {
        inLyncShell(
                "C-3",
                new Steps.Keys("configure.mirroring.state.title", "configure.mirroring.state.purpose", expectedKey),
                new Object[] {shown(database.name()), principal, mirror},
                pool,
                database,
                SiteSwitch.mirrorState(pool, database),
                List.of(steps.note("C-3", "configure.mirroring.state.lync2013")),
                nothingToUndo(steps),
                steps);
    }

    /**
     * A step run in the Lync Management Shell on the mirroring of {@code database} (a failover, the
     * cmdlets' view of it), checked on the database's mirroring row.
     */
    static void inLyncShell(
            String ruleId,
            Steps.Keys keys,
            Object[] args,
            Topology.Pool pool,
            Database database,
            String script,
            List<Note> notes,
            String undo,
            Steps steps) {
        steps.add(
                ruleId,
                keys,
                args,
                Places.lyncShell(pool),
                Language.POWERSHELL,
                script,
                mirroringQuery(database),
                notes,
                undo);
    }

    /** The generation instant as it ends a one-off file name, {@code 20261203T094500Z} (C-1). */
    static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** {@code path}, and the server it is on when it is a local path ({@code D:\…} on which host). */
    static String located(String path, String host, Steps steps) {
        return UncPaths.isUnc(path) ? shown(path) : steps.text("configure.path.onHost", shown(path), shown(host));
    }

    /** Whether the share {@code path} lives on {@code host} (C-10). */
    static boolean onHost(String path, String host) {
        return UncPaths.isOn(path, host);
    }

    /** The mirroring row of one database (section 8). */
    static String mirroringQuery(Database database) {
        return lines(
                "SELECT DB_NAME(database_id) AS database_name, mirroring_role_desc, mirroring_state_desc,",
                "       mirroring_safety_level_desc, mirroring_partner_name, mirroring_partner_instance,",
                "       mirroring_witness_name, mirroring_witness_state_desc",
                "FROM sys.database_mirroring",
                "WHERE database_id = DB_ID(" + Quote.sqlString(database.name()) + ");");
    }

    /**
     * A read-only step that reads the database's mirroring row on {@code on} and checks it against
     * its expected text: the same query run and verified, nothing to undo. Before a switch and after
     * one, and once mirroring is set up.
     */
    static void mirroringCheck(
            String ruleId, Steps.Keys keys, Object[] args, Target on, Database database, Steps steps) {
        steps.add(
                ruleId,
                keys,
                args,
                on,
                Language.TSQL,
                mirroringQuery(database),
                mirroringQuery(database),
                List.of(),
                nothingToUndo(steps));
    }

    /** SQL Server Agent running, recovery model, sysadmin (L-1). */
    static String agentAndRightsQuery(Database database, boolean recoveryModel) {
        List<String> out = new ArrayList<>();
        out.add(
                "SELECT servicename, status_desc FROM sys.dm_server_services WHERE servicename LIKE N'SQL Server Agent%';");
        out.add("SELECT IS_SRVROLEMEMBER(N'sysadmin') AS is_sysadmin;");
        out.add((recoveryModel ? "SELECT name, recovery_model_desc, state_desc" : "SELECT name, state_desc")
                + " FROM sys.databases WHERE name = " + Quote.sqlString(database.name()) + ";");
        return lines(out);
    }

    /**
     * A daily Agent schedule every {@code minutes} minutes for the log-shipping job {@code job}
     * ({@code backup}, {@code copy} or {@code restore}) of {@code database}, named
     * {@code LS<Job>Schedule_<database>} and attached to the job whose id is in {@code @<job>_job_id}:
     * added to {@code script}, indented inside its {@code BEGIN … END}.
     */
    static void everyMinutes(List<String> script, String job, Database database, int minutes) {
        String scheduleName =
                "LS" + Character.toUpperCase(job.charAt(0)) + job.substring(1) + "Schedule_" + database.name();
        String jobIdVariable = "@" + job + "_job_id";
        List.of(
                        "DECLARE @schedule_id_" + job + " int;",
                        "EXEC msdb.dbo.sp_add_schedule",
                        "    @schedule_name = " + Quote.sqlString(scheduleName) + ",",
                        "    @enabled = 1,",
                        "    @freq_type = 4,",
                        "    @freq_interval = 1,",
                        "    @freq_subday_type = 4,",
                        "    @freq_subday_interval = " + minutes + ",",
                        "    @freq_recurrence_factor = 0,",
                        "    @active_start_time = 0,",
                        "    @active_end_time = 235900,",
                        "    @schedule_id = @schedule_id_" + job + " OUTPUT;",
                        "EXEC msdb.dbo.sp_attach_schedule @job_id = " + jobIdVariable + ", @schedule_id = @schedule_id_"
                                + job + ";")
                .forEach(line -> script.add("    " + line));
    }

    /** Turns the Agent job named {@code quotedJob} (already a T-SQL string) on or off. */
    static String jobEnabled(String quotedJob, boolean enabled) {
        return "EXEC msdb.dbo.sp_update_job @job_name = " + quotedJob + ", @enabled = " + (enabled ? 1 : 0) + ";";
    }

    /** Whether the Agent job named {@code quotedJob} is there and enabled. */
    static String jobEnabledQuery(String quotedJob) {
        return "SELECT name, enabled FROM msdb.dbo.sysjobs WHERE name = " + quotedJob + ";";
    }

    /**
     * {@link #jobEnabled} guarded by the job's existence: the log-shipping backup job is there only
     * where log shipping was configured.
     */
    static String jobEnabledIfExists(String quotedJob, boolean enabled) {
        return lines(
                "IF EXISTS (SELECT 1 FROM msdb.dbo.sysjobs WHERE name = " + quotedJob + ")",
                "    " + jobEnabled(quotedJob, enabled));
    }

    /** What a backup or a restore reads or writes: the whole database, or its log. */
    enum Backup {
        DATABASE,
        LOG
    }

    /**
     * {@code BACKUP DATABASE|LOG … TO DISK = … WITH options;}: the file is one-off, written {@code
     * WITH INIT, FORMAT, CHECKSUM} (C-1), the options say so.
     */
    static String backup(Backup what, String database, String file, String options) {
        return "BACKUP " + what + " " + Quote.sqlIdentifier(database) + " TO DISK = " + Quote.sqlString(file) + " WITH "
                + options + ";";
    }

    /** {@code RESTORE DATABASE|LOG … FROM DISK = … WITH options;}. */
    static String restore(Backup what, String database, String file, String options) {
        return "RESTORE " + what + " " + Quote.sqlIdentifier(database) + " FROM DISK = " + Quote.sqlString(file)
                + " WITH " + options + ";";
    }

    /** The check of a backup file written {@code WITH CHECKSUM}. */
    static String verifyOnly(String file) {
        return "RESTORE VERIFYONLY FROM DISK = " + Quote.sqlString(file) + " WITH CHECKSUM;";
    }

    /** Brings a database left restoring online. */
    static String recover(String database) {
        return "RESTORE DATABASE " + Quote.sqlIdentifier(database) + " WITH RECOVERY;";
    }

    static String nothingToUndo(Steps steps) {
        return steps.text("configure.undo.nothing");
    }
}
