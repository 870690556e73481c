package org.pchatdr.portal.procedure.generators;

import static org.pchatdr.portal.procedure.generators.ConfigureParts.inFolder;
import static org.pchatdr.portal.procedure.generators.ConfigureParts.lines;
import static org.pchatdr.portal.procedure.generators.ConfigureParts.shown;
import static org.pchatdr.portal.procedure.generators.ConfigureParts.textThen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.procedure.Quote;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/**
 * {@code configure-mirroring}: database mirroring of {@code mgc} (and {@code mgccomp}) in the primary
 * data center, rules M-1…M-4. For each mirrored database: the prerequisites (M-3, on the backup
 * site's instances too, which the site failover mirrors with the same ports and share, F-6), the FULL
 * recovery model (M-1), a mirroring endpoint with its grants on each instance (M-4, P-4), then one
 * route: the variant {@code cmdlet} (the default) runs {@code Install-CsMirrorDatabase} (M-2), the
 * variant {@code tsql} seeds the mirror and sets the partners in T-SQL (M-4: mirror first, principal
 * next, witness last). Never both: the T-SQL route would restore over a database that is already a
 * mirror, and backing up or restoring a mirror database is not allowed (C-9). Then the checks. No
 * witness in the topology, no witness steps. A pool without any mirrored database is refused.
 */
public class ConfigureMirroring extends DatedGenerator {

    static final String ENDPOINT = "Mirroring";

    static final String CMDLET = "cmdlet";

    public ConfigureMirroring() {
        super(() -> Instant.EPOCH, "configure-mirroring", CMDLET, TSQL);
    }

    @Override
    public List<Note> warnings(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts) {
        List<Note> notes = new ArrayList<>();
        notes.add(new Note("C-9", texts.text("configure.mirroring.warning.oneRoute")));
        notes.add(new Note("M-1", texts.text("configure.mirroring.warning.synchronous")));
        if (ConfigureParts.mirrored(pool).stream().anyMatch(database -> database.witness() == null)) {
            notes.add(new Note("C-8", texts.text("configure.mirroring.warning.noWitness")));
        }
        notes.add(new Note("P-5", texts.text("configure.mirroring.warning.restart", shown(pool.fqdn()))));
        return notes;
    }

    @Override
    public List<Step> steps(
            Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts, Instant generatedAt) {
        return ConfigureParts.forEachMirrored(
                pool, "M-2", database -> forDatabase(topology, pool, database, variant, texts, generatedAt));
    }

    private List<Step> forDatabase(
            Topology topology,
            Topology.Pool pool,
            Database database,
            String variant,
            ProcedureTexts texts,
            Instant generatedAt) {
        SqlInstance primary = Places.instance(topology, database.primary());
        SqlInstance mirror = Places.instance(topology, database.mirror());
        SqlInstance witness = database.witness() == null ? null : Places.instance(topology, database.witness());
        int partnerPort = pool.mirroring().partnerPort();
        int witnessPort = pool.mirroring().witnessPort();
        String db = shown(database.name());
        String dbId = Quote.sqlIdentifier(database.name());
        List<Step> steps = new ArrayList<>();

        steps.add(prerequisites(topology, pool, database, primary, mirror, witness, texts));

        steps.add(new Step(
                0,
                "M-1",
                texts.text("configure.mirroring.recovery.title", db),
                texts.text("configure.mirroring.recovery.purpose", db),
                Places.sqlInstance(topology, primary.id()),
                Language.TSQL,
                lines(
                        "SELECT name, recovery_model_desc FROM sys.databases WHERE name = "
                                + Quote.sqlString(database.name()) + ";",
                        "IF (SELECT recovery_model_desc FROM sys.databases WHERE name = "
                                + Quote.sqlString(database.name()) + ") <> N'FULL'",
                        "    ALTER DATABASE " + dbId + " SET RECOVERY FULL;"),
                texts.text("configure.mirroring.recovery.expected"),
                "SELECT recovery_model_desc FROM sys.databases WHERE name = " + Quote.sqlString(database.name()) + ";",
                List.of(),
                texts.text("configure.mirroring.recovery.undo")));

        Map<SqlInstance, Boolean> endpoints = session(primary, mirror, witness);
        for (Map.Entry<SqlInstance, Boolean> entry : endpoints.entrySet()) {
            List<SqlInstance> others = endpoints.keySet().stream()
                    .filter(other -> other != entry.getKey())
                    .toList();
            steps.add(endpoint(
                    topology, database, entry.getKey(), entry.getValue(), others, partnerPort, witnessPort, texts));
        }

        if (TSQL.equals(variant)) {
            steps.addAll(tsqlRoute(topology, pool, database, primary, mirror, witness, texts, generatedAt));
        } else {
            steps.add(installMirror(topology, pool, database, primary, mirror, witness, texts));
        }

        steps.add(ConfigureParts.mirroringCheck(
                "M-1",
                texts.text("configure.mirroring.check.title", db),
                texts.text("configure.mirroring.check.purpose", db),
                Places.sqlInstance(topology, primary.id()),
                database,
                witness == null
                        ? texts.text(
                                "configure.mirroring.check.expected",
                                shown(Places.mirroringAddress(mirror, partnerPort)))
                        : texts.text(
                                "configure.mirroring.check.expectedWitness",
                                shown(Places.mirroringAddress(mirror, partnerPort)),
                                shown(Places.mirroringAddress(witness, witnessPort))),
                texts));
        steps.add(ConfigureParts.lyncMirrorState(
                pool,
                database,
                texts.text(
                        "configure.mirroring.state.expected",
                        shown(Places.connectName(primary)),
                        shown(Places.connectName(mirror))),
                texts));
        return steps;
    }

