package org.pchatdr.portal.procedure.generators;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Failback to data center 1 (section 6, B-1…B-7), in Microsoft's order. Microsoft's page is silent on
 * re-seeding the backup as a log-shipping secondary and on mirroring the primary again: the B-5 steps
 * fill that gap and say so. The mirror is set up before the backup is re-seeded, because
 * Install-CsMirrorDatabase takes its own log backup, which would break a log-shipping chain already
 * in place.
 */
public class SiteFailback implements ProcedureGenerator {

    public static final String NAME = "site-failback";

    public SiteFailback() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Note> warnings(Topology topology, Pool pool, String variant, ProcedureTexts texts) {
        return List.of(
                new Note("L-FB", texts.text("dr.failback.warning.assumptions")),
                new Note("B-5", texts.text("dr.failback.warning.addition")));
    }

    @Override
    public List<Step> steps(Topology topology, Pool pool, String variant, ProcedureTexts texts) {
        Database mgc = Places.chatDatabase(pool);
        Optional<Database> comp = pool.database(DatabaseKind.COMPLIANCE);
        SqlInstance primary = Places.instance(topology, mgc.primary());
        SqlInstance backup = Places.instance(topology, mgc.backup());
        String primaryName = Places.connectName(primary);
        String backupName = Places.connectName(backup);
        String home = pool.primarySite();
        String away = pool.secondarySite();
        String db = mgc.name();
        String share = pool.logShipping().share();
        String failbackFile = share + "\\" + db + "_failback.bak";
        String reseedFile = share + "\\" + db + "_reseed.bak";
        // P-8: when the share folder sits on the primary, its SQL Server reaches it by the local path.
        String localPath = pool.logShipping().primaryLocalPath();
        String failbackOnPrimary = localPath == null ? failbackFile : localPath + "\\" + db + "_failback.bak";
        String reseedOnPrimary = localPath == null ? reseedFile : localPath + "\\" + db + "_reseed.bak";
        SiteSwitch.Steps steps = new SiteSwitch.Steps(texts);
        Note addition = steps.note("B-5", "dr.failback.addition");

        List<Server> awayActive = SiteSwitch.activeIn(pool, away);
        List<String> reAdd = new ArrayList<>();
        awayActive.forEach(server -> reAdd.add(SiteSwitch.activeServer(pool, "Add", server)));
        steps.add(
                "B-1",
                "dr.failback.b1",
                new Object[] {pool.fqdn()},
                Places.lyncShell(away),
                Language.POWERSHELL,
                "Set-CsPersistentChatActiveServer " + SiteSwitch.activeServersIdentity(pool) + "-ActiveServers $null",
                SiteSwitch.getActiveServers(pool),
                List.of(steps.note("P-1", "dr.p1.active-servers")),
                steps.text("dr.undo.run", SiteSwitch.lines(reAdd)));

        List<Database> mirrored = new ArrayList<>();
        mirrored.add(mgc);
        comp.ifPresent(mirrored::add);
        for (Database database : mirrored) {
            if (database.backup() == null) {
                continue;
            }
            SqlInstance instance = Places.instance(topology, database.backup());
            boolean hasMirror = database.backupMirror() != null;
            steps.add(
                    "B-2",
                    hasMirror ? "dr.failback.b2" : "dr.failback.b2.none",
                    new Object[] {database.name(), Places.connectName(instance)},
                    Places.sqlInstance(topology, database.backup()),
                    hasMirror ? Language.TSQL : Language.NONE,
                    hasMirror
                            ? "USE [master];\nALTER DATABASE " + Quote.sqlIdentifier(database.name())
                                    + " SET PARTNER OFF;"
                            : null,
                    SiteSwitch.mirroringState(database),
                    List.of(),
                    hasMirror
                            ? steps.text("dr.failback.b2.undo", SiteSwitch.installMirror(pool, database, instance))
                            : steps.text("dr.nothing-to-undo"));
        }

        steps.add(
                "B-3",
                "dr.failback.b3",
                new Object[] {db, backupName, failbackFile},
                Places.sqlInstance(topology, mgc.backup()),
                Language.TSQL,
                "BACKUP DATABASE " + Quote.sqlIdentifier(db) + " TO DISK = " + Quote.sqlString(failbackFile)
                        + " WITH INIT;",
                "RESTORE VERIFYONLY FROM DISK = " + Quote.sqlString(failbackFile) + ";",
                List.of(),
                steps.text("dr.failback.b3.undo", failbackFile));

        steps.add(
                "B-4",
                "dr.failback.b4",
                new Object[] {db, primaryName, failbackOnPrimary},
                Places.sqlInstance(topology, mgc.primary()),
                Language.TSQL,
                "USE [master];\nRESTORE DATABASE " + Quote.sqlIdentifier(db) + " FROM DISK = "
                        + Quote.sqlString(failbackOnPrimary) + " WITH REPLACE, RECOVERY;",
                SiteSwitch.databaseState(mgc),
                List.of(steps.note("P-7", "dr.failover.f4.warning.p7", db, primaryName)),
                null);

        for (Database database : mirrored) {
            if (database.mirror() == null || database.primary() == null) {
                continue;
            }
            SqlInstance databasePrimary = Places.instance(topology, database.primary());
            steps.add(
                    "B-5",
                    "dr.failback.b5.mirror",
                    new Object[] {
                        database.name(),
                        Places.connectName(databasePrimary),
                        Places.connectName(Places.instance(topology, database.mirror()))
                    },
                    Places.lyncShell(home),
                    Language.POWERSHELL,
                    SiteSwitch.installMirror(pool, database, databasePrimary),
                    SiteSwitch.mirrorState(pool, database),
                    List.of(
                            addition,
                            steps.note("P-4", "dr.failover.f6.warning.p4"),
                            steps.note("P-5", "dr.failover.f6.warning.p5")),
                    steps.text(
                            "dr.failover.f6.undo",
                            "Uninstall-CsMirrorDatabase -SqlServerFqdn "
                                    + Quote.powerShellString(databasePrimary.host())
                                    + (databasePrimary.instance() == null
                                            ? ""
                                            : " -SqlInstanceName " + Quote.powerShellString(databasePrimary.instance()))
                                    + " -DatabaseType "
                                    + (database.kind() == DatabaseKind.COMPLIANCE
                                            ? "PersistentChatCompliance"
                                            : "PersistentChat")));
        }

        steps.add(
                "B-5",
                "dr.failback.b5.backup",
                new Object[] {db, primaryName, reseedOnPrimary},
                Places.sqlInstance(topology, mgc.primary()),
                Language.TSQL,
                "BACKUP DATABASE " + Quote.sqlIdentifier(db) + " TO DISK = " + Quote.sqlString(reseedOnPrimary)
                        + " WITH INIT;",
                "RESTORE VERIFYONLY FROM DISK = " + Quote.sqlString(reseedOnPrimary) + ";",
                List.of(addition),
                steps.text("dr.failback.b3.undo", reseedFile));

        steps.add(
                "B-5",
                "dr.failback.b5.restore",
                new Object[] {db, backupName, reseedFile},
                Places.sqlInstance(topology, mgc.backup()),
                Language.TSQL,
                "USE [master];\nRESTORE DATABASE " + Quote.sqlIdentifier(db) + " FROM DISK = "
                        + Quote.sqlString(reseedFile) + " WITH REPLACE, NORECOVERY;",
                SiteSwitch.databaseState(mgc),
                List.of(addition),
                null);

        String monitor = pool.logShipping().monitor() == null
                ? steps.text("dr.none")
                : Places.connectName(
                        Places.instance(topology, pool.logShipping().monitor()));
        List<Note> shippingNotes = new ArrayList<>();
        shippingNotes.add(addition);
        shippingNotes.add(steps.note("P-6", "dr.failback.b5.warning.p6", monitor));
        shippingNotes.add(steps.note(
                "B-5",
                "dr.failback.b5.warning.agent",
                backupName,
                share,
                pool.logShipping().copyDestination()));
        if (mgc.mirror() != null) {
            shippingNotes.add(steps.note(
                    "L-5", "dr.failback.b5.warning.l5", Places.connectName(Places.instance(topology, mgc.mirror()))));
        }
        steps.add(
                "B-5",
                "dr.failback.b5.shipping",
                new Object[] {
                    db, primaryName, backupName, share, pool.logShipping().copyDestination()
                },
                Places.sqlInstance(topology, mgc.primary()),
                Language.NONE,
                null,
                "EXEC master.dbo.sp_help_log_shipping_monitor;\n"
                        + "SELECT secondary_database, last_copied_file, last_restored_file, last_restored_date"
                        + " FROM msdb.dbo.log_shipping_monitor_secondary WHERE secondary_database = "
                        + Quote.sqlString(db) + ";",
                shippingNotes,
                steps.text("dr.failback.b5.shipping.undo"));

        List<Server> homeActive = SiteSwitch.activeIn(pool, home);
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (Server server : homeActive) {
            add.add(SiteSwitch.activeServer(pool, "Add", server));
            remove.add(SiteSwitch.activeServer(pool, "Remove", server));
        }
        List<String> verify = new ArrayList<>();
        verify.add(SiteSwitch.getActiveServers(pool));
        verify.addAll(SiteSwitch.services(homeActive));
        String none = steps.text("dr.none");
        steps.add(
                "B-6",
                "dr.failback.b6",
                new Object[] {
                    home,
                    homeActive.stream()
                            .map(Server::fqdn)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse(none)
                },
                Places.lyncShell(home),
                add.isEmpty() ? Language.NONE : Language.POWERSHELL,
                add.isEmpty() ? null : SiteSwitch.lines(add),
                SiteSwitch.lines(verify),
                List.of(
                        steps.note("T-6", "dr.failback.b6.warning.t6", home),
                        steps.note("P-1", "dr.p1.active-servers")),
                remove.isEmpty()
                        ? steps.text("dr.nothing-to-undo")
                        : steps.text("dr.undo.run", SiteSwitch.lines(remove)));

        String identity = SiteSwitch.serviceIdentity(pool);
        steps.add(
                "B-7",
                "dr.failback.b7",
                new Object[] {pool.fqdn(), identity},
                Places.lyncShell(home),
                Language.POWERSHELL,
                SiteSwitch.confirmServiceIdentity() + "\n" + SiteSwitch.poolState(pool, "Normal"),
                SiteSwitch.lines(List.of(SiteSwitch.getPoolState(pool), SiteSwitch.mirrorState(pool, mgc))),
                List.of(steps.note("P-1", "dr.failover.p1.identity", identity)),
                steps.text("dr.failover.f5.undo", SiteSwitch.poolState(pool, "FailedOver")));
        return steps.steps();
    }
}
