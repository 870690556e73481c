package org.pchatdr.portal.procedure.generators;

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
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/**
 * Failover of the whole pool to data center 2 (section 5, F-0…F-7), in Microsoft's order. The
 * {@code planned} variant, for an old primary that is still reachable, first takes a tail-log backup
 * there, as SQL Server's own log-shipping failover does, so that F-2 and F-3 ship it and nothing is
 * lost.
 */
public class SiteFailover implements ProcedureGenerator {

    public static final String NAME = "site-failover";
    public static final String UNPLANNED = "unplanned";
    public static final String PLANNED = "planned";

    public SiteFailover() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> variants() {
        return List.of(UNPLANNED, PLANNED);
    }

    @Override
    public List<Note> warnings(Topology topology, Pool pool, String variant, ProcedureTexts texts) {
        List<Note> notes = new ArrayList<>();
        if (pool.complianceEnabled()) {
            notes.add(new Note("F-0", texts.text("dr.failover.warning.compliance")));
        }
        notes.add(new Note(
                "P-3", texts.text(planned(variant) ? "dr.failover.warning.planned" : "dr.failover.warning.unplanned")));
        notes.add(new Note("T-16", texts.text("dr.failover.warning.file-store", pool.fileStore())));
        return notes;
    }

    @Override
    public List<Step> steps(Topology topology, Pool pool, String variant, ProcedureTexts texts) {
        boolean planned = planned(variant);
        Database mgc = Places.chatDatabase(pool);
        SqlInstance primary = Places.instance(topology, mgc.primary());
        SqlInstance backup = Places.instance(topology, mgc.backup());
        String live = pool.secondarySite();
        String backupName = Places.connectName(backup);
        String db = mgc.name();
        String share = pool.logShipping().share();
        String copyFolder = pool.logShipping().copyDestination();
        String tailFile = share + "\\" + db + "_tail.trn";
        // P-8: when the share folder sits on the primary, its SQL Server writes there by the local path.
        String localPath = pool.logShipping().primaryLocalPath();
        String tailDisk = localPath == null ? tailFile : localPath + "\\" + db + "_tail.trn";
        SiteSwitch.Steps steps = new SiteSwitch.Steps(texts);

        if (planned) {
            String principal = Places.connectName(primary);
            List<String> script = new ArrayList<>();
            script.add("USE [master];");
            if (mgc.mirror() != null) {
                script.add("ALTER DATABASE " + Quote.sqlIdentifier(db) + " SET PARTNER OFF;");
            }
            script.add("BACKUP LOG " + Quote.sqlIdentifier(db) + " TO DISK = " + Quote.sqlString(tailDisk)
                    + " WITH NORECOVERY;");
            List<Note> notes = new ArrayList<>();
            notes.add(steps.note("P-3", "dr.failover.tail.warning.p3"));
            if (mgc.mirror() != null) {
                notes.add(steps.note(
                        "M-6",
                        "dr.failover.tail.warning.mirror",
                        Places.connectName(Places.instance(topology, mgc.mirror()))));
            }
            if (localPath != null) {
                notes.add(steps.note("P-8", "dr.failover.tail.warning.p8", tailDisk, tailFile));
            }
            steps.add(
                    "L-FO",
                    "dr.failover.tail",
                    new Object[] {db, principal, tailFile},
                    Places.sqlInstance(topology, mgc.primary()),
                    Language.TSQL,
                    SiteSwitch.lines(script),
                    SiteSwitch.databaseState(mgc) + "\nRESTORE HEADERONLY FROM DISK = " + Quote.sqlString(tailDisk)
                            + ";",
                    notes,
                    steps.text("dr.failover.tail.undo", db));
        }

        pool.database(DatabaseKind.COMPLIANCE)
                .ifPresent(comp -> steps.add(
                        "F-0",
                        "dr.failover.f0",
                        new Object[] {comp.name()},
                        Places.operator(live),
                        Language.NONE,
                        null,
                        steps.text("dr.failover.f0.verify", comp.name()),
                        List.of(steps.note("F-0", "dr.failover.f0.warning", comp.name())),
                        steps.text("dr.nothing-to-undo")));

        steps.add(
                "F-1",
                "dr.failover.f1",
                new Object[] {db, backupName},
                Places.sqlInstance(topology, mgc.backup()),
                Language.TSQL,
                "USE [master];\n"
                        + "SELECT secondary_database, last_copied_file, last_copied_date, last_restored_file,"
                        + " last_restored_date\nFROM msdb.dbo.log_shipping_monitor_secondary WHERE secondary_database = "
                        + Quote.sqlString(db) + ";\n"
                        + "EXEC sp_delete_log_shipping_secondary_database @secondary_database = " + Quote.sqlString(db)
                        + ";",
                "SELECT secondary_database FROM msdb.dbo.log_shipping_secondary_databases WHERE secondary_database = "
                        + Quote.sqlString(db) + ";",
                List.of(),
                steps.text("dr.failover.f1.undo", db));

        steps.add(
                "F-2",
                planned ? "dr.failover.f2.planned" : "dr.failover.f2",
                new Object[] {share, copyFolder, db + "_*.trn", backup.host()},
                Places.folder(copyFolder, live),
                Language.POWERSHELL,
                "robocopy " + Quote.powerShellString(share) + " " + Quote.powerShellString(copyFolder) + " "
                        + Quote.powerShellString(db + "_*.trn") + " /XO /R:3 /W:10",
                "SELECT last_copied_file, last_copied_date FROM msdb.dbo.log_shipping_monitor_secondary"
                        + " WHERE secondary_database = " + Quote.sqlString(db) + ";\n"
                        + "Get-ChildItem -LiteralPath " + Quote.powerShellString(copyFolder) + " -Filter "
                        + Quote.powerShellString(db + "_*.trn") + " | Sort-Object Name | Select-Object Name",
                shareInLostSite(topology, pool, share, planned)
                        ? List.of(steps.note("T-15", "dr.failover.f2.warning.share", share, pool.primarySite()))
                        : List.of(),
                steps.text("dr.failover.f2.undo"));

        steps.add(
                "F-3",
                planned ? "dr.failover.f3.planned" : "dr.failover.f3",
                new Object[] {db, backupName, copyFolder, db + "_tail.trn"},
                Places.sqlInstance(topology, mgc.backup()),
                Language.TSQL,
                "SELECT TOP (1) bmf.physical_device_name, rh.restore_date\n"
                        + "FROM msdb.dbo.restorehistory AS rh\n"
                        + "JOIN msdb.dbo.backupset AS bs ON bs.backup_set_id = rh.backup_set_id\n"
                        + "JOIN msdb.dbo.backupmediafamily AS bmf ON bmf.media_set_id = bs.media_set_id\n"
                        + "WHERE rh.destination_database_name = " + Quote.sqlString(db) + "\n"
                        + "ORDER BY rh.restore_history_id DESC;\n"
                        + "EXEC master.sys.xp_dirtree " + Quote.sqlString(copyFolder) + ", 1, 1;\n"
                        + "RESTORE LOG " + Quote.sqlIdentifier(db) + " FROM DISK = "
                        + Quote.sqlString(copyFolder + "\\<file>") + " WITH NORECOVERY;",
                SiteSwitch.databaseState(mgc),
                List.of(steps.note("P-3", "dr.failover.f3.warning.p3")),
                null);

        steps.add(
                "F-4",
                "dr.failover.f4",
                new Object[] {db, backupName},
                Places.sqlInstance(topology, mgc.backup()),
                Language.TSQL,
                "USE [master];\nEXEC sp_who2;\nKILL <spid>;\nRESTORE DATABASE " + Quote.sqlIdentifier(db)
                        + " WITH RECOVERY;",
                SiteSwitch.databaseState(mgc),
                List.of(
                        steps.note("P-3", "dr.failover.f4.warning.p3", db),
                        steps.note("P-7", "dr.failover.f4.warning.p7", db, backupName)),
                null);

        String identity = SiteSwitch.serviceIdentity(pool);
        steps.add(
                "F-5",
                "dr.failover.f5",
                new Object[] {pool.fqdn(), identity},
                Places.lyncShell(live),
                Language.POWERSHELL,
                SiteSwitch.confirmServiceIdentity() + "\n" + SiteSwitch.poolState(pool, "FailedOver"),
                SiteSwitch.getPoolState(pool),
                List.of(steps.note("P-1", "dr.failover.p1.identity", identity)),
                steps.text("dr.failover.f5.undo", SiteSwitch.poolState(pool, "Normal")));

        if (mgc.backupMirror() != null) {
            SqlInstance backupMirror = Places.instance(topology, mgc.backupMirror());
            steps.add(
                    "F-6",
                    "dr.failover.f6",
                    new Object[] {db, backupName, Places.connectName(backupMirror)},
                    Places.lyncShell(live),
                    Language.POWERSHELL,
                    SiteSwitch.installMirror(pool, mgc, backup),
                    SiteSwitch.mirrorState(pool, mgc),
                    List.of(
                            steps.note("M-2", "dr.failover.f6.warning.share"),
                            steps.note("P-4", "dr.failover.f6.warning.p4"),
                            steps.note("P-5", "dr.failover.f6.warning.p5")),
                    steps.text(
                            "dr.failover.f6.undo",
                            "Uninstall-CsMirrorDatabase -SqlServerFqdn " + Quote.powerShellString(backup.host())
                                    + (backup.instance() == null
                                            ? ""
                                            : " -SqlInstanceName " + Quote.powerShellString(backup.instance()))
                                    + " -DatabaseType PersistentChat"));
        } else {
            steps.add(
                    "F-6",
                    "dr.failover.f6.none",
                    new Object[] {db, backupName},
                    Places.lyncShell(live),
                    Language.NONE,
                    null,
                    null,
                    List.of(),
                    steps.text("dr.nothing-to-undo"));
        }

        List<Server> after = SiteSwitch.activeIn(pool, live);
        List<String> script = new ArrayList<>();
        List<String> undo = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Server server : pool.servers()) {
            if (server.active() && !after.contains(server)) {
                script.add(SiteSwitch.activeServer(pool, "Remove", server));
                undo.add(SiteSwitch.activeServer(pool, "Add", server));
                removed.add(server.fqdn());
            }
        }
        for (Server server : after) {
            if (!server.active()) {
                script.add(SiteSwitch.activeServer(pool, "Add", server));
                undo.add(0, SiteSwitch.activeServer(pool, "Remove", server));
                added.add(server.fqdn());
            }
        }
        List<String> verify = new ArrayList<>();
        verify.add(SiteSwitch.getActiveServers(pool));
        verify.add(SiteSwitch.getPoolState(pool));
        if (mgc.backupMirror() != null) {
            verify.add(SiteSwitch.mirrorState(pool, mgc));
        }
        verify.addAll(SiteSwitch.services(after));
        String none = steps.text("dr.none");
        steps.add(
                "F-7",
                "dr.failover.f7",
                new Object[] {
                    live,
                    removed.isEmpty() ? none : String.join(", ", removed),
                    added.isEmpty() ? none : String.join(", ", added),
                    after.stream()
                            .map(Server::fqdn)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse(none)
                },
                Places.lyncShell(live),
                script.isEmpty() ? Language.NONE : Language.POWERSHELL,
                script.isEmpty() ? null : SiteSwitch.lines(script),
                SiteSwitch.lines(verify),
                List.of(
                        steps.note("T-6", "dr.failover.f7.warning.t6", live),
                        steps.note("P-1", "dr.p1.active-servers")),
                undo.isEmpty() ? steps.text("dr.nothing-to-undo") : steps.text("dr.undo.run", SiteSwitch.lines(undo)));
        return steps.steps();
    }

    /** Whether the share is on a SQL Server host of the primary site, lost with it in an unplanned failover. */
    private static boolean shareInLostSite(Topology topology, Pool pool, String share, boolean planned) {
        if (planned || !share.startsWith("\\\\")) {
            return false;
        }
        String rest = share.substring(2);
        String host = rest.contains("\\") ? rest.substring(0, rest.indexOf('\\')) : rest;
        return topology.sqlInstances().stream()
                .anyMatch(instance -> pool.primarySite().equals(instance.site())
                        && instance.host().equalsIgnoreCase(host));
    }

    private static boolean planned(String variant) {
        return PLANNED.equals(variant);
    }
}