    /**
     * The checklist of M-3 for the partners and the witness, and for the backup site's copies when the
     * backup is mirrored: the site failover mirrors the backup with the same ports and share (F-6).
     */
    private Step prerequisites(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance primary,
            SqlInstance mirror,
            SqlInstance witness,
            ProcedureTexts texts) {
        String partnerPort = String.valueOf(pool.mirroring().partnerPort());
        String witnessPort = String.valueOf(pool.mirroring().witnessPort());
        Map<SqlInstance, Boolean> roles = session(primary, mirror, witness);
        boolean backupMirrored = database.backup() != null && database.backupMirror() != null;
        if (backupMirrored) {
            roles.putAll(session(
                    Places.instance(topology, database.backup()),
                    Places.instance(topology, database.backupMirror()),
                    database.backupWitness() == null ? null : Places.instance(topology, database.backupWitness())));
        }
        List<String> checklist = new ArrayList<>();
        List<String> verify = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        for (Map.Entry<SqlInstance, Boolean> role : roles.entrySet()) {
            String host = role.getKey().host();
            String port = role.getValue() ? partnerPort : witnessPort;
            checklist.add(texts.text(
                    role.getValue()
                            ? "configure.mirroring.prereq.firewall"
                            : "configure.mirroring.prereq.firewallWitness",
                    shown(host),
                    port));
            verify.add("Test-NetConnection -ComputerName " + Quote.powerShellString(host) + " -Port " + port);
            hosts.add(host);
        }
        checklist.add(texts.text("configure.mirroring.prereq.wmi", shown(String.join(", ", hosts))));
        checklist.add(texts.text("configure.mirroring.prereq.domain", shown(String.join(", ", hosts))));
        Set<String> logins = new LinkedHashSet<>();
        List<Note> notes = new ArrayList<>();
        for (Map.Entry<SqlInstance, Boolean> role : roles.entrySet()) {
            if (role.getValue()) {
                Places.NetworkLogin login = Places.networkLogin(topology, role.getKey());
                if (logins.add(login.login())) {
                    computerNote(role.getKey(), login, texts).ifPresent(notes::add);
                }
            }
        }
        checklist.add(texts.text(
                "configure.mirroring.prereq.share",
                shown(pool.mirroring().fileShare()),
                shown(String.join(", ", logins))));
        checklist.add(texts.text(
                "configure.mirroring.prereq.shareUnreachable",
                shown(pool.mirroring().fileShare())));
        if (backupMirrored) {
            checklist.add(texts.text(
                    "configure.mirroring.prereq.backupSite",
                    shown(Places.connectName(Places.instance(topology, database.backup())))));
        }
        for (String host : hosts) {
            verify.add("Get-Service -ComputerName " + Quote.powerShellString(host) + " -Name Winmgmt");
        }
        verify.add("Test-Path -LiteralPath "
                + Quote.powerShellString(pool.mirroring().fileShare()));
        return new Step(
                0,
                "M-3",
                texts.text("configure.mirroring.prereq.title", shown(database.name())),
                texts.text("configure.mirroring.prereq.purpose"),
                Places.operator(pool.primarySite()),
                Language.NONE,
                lines(checklist),
                texts.text("configure.mirroring.prereq.expected"),
                lines(verify),
                notes,
                texts.text("configure.mirroring.prereq.undo"));
    }

