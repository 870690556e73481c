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
import org.pchatdr.portal.procedure.Procedure.Target;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.procedure.Quote;
import org.pchatdr.portal.procedure.generators.ConfigureParts.Backup;
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

    /** The seed is a copy outside the backup chain, in files of its own (C-1). */
    private static final String SEED_BACKUP = "COPY_ONLY, INIT, FORMAT, CHECKSUM";

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
        Steps steps = new Steps(texts);
        ConfigureParts.forEachMirrored(
                pool,
                "M-2",
                database -> Setup.of(topology, pool, database, steps).write(variant, generatedAt));
        return steps.steps();
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

    private static java.util.Optional<Note> computerNote(SqlInstance instance, Places.NetworkLogin login, Steps steps) {
        if (!login.computer()) {
            return java.util.Optional.empty();
        }
        String key = login.guessed() ? "configure.mirroring.note.computerGuessed" : "configure.mirroring.note.computer";
        return java.util.Optional.of(steps.note(
                "M-2",
                key,
                shown(Places.connectName(instance)),
                shown(instance.serviceAccount()),
                shown(login.login())));
    }

    /**
     * The mirroring of one database being set up: its principal, mirror and witness (or {@code
     * null}), and the steps written so far.
     */
    private record Setup(
            Topology topology,
            Topology.Pool pool,
            Database database,
            SqlInstance primary,
            SqlInstance mirror,
            SqlInstance witness,
            Steps steps) {

        static Setup of(Topology topology, Topology.Pool pool, Database database, Steps steps) {
            return new Setup(
                    topology,
                    pool,
                    database,
                    Places.instance(topology, database.primary()),
                    Places.instance(topology, database.mirror()),
                    database.witness() == null ? null : Places.instance(topology, database.witness()),
                    steps);
        }

        void write(String variant, Instant generatedAt) {
            int partnerPort = pool.mirroring().partnerPort();
            int witnessPort = pool.mirroring().witnessPort();
            String db = shown(database.name());
            String dbId = Quote.sqlIdentifier(database.name());
            prerequisites();

            steps.add(
                    "M-1",
                    Steps.Keys.under("configure.mirroring.recovery"),
                    new Object[] {db},
                    Places.sqlInstance(topology, primary.id()),
                    Language.TSQL,
                    lines(
                            "SELECT name, recovery_model_desc FROM sys.databases WHERE name = "
                                    + Quote.sqlString(database.name()) + ";",
                            "IF (SELECT recovery_model_desc FROM sys.databases WHERE name = "
                                    + Quote.sqlString(database.name()) + ") <> N'FULL'",
                            "    ALTER DATABASE " + dbId + " SET RECOVERY FULL;"),
                    "SELECT recovery_model_desc FROM sys.databases WHERE name = " + Quote.sqlString(database.name())
                            + ";",
                    List.of(),
                    steps.text("configure.mirroring.recovery.undo"));

            Map<SqlInstance, Boolean> endpoints = session(primary, mirror, witness);
            for (Map.Entry<SqlInstance, Boolean> entry : endpoints.entrySet()) {
                List<SqlInstance> others = endpoints.keySet().stream()
                        .filter(other -> other != entry.getKey())
                        .toList();
                endpoint(entry.getKey(), entry.getValue(), others);
            }

            if (TSQL.equals(variant)) {
                tsqlRoute(generatedAt);
            } else {
                installMirror();
            }

            ConfigureParts.mirroringCheck(
                    "M-1",
                    witness == null
                            ? Steps.Keys.under("configure.mirroring.check")
                            : new Steps.Keys(
                                    "configure.mirroring.check.title",
                                    "configure.mirroring.check.purpose",
                                    "configure.mirroring.check.expectedWitness"),
                    witness == null
                            ? new Object[] {db, shown(Places.mirroringAddress(mirror, partnerPort))}
                            : new Object[] {
                                db,
                                shown(Places.mirroringAddress(mirror, partnerPort)),
                                shown(Places.mirroringAddress(witness, witnessPort))
                            },
                    Places.sqlInstance(topology, primary.id()),
                    database,
                    steps);
            ConfigureParts.lyncMirrorState(
                    pool,
                    database,
                    "configure.mirroring.state.expected",
                    shown(Places.connectName(primary)),
                    shown(Places.connectName(mirror)),
                    steps);
        }

        /**
         * The checklist of M-3 for the partners and the witness, and for the backup site's copies when the
         * backup is mirrored: the site failover mirrors the backup with the same ports and share (F-6).
         */
        void prerequisites() {
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
                // A text, not a number: a message would group its digits ("5,022").
                String port = String.valueOf(port(role.getValue()));
                checklist.add(steps.text(
                        role.getValue()
                                ? "configure.mirroring.prereq.firewall"
                                : "configure.mirroring.prereq.firewallWitness",
                        shown(host),
                        port));
                verify.add("Test-NetConnection -ComputerName " + Quote.powerShellString(host) + " -Port " + port);
                hosts.add(host);
            }
            checklist.add(steps.text("configure.mirroring.prereq.wmi", shown(String.join(", ", hosts))));
            checklist.add(steps.text("configure.mirroring.prereq.domain", shown(String.join(", ", hosts))));
            Set<String> logins = new LinkedHashSet<>();
            List<Note> notes = new ArrayList<>();
            for (Map.Entry<SqlInstance, Boolean> role : roles.entrySet()) {
                if (role.getValue()) {
                    Places.NetworkLogin login = Places.networkLogin(topology, role.getKey());
                    if (logins.add(login.login())) {
                        computerNote(role.getKey(), login, steps).ifPresent(notes::add);
                    }
                }
            }
            checklist.add(steps.text(
                    "configure.mirroring.prereq.share",
                    shown(pool.mirroring().fileShare()),
                    shown(String.join(", ", logins))));
            checklist.add(steps.text(
                    "configure.mirroring.prereq.shareUnreachable",
                    shown(pool.mirroring().fileShare())));
            if (backupMirrored) {
                checklist.add(steps.text(
                        "configure.mirroring.prereq.backupSite",
                        shown(Places.connectName(Places.instance(topology, database.backup())))));
            }
            for (String host : hosts) {
                verify.add("Get-Service -ComputerName " + Quote.powerShellString(host) + " -Name Winmgmt");
            }
            verify.add("Test-Path -LiteralPath "
                    + Quote.powerShellString(pool.mirroring().fileShare()));
            steps.add(
                    "M-3",
                    Steps.Keys.under("configure.mirroring.prereq"),
                    new Object[] {shown(database.name())},
                    Places.operator(pool.primarySite()),
                    Language.NONE,
                    lines(checklist),
                    lines(verify),
                    notes,
                    steps.text("configure.mirroring.prereq.undo"));
        }

        /** The port a partner's or the witness's endpoint listens on. */
        int port(boolean partner) {
            return partner ? pool.mirroring().partnerPort() : pool.mirroring().witnessPort();
        }

        void endpoint(SqlInstance instance, boolean partner, List<SqlInstance> others) {
            int port = port(partner);
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
            notes.add(steps.note("P-4", "configure.mirroring.note.existingEndpoint", String.valueOf(port)));
            Set<String> logins = new LinkedHashSet<>();
            for (SqlInstance other : others) {
                Places.NetworkLogin login = Places.networkLogin(topology, other);
                if (logins.add(login.login())) {
                    computerNote(other, login, steps).ifPresent(notes::add);
                    script.add("IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = "
                            + Quote.sqlString(login.login()) + ")");
                    script.add("    CREATE LOGIN " + Quote.sqlIdentifier(login.login()) + " FROM WINDOWS;");
                    script.add("SET @grant = N'GRANT CONNECT ON ENDPOINT::' + QUOTENAME(@endpoint) + "
                            + Quote.sqlString(" TO " + Quote.sqlIdentifier(login.login()) + ";") + ";");
                    script.add("EXEC sys.sp_executesql @grant;");
                }
            }
            steps.add(
                    "M-4",
                    partner
                            ? Steps.Keys.under("configure.mirroring.endpoint")
                            : new Steps.Keys(
                                    "configure.mirroring.endpoint.titleWitness",
                                    "configure.mirroring.endpoint.purpose",
                                    "configure.mirroring.endpoint.expected"),
                    new Object[] {
                        shown(Places.connectName(instance)),
                        shown(database.name()),
                        partner ? "PARTNER" : "WITNESS",
                        String.valueOf(port),
                        shown(String.join(", ", logins))
                    },
                    Places.sqlInstance(topology, instance.id()),
                    Language.TSQL,
                    lines(script),
                    lines(
                            "SELECT e.name, e.role_desc, e.state_desc, t.port",
                            "FROM sys.database_mirroring_endpoints AS e",
                            "JOIN sys.tcp_endpoints AS t ON t.endpoint_id = e.endpoint_id;"),
                    notes,
                    textThen(
                            steps.text("configure.mirroring.endpoint.undo"),
                            "DROP ENDPOINT " + Quote.sqlIdentifier(ENDPOINT) + ";"));
        }

        void installMirror() {
            String script = SiteSwitch.installMirror(database, pool.mirroring().fileShare(), primary, false);
            String uninstall = SiteSwitch.uninstallMirror(database, primary);
            ConfigureParts.inLyncShell(
                    "M-2",
                    witness == null
                            ? Steps.Keys.under("configure.mirroring.install")
                            : new Steps.Keys(
                                    "configure.mirroring.install.title",
                                    "configure.mirroring.install.purposeWitness",
                                    "configure.mirroring.install.expected"),
                    new Object[] {
                        shown(database.name()),
                        shown(Places.connectName(mirror)),
                        witness == null ? "" : shown(Places.connectName(witness))
                    },
                    pool,
                    database,
                    script,
                    List.of(steps.note("P-5", "configure.mirroring.warning.restart", shown(pool.fqdn()))),
                    textThen(steps.text("configure.mirroring.install.undo"), uninstall),
                    steps);
        }

        void tsqlRoute(Instant generatedAt) {
            String db = shown(database.name());
            String dbId = Quote.sqlIdentifier(database.name());
            // Both partner steps are taken back alike: mirroring of the database is removed.
            String partnerOff = textThen(
                    steps.text("configure.mirroring.partner.undo"), "ALTER DATABASE " + dbId + " SET PARTNER OFF;");
            // C-1: a seed of another run must never be appended to or restored instead of this one.
            String seed = database.name() + "_mirror_seed_" + ConfigureParts.stamp(generatedAt);
            String full = inFolder(pool.mirroring().fileShare(), seed + ".bak");
            String log = inFolder(pool.mirroring().fileShare(), seed + ".trn");
            int partnerPort = pool.mirroring().partnerPort();
            String backupJob = Quote.sqlString(ConfigureLogShipping.backupJobName(database));
            Target onPrimary = Places.sqlInstance(topology, primary.id());
            Target onMirror = Places.sqlInstance(topology, mirror.id());
            // A log backup taken between the seed and SET PARTNER leaves a gap the mirror cannot bridge:
            // SET PARTNER then fails with error 1412 unless that backup is restored on the mirror first.
            steps.add(
                    "M-4",
                    Steps.Keys.under("configure.mirroring.pauseLogBackups"),
                    new Object[] {
                        db, shown(Places.connectName(primary)), shown(ConfigureLogShipping.backupJobName(database))
                    },
                    onPrimary,
                    Language.TSQL,
                    ConfigureParts.jobEnabledIfExists(backupJob, false),
                    lines(
                            ConfigureParts.jobEnabledQuery(backupJob),
                            "SELECT TOP (5) backup_finish_date, physical_device_name",
                            "FROM msdb.dbo.backupset AS b",
                            "JOIN msdb.dbo.backupmediafamily AS m ON m.media_set_id = b.media_set_id",
                            "WHERE b.database_name = " + Quote.sqlString(database.name()) + " AND b.type = 'L'",
                            "ORDER BY backup_finish_date DESC;"),
                    List.of(steps.note("M-4", "configure.mirroring.pauseLogBackups.note")),
                    textThen(
                            steps.text("configure.mirroring.pauseLogBackups.undo"),
                            ConfigureParts.jobEnabled(backupJob, true)));
            steps.add(
                    "M-4",
                    Steps.Keys.under("configure.mirroring.backup"),
                    new Object[] {db, shown(pool.mirroring().fileShare())},
                    onPrimary,
                    Language.TSQL,
                    lines(
                            ConfigureParts.backup(Backup.DATABASE, database.name(), full, SEED_BACKUP),
                            ConfigureParts.backup(Backup.LOG, database.name(), log, SEED_BACKUP)),
                    lines(ConfigureParts.verifyOnly(full), ConfigureParts.verifyOnly(log)),
                    List.of(),
                    steps.text("configure.mirroring.backup.undo"));
            steps.add(
                    "M-4",
                    Steps.Keys.under("configure.mirroring.restore"),
                    new Object[] {db},
                    onMirror,
                    Language.TSQL,
                    lines(
                            ConfigureParts.restore(
                                    Backup.DATABASE, database.name(), full, "NORECOVERY, REPLACE, CHECKSUM"),
                            ConfigureParts.restore(Backup.LOG, database.name(), log, "NORECOVERY, CHECKSUM")),
                    "SELECT name, state_desc FROM sys.databases WHERE name = " + Quote.sqlString(database.name()) + ";",
                    List.of(),
                    textThen(steps.text("configure.mirroring.restore.undo"), "DROP DATABASE " + dbId + ";"));
            steps.add(
                    "M-4",
                    Steps.Keys.under("configure.mirroring.partnerOnMirror"),
                    new Object[] {db},
                    onMirror,
                    Language.TSQL,
                    "ALTER DATABASE " + dbId + " SET PARTNER = "
                            + Quote.sqlString(Places.mirroringAddress(primary, partnerPort)) + ";",
                    ConfigureParts.mirroringQuery(database),
                    List.of(),
                    partnerOff);
            steps.add(
                    "M-4",
                    Steps.Keys.under("configure.mirroring.partnerOnPrincipal"),
                    new Object[] {db},
                    onPrimary,
                    Language.TSQL,
                    lines(
                            "ALTER DATABASE " + dbId + " SET PARTNER = "
                                    + Quote.sqlString(Places.mirroringAddress(mirror, partnerPort)) + ";",
                            "ALTER DATABASE " + dbId + " SET PARTNER SAFETY FULL;"),
                    ConfigureParts.mirroringQuery(database),
                    List.of(steps.note("P-5", "configure.mirroring.warning.restart", shown(pool.fqdn()))),
                    partnerOff);
            steps.add(
                    "M-4",
                    Steps.Keys.under("configure.mirroring.resumeLogBackups"),
                    new Object[] {db},
                    onPrimary,
                    Language.TSQL,
                    ConfigureParts.jobEnabledIfExists(backupJob, true),
                    ConfigureParts.jobEnabledQuery(backupJob),
                    List.of(),
                    steps.text("configure.mirroring.resumeLogBackups.undo"));
            if (witness != null) {
                steps.add(
                        "M-4",
                        Steps.Keys.under("configure.mirroring.witness"),
                        new Object[] {db, shown(Places.connectName(witness))},
                        onPrimary,
                        Language.TSQL,
                        "ALTER DATABASE " + dbId + " SET WITNESS = "
                                + Quote.sqlString(Places.mirroringAddress(
                                        witness, pool.mirroring().witnessPort()))
                                + ";",
                        ConfigureParts.mirroringQuery(database),
                        List.of(steps.note("P-2", "configure.mirroring.note.witnessRemoval")),
                        textThen(
                                steps.text("configure.mirroring.witness.undo"),
                                "ALTER DATABASE " + dbId + " SET WITNESS OFF;"));
            }
        }
    }
}