    /** The instances of one mirroring session in order, each {@code true} for a partner, {@code false} for the witness. */
    private static Map<SqlInstance, Boolean> session(SqlInstance principal, SqlInstance mirror, SqlInstance witness) {
        Map<SqlInstance, Boolean> roles = new LinkedHashMap<>();
        roles.put(principal, true);
        roles.put(mirror, true);
        if (witness != null) {
            roles.put(witness, false);
        }
        return roles;
    }

    private static java.util.Optional<Note> computerNote(
            SqlInstance instance, Places.NetworkLogin login, ProcedureTexts texts) {
        if (!login.computer()) {
            return java.util.Optional.empty();
        }
        String key = login.guessed() ? "configure.mirroring.note.computerGuessed" : "configure.mirroring.note.computer";
        return java.util.Optional.of(new Note(
                "M-2",
                texts.text(
                        key,
                        shown(Places.connectName(instance)),
                        shown(instance.serviceAccount()),
                        shown(login.login()))));
    }

    private Step endpoint(
            Topology topology,
            Database database,
            SqlInstance instance,
            boolean partner,
            List<SqlInstance> others,
            int partnerPort,
            int witnessPort,
            ProcedureTexts texts) {
        int port = partner ? partnerPort : witnessPort;
        List<String> script = new ArrayList<>();
        script.add("IF NOT EXISTS (SELECT 1 FROM sys.database_mirroring_endpoints)");
        script.add("    CREATE ENDPOINT " + Quote.sqlIdentifier(ENDPOINT));
        script.add("        STATE = STARTED");
        script.add("        AS TCP (LISTENER_PORT = " + port + ")");
        script.add("        FOR DATABASE_MIRRORING (ROLE = " + (partner ? "PARTNER" : "WITNESS") + ");");
        script.add("GO");
        script.add("DECLARE @endpoint sysname = (SELECT name FROM sys.database_mirroring_endpoints);");
        script.add("DECLARE @grant nvarchar(max);");
        List<Note> notes = new ArrayList<>();
        notes.add(new Note("P-4", texts.text("configure.mirroring.note.existingEndpoint", String.valueOf(port))));
        Set<String> logins = new LinkedHashSet<>();
        for (SqlInstance other : others) {
            Places.NetworkLogin login = Places.networkLogin(topology, other);
            if (logins.add(login.login())) {
                computerNote(other, login, texts).ifPresent(notes::add);
                script.add("IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = "
                        + Quote.sqlString(login.login()) + ")");
                script.add("    CREATE LOGIN " + Quote.sqlIdentifier(login.login()) + " FROM WINDOWS;");
                script.add("SET @grant = N'GRANT CONNECT ON ENDPOINT::' + QUOTENAME(@endpoint) + "
                        + Quote.sqlString(" TO " + Quote.sqlIdentifier(login.login()) + ";") + ";");
                script.add("EXEC sys.sp_executesql @grant;");
            }
        }
        String name = shown(Places.connectName(instance));
        return new Step(
                0,
                "M-4",
                texts.text(
                        partner ? "configure.mirroring.endpoint.title" : "configure.mirroring.endpoint.titleWitness",
                        name,
                        shown(database.name())),
                texts.text(
                        "configure.mirroring.endpoint.purpose",
                        partner ? "PARTNER" : "WITNESS",
                        String.valueOf(port),
                        shown(String.join(", ", logins))),
                Places.sqlInstance(topology, instance.id()),
                Language.TSQL,
                lines(script),
                texts.text(
                        "configure.mirroring.endpoint.expected", partner ? "PARTNER" : "WITNESS", String.valueOf(port)),
                lines(
                        "SELECT e.name, e.role_desc, e.state_desc, t.port",
                        "FROM sys.database_mirroring_endpoints AS e",
                        "JOIN sys.tcp_endpoints AS t ON t.endpoint_id = e.endpoint_id;"),
                notes,
                textThen(
                        texts.text("configure.mirroring.endpoint.undo"),
                        "DROP ENDPOINT " + Quote.sqlIdentifier(ENDPOINT) + ";"));
    }

    private Step installMirror(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance primary,
            SqlInstance mirror,
            SqlInstance witness,
            ProcedureTexts texts) {
        String script = SiteSwitch.installMirror(database, pool.mirroring().fileShare(), primary, false);
        String uninstall = SiteSwitch.uninstallMirror(database, primary);
        return ConfigureParts.inLyncShell(
                "M-2",
                texts.text("configure.mirroring.install.title", shown(database.name())),
                texts.text(
                        witness == null
                                ? "configure.mirroring.install.purpose"
                                : "configure.mirroring.install.purposeWitness",
                        shown(database.name()),
                        shown(Places.connectName(mirror)),
                        witness == null ? "" : shown(Places.connectName(witness))),
                pool,
                database,
                script,
                texts.text("configure.mirroring.install.expected"),
                List.of(new Note("P-5", texts.text("configure.mirroring.warning.restart", shown(pool.fqdn())))),
                textThen(texts.text("configure.mirroring.install.undo"), uninstall));
    }

    private List<Step> tsqlRoute(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance primary,
            SqlInstance mirror,
            SqlInstance witness,
            ProcedureTexts texts,
            Instant generatedAt) {
        String db = shown(database.name());
        String dbId = Quote.sqlIdentifier(database.name());
        // Both partner steps are taken back alike: mirroring of the database is removed.
        String partnerOff = textThen(
                texts.text("configure.mirroring.partner.undo"), "ALTER DATABASE " + dbId + " SET PARTNER OFF;");
        // C-1: a seed of another run must never be appended to or restored instead of this one.
        String seed = database.name() + "_mirror_seed_" + ConfigureParts.stamp(generatedAt);
        String full = inFolder(pool.mirroring().fileShare(), seed + ".bak");
        String log = inFolder(pool.mirroring().fileShare(), seed + ".trn");
        int partnerPort = pool.mirroring().partnerPort();
        String backupJob = Quote.sqlString(ConfigureLogShipping.backupJobName(database));
        List<Step> steps = new ArrayList<>();
        // A log backup taken between the seed and SET PARTNER leaves a gap the mirror cannot bridge:
        // SET PARTNER then fails with error 1412 unless that backup is restored on the mirror first.
        steps.add(new Step(
                0,
                "M-4",
                texts.text("configure.mirroring.pauseLogBackups.title", db, shown(Places.connectName(primary))),
                texts.text(
                        "configure.mirroring.pauseLogBackups.purpose",
                        db,
                        shown(ConfigureLogShipping.backupJobName(database))),
                Places.sqlInstance(topology, primary.id()),
                Language.TSQL,
                ConfigureParts.jobEnabledIfExists(backupJob, false),
                texts.text("configure.mirroring.pauseLogBackups.expected"),
                lines(
                        ConfigureParts.jobEnabledQuery(backupJob),
                        "SELECT TOP (5) backup_finish_date, physical_device_name",
                        "FROM msdb.dbo.backupset AS b",
                        "JOIN msdb.dbo.backupmediafamily AS m ON m.media_set_id = b.media_set_id",
                        "WHERE b.database_name = " + Quote.sqlString(database.name()) + " AND b.type = 'L'",
                        "ORDER BY backup_finish_date DESC;"),
                List.of(new Note("M-4", texts.text("configure.mirroring.pauseLogBackups.note"))),
                textThen(
                        texts.text("configure.mirroring.pauseLogBackups.undo"),
                        ConfigureParts.jobEnabled(backupJob, true))));
        steps.add(new Step(
                0,
                "M-4",
                texts.text("configure.mirroring.backup.title", db),
                texts.text(
                        "configure.mirroring.backup.purpose",
                        db,
                        shown(pool.mirroring().fileShare())),
                Places.sqlInstance(topology, primary.id()),
                Language.TSQL,
                lines(
                        "BACKUP DATABASE " + dbId + " TO DISK = " + Quote.sqlString(full)
                                + " WITH COPY_ONLY, INIT, FORMAT, CHECKSUM;",
                        "BACKUP LOG " + dbId + " TO DISK = " + Quote.sqlString(log)
                                + " WITH COPY_ONLY, INIT, FORMAT, CHECKSUM;"),
                texts.text("configure.mirroring.backup.expected"),
                lines(
                        "RESTORE VERIFYONLY FROM DISK = " + Quote.sqlString(full) + " WITH CHECKSUM;",
                        "RESTORE VERIFYONLY FROM DISK = " + Quote.sqlString(log) + " WITH CHECKSUM;"),
                List.of(),
                texts.text("configure.mirroring.backup.undo")));
        steps.add(new Step(
                0,
                "M-4",
                texts.text("configure.mirroring.restore.title", db),
                texts.text("configure.mirroring.restore.purpose", db),
                Places.sqlInstance(topology, mirror.id()),
                Language.TSQL,
                lines(
                        "RESTORE DATABASE " + dbId + " FROM DISK = " + Quote.sqlString(full)
                                + " WITH NORECOVERY, REPLACE, CHECKSUM;",
                        "RESTORE LOG " + dbId + " FROM DISK = " + Quote.sqlString(log) + " WITH NORECOVERY, CHECKSUM;"),
                texts.text("configure.mirroring.restore.expected"),
                "SELECT name, state_desc FROM sys.databases WHERE name = " + Quote.sqlString(database.name()) + ";",
                List.of(),
                textThen(texts.text("configure.mirroring.restore.undo"), "DROP DATABASE " + dbId + ";")));
        steps.add(new Step(
                0,
                "M-4",
                texts.text("configure.mirroring.partnerOnMirror.title", db),
                texts.text("configure.mirroring.partnerOnMirror.purpose", db),
                Places.sqlInstance(topology, mirror.id()),
                Language.TSQL,
                "ALTER DATABASE " + dbId + " SET PARTNER = "
                        + Quote.sqlString(Places.mirroringAddress(primary, partnerPort)) + ";",
                texts.text("configure.mirroring.partnerOnMirror.expected"),
                ConfigureParts.mirroringQuery(database),
                List.of(),
                partnerOff));
        steps.add(new Step(
                0,
                "M-4",
                texts.text("configure.mirroring.partnerOnPrincipal.title", db),
                texts.text("configure.mirroring.partnerOnPrincipal.purpose", db),
                Places.sqlInstance(topology, primary.id()),
                Language.TSQL,
                lines(
                        "ALTER DATABASE " + dbId + " SET PARTNER = "
                                + Quote.sqlString(Places.mirroringAddress(mirror, partnerPort)) + ";",
                        "ALTER DATABASE " + dbId + " SET PARTNER SAFETY FULL;"),
                texts.text("configure.mirroring.partnerOnPrincipal.expected"),
                ConfigureParts.mirroringQuery(database),
                List.of(new Note("P-5", texts.text("configure.mirroring.warning.restart", shown(pool.fqdn())))),
                partnerOff));
        steps.add(new Step(
                0,
                "M-4",
                texts.text("configure.mirroring.resumeLogBackups.title", db),
                texts.text("configure.mirroring.resumeLogBackups.purpose", db),
                Places.sqlInstance(topology, primary.id()),
                Language.TSQL,
                ConfigureParts.jobEnabledIfExists(backupJob, true),
                texts.text("configure.mirroring.resumeLogBackups.expected"),
                ConfigureParts.jobEnabledQuery(backupJob),
                List.of(),
                texts.text("configure.mirroring.resumeLogBackups.undo")));
        if (witness != null) {
            steps.add(new Step(
                    0,
                    "M-4",
                    texts.text("configure.mirroring.witness.title", db),
                    texts.text("configure.mirroring.witness.purpose", db, shown(Places.connectName(witness))),
                    Places.sqlInstance(topology, primary.id()),
                    Language.TSQL,
                    "ALTER DATABASE " + dbId + " SET WITNESS = "
                            + Quote.sqlString(Places.mirroringAddress(
                                    witness, pool.mirroring().witnessPort())) + ";",
                    texts.text("configure.mirroring.witness.expected"),
                    ConfigureParts.mirroringQuery(database),
                    List.of(new Note("P-2", texts.text("configure.mirroring.note.witnessRemoval"))),
                    textThen(
                            texts.text("configure.mirroring.witness.undo"),
                            "ALTER DATABASE " + dbId + " SET WITNESS OFF;")));
        }
        return steps;
    }
}
