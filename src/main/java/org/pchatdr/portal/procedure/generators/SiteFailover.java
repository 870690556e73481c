package org.pchatdr.portal.procedure.generators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.procedure.Quote;
import org.pchatdr.portal.procedure.generators.ConfigureParts.Backup;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/**
 * Failover of the whole pool to data center 2 (section 5, F-0…F-7, corrected by section 10), in
 * Microsoft's order. First a checkpoint (C-4): the Central Management store and the Front End pool
 * are failed over, else Set-CsPersistentChatState and Install-CsMirrorDatabase fail. The {@code
 * planned} variant, for an old primary that is still reachable, then quiesces the pool (C-2) and takes
 * a tail-log backup there into a file of its own (C-1), as SQL Server's own log-shipping failover
 * does, so that F-2 and F-3 ship it and nothing is lost. The compliance store's empty backup is
 * brought online (C-6), and the next hop moves to the surviving site when its time zone differs
 * (T-7, C-5), before any server is activated.
 */
public class SiteFailover extends DatedGenerator {

    public static final String NAME = "site-failover";
    public static final String UNPLANNED = "unplanned";
    public static final String PLANNED = "planned";

    public SiteFailover() {
        super(Instant::now, NAME, UNPLANNED, PLANNED);
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
    public List<Step> steps(Topology topology, Pool pool, String variant, ProcedureTexts texts, Instant generatedAt) {
        boolean planned = planned(variant);
        Database mgc = Places.chatDatabase(pool);
        Optional<Database> comp = pool.database(DatabaseKind.COMPLIANCE);
        SqlInstance backup = Places.instance(topology, mgc.backup());
        String lost = pool.primarySite();
        String live = pool.secondarySite();
        String backupName = Places.connectName(backup);
        String db = mgc.name();
        String share = pool.logShipping().share();
        String copyFolder = pool.logShipping().copyDestination();
        String tailName = SiteSwitch.oneOffFile(mgc, "tail", generatedAt, "trn");
        Steps steps = new Steps(texts);

        prerequisite(pool, planned, lost, live, steps);
        comp.ifPresent(database -> steps.add(
                "F-0",
                Steps.Keys.under("dr.failover.f0"),
                new Object[] {database.name()},
                Places.operator(live),
                Language.NONE,
                null,
                steps.text("dr.failover.f0.verify", database.name()),
                List.of(steps.note("F-0", "dr.failover.f0.warning", database.name())),
                steps.text("dr.nothing-to-undo")));
        if (planned) {
            quiesce(pool, lost, steps);
            tailLog(topology, pool, mgc, tailName, steps);
            stopBackupJobs(topology, mgc, steps);
        }

        steps.add(
                "F-1",
                Steps.Keys.under("dr.failover.f1"),
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

        // F-2 runs on the backup's host: the copy folder is a local path there. Its check lists the
        // folder: the monitor row F-1 read is gone with the secondary configuration.
        List<Note> copyNotes = new ArrayList<>();
        copyNotes.add(
                steps.note("T-15", planned ? "dr.failover.f2.planned.unreachable" : "dr.failover.f2.unreachable"));
        if (shareInLostSite(topology, pool, share, planned)) {
            copyNotes.add(steps.note("T-15", "dr.failover.f2.warning.share", share, lost));
        }
        steps.add(
                "F-2",
                Steps.Keys.under(planned ? "dr.failover.f2.planned" : "dr.failover.f2"),
                new Object[] {share, copyFolder, db + "_*.trn", backup.host(), tailName},
                Places.folder(copyFolder + " (" + backup.host() + ")", live),
                Language.POWERSHELL,
                "robocopy " + Quote.powerShellString(share) + " " + Quote.powerShellString(copyFolder) + " "
                        + Quote.powerShellString(db + "_*.trn") + " /XO /R:3 /W:10",
                "Get-ChildItem -LiteralPath " + Quote.powerShellString(copyFolder) + " -Filter "
                        + Quote.powerShellString(db + "_*.trn") + " | Sort-Object Name | Select-Object Name, Length",
                copyNotes,
                steps.text("dr.failover.f2.undo"));

        List<String> restore = new ArrayList<>();
        restore.add("SELECT TOP (1) bmf.physical_device_name, rh.restore_date");
        restore.add("FROM msdb.dbo.restorehistory AS rh");
        restore.add("JOIN msdb.dbo.backupset AS bs ON bs.backup_set_id = rh.backup_set_id");
        restore.add("JOIN msdb.dbo.backupmediafamily AS bmf ON bmf.media_set_id = bs.media_set_id");
        restore.add("WHERE rh.destination_database_name = " + Quote.sqlString(db));
        restore.add("ORDER BY rh.restore_history_id DESC;");
        restore.add("EXEC master.sys.xp_dirtree " + Quote.sqlString(copyFolder) + ", 1, 1;");
        restore.add(ConfigureParts.restore(Backup.LOG, db, copyFolder + "\\<file>", "NORECOVERY"));
        List<Note> restoreNotes = new ArrayList<>();
        restoreNotes.add(steps.note("P-3", "dr.failover.f3.warning.p3"));
        if (planned) {
            // C-1: exactly the tail this procedure wrote, its only backup set, checked.
            restore.add(ConfigureParts.restore(
                    Backup.LOG, db, copyFolder + "\\" + tailName, "NORECOVERY, FILE = 1, CHECKSUM"));
            restoreNotes.add(steps.note("C-1", "dr.failover.f3.warning.tail", tailName));
        }
        steps.add(
                "F-3",
                Steps.Keys.under(planned ? "dr.failover.f3.planned" : "dr.failover.f3"),
                new Object[] {db, backupName, copyFolder, tailName},
                Places.sqlInstance(topology, mgc.backup()),
                Language.TSQL,
                ConfigureParts.lines(restore),
                SiteSwitch.databaseState(mgc),
                restoreNotes,
                null);

        steps.add(
                "F-4",
                Steps.Keys.under("dr.failover.f4"),
                new Object[] {db, backupName},
                Places.sqlInstance(topology, mgc.backup()),
                Language.TSQL,
                "USE [master];\nEXEC sp_who2;\nKILL <spid>;\n" + ConfigureParts.recover(db),
                SiteSwitch.databaseState(mgc),
                List.of(
                        steps.note("P-3", "dr.failover.f4.warning.p3", db),
                        steps.note("P-7", "dr.failover.f4.warning.p7", db, backupName)),
                null);

        comp.filter(database -> database.backup() != null)
                .ifPresent(database -> complianceOnline(topology, database, steps));

        SiteSwitch.poolStateStep(pool, "F-5", "dr.failover.f5", live, "FailedOver", "Normal", "", steps);

        mirrorNewPrincipal(topology, pool, mgc, "dr.failover.f6", steps);
        comp.filter(database -> database.backup() != null && database.backupMirror() != null)
                .ifPresent(database -> mirrorNewPrincipal(topology, pool, database, "dr.failover.f6.comp", steps));

        nextHop(topology, pool, live, generatedAt, steps);
        activate(topology, pool, mgc, planned, live, steps);
        return steps.steps();
    }

    /**
     * C-4: Microsoft's failover assumes the Front End pool failed over and the Central Management
     * store available in the surviving site (Lync lync-server-2013-failing-over-a-pool). Planned: the
     * pool and the store are still up, so both fail over without their disaster switches (PS
     * invoke-cspoolfailover: without -DisasterMode "the pool is still up and running and failover
     * occurred by administrator choice"; PS invoke-csmanagementserverfailover: without parameters when
     * the store is available, -Force only for disaster recovery as it does not wait for replication).
     */
    private static void prerequisite(Pool pool, boolean planned, String lost, String live, Steps steps) {
        String frontEnd = pool.nextHopPool() == null || pool.nextHopPool().fqdn() == null
                ? "<Front End pool of site " + lost + ">"
                : pool.nextHopPool().fqdn();
        String poolFailover = "Invoke-CsPoolFailover -PoolFqdn " + Quote.powerShellString(frontEnd)
                + (planned ? "" : " -DisasterMode");
        String cmsFailover = planned
                ? "Invoke-CsManagementServerFailover"
                : "Invoke-CsManagementServerFailover -BackupSqlServerFqdn '<cms-backup-sql-fqdn>'"
                        + " -BackupSqlInstanceName '<cms-backup-instance>' -Force";
        String check = "Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus";
        steps.add(
                "C-4",
                Steps.Keys.under(planned ? "dr.failover.prereq.planned" : "dr.failover.prereq"),
                new Object[] {lost, live, frontEnd},
                Places.lyncShell(live),
                Language.POWERSHELL,
                check + "\n" + poolFailover,
                check,
                List.of(steps.note("C-4", "dr.failover.prereq.warning.cms", lost, cmsFailover)),
                steps.text(
                        planned ? "dr.failover.prereq.planned.undo" : "dr.failover.prereq.undo", lost, live, frontEnd));
    }

    /**
     * C-2: removing a server from the active list lets its client connections continue (PS
     * set-cspersistentchatactiveserver), so the service itself stops on every server of the pool;
     * those of the surviving site start again at F-7.
     */
    private static void quiesce(Pool pool, String lost, Steps steps) {
        List<String> script = new ArrayList<>();
        script.add(SiteSwitch.clearActiveServers(pool));
        script.addAll(SiteSwitch.services("Stop", pool.servers()));
        List<String> undo = new ArrayList<>(SiteSwitch.services("Start", pool.servers()));
        pool.servers().stream()
                .filter(Server::active)
                .forEach(server -> undo.add(SiteSwitch.activeServer(pool, "Add", server)));
        steps.add(
                "C-2",
                Steps.Keys.under("dr.failover.quiesce"),
                new Object[] {pool.fqdn()},
                Places.lyncShell(lost),
                Language.POWERSHELL,
                ConfigureParts.lines(script),
                ConfigureParts.lines(SiteSwitch.services(pool.servers())),
                List.of(steps.note("P-1", "dr.p1.active-servers")),
                steps.text("dr.undo.run", ConfigureParts.lines(undo)));
    }

    /**
     * The tail-log backup on the old principal (SQL fail-over-to-a-log-shipping-secondary): guarded so
     * that it runs only on the online principal (C-2), mirroring removed first because BACKUP LOG WITH
     * NORECOVERY is refused on a mirrored principal (C-9), single-user so that no session writes after
     * it, and written into a file of its own WITH INIT, FORMAT, CHECKSUM (C-1): BACKUP appends by
     * default, and RESTORE without FILE = would read an older tail.
     */
    private static void tailLog(Topology topology, Pool pool, Database mgc, String tailName, Steps steps) {
        String db = mgc.name();
        String share = pool.logShipping().share();
        String tailFile = share + "\\" + tailName;
        SqlInstance primary = Places.instance(topology, mgc.primary());
        String tailDisk = SiteSwitch.onPrimary(pool, tailName);
        List<String> script = new ArrayList<>();
        script.add("USE [master];");
        script.add("IF NOT EXISTS (SELECT 1 FROM sys.databases AS d");
        script.add("    LEFT JOIN sys.database_mirroring AS m ON m.database_id = d.database_id");
        script.add("    WHERE d.name = " + Quote.sqlString(db) + " AND d.state_desc = N'ONLINE'"
                + " AND ISNULL(m.mirroring_role_desc, N'PRINCIPAL') = N'PRINCIPAL')");
        script.add("BEGIN");
        script.add("    RAISERROR(N'%s is not the online principal on this instance: connect to the principal (C-2).',"
                + " 16, 1, " + Quote.sqlString(db) + ");");
        script.add("    RETURN;");
        script.add("END;");
        if (mgc.mirror() != null) {
            script.add(SiteSwitch.partnerOffIfMirrored(mgc));
        }
        script.add("ALTER DATABASE " + Quote.sqlIdentifier(db) + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE;");
        script.add(SiteSwitch.sessions(mgc));
        script.add(ConfigureParts.backup(Backup.LOG, db, tailDisk, "INIT, FORMAT, CHECKSUM, NORECOVERY"));
        List<Note> notes = new ArrayList<>();
        notes.add(steps.note("P-3", "dr.failover.tail.warning.p3"));
        if (mgc.mirror() != null) {
            notes.add(steps.note(
                    "M-6",
                    "dr.failover.tail.warning.mirror",
                    Places.connectName(Places.instance(topology, mgc.mirror()))));
        }
        if (pool.logShipping().primaryLocalPath() != null) {
            notes.add(steps.note("P-8", "dr.failover.tail.warning.p8", tailDisk, tailFile, primary.host()));
        }
        steps.add(
                "L-FO",
                Steps.Keys.under("dr.failover.tail"),
                new Object[] {db, Places.connectName(primary), tailFile},
                Places.sqlInstance(topology, mgc.primary()),
                Language.TSQL,
                ConfigureParts.lines(script),
                ConfigureParts.lines(List.of(
                        SiteSwitch.databaseState(mgc),
                        "RESTORE HEADERONLY FROM DISK = " + Quote.sqlString(tailDisk) + ";",
                        ConfigureParts.verifyOnly(tailDisk))),
                notes,
                steps.text("dr.failover.tail.undo", db));
    }

    /**
     * C-2: the old primary's log-shipping backup job (and the mirror's, when the mirror was made a
     * second primary, L-5) is disabled after the tail-log backup (SQL
     * change-roles-between-primary-and-secondary-log-shipping-servers-sql-server).
     */
    private static void stopBackupJobs(Topology topology, Database mgc, Steps steps) {
        String job = Quote.sqlString(ConfigureLogShipping.backupJobName(mgc));
        List<String> instances = new ArrayList<>();
        instances.add(mgc.primary());
        if (mgc.mirror() != null) {
            instances.add(mgc.mirror());
        }
        for (String id : instances) {
            steps.add(
                    "C-2",
                    Steps.Keys.under("dr.failover.jobs"),
                    new Object[] {
                        ConfigureLogShipping.backupJobName(mgc), Places.connectName(Places.instance(topology, id))
                    },
                    Places.sqlInstance(topology, id),
                    Language.TSQL,
                    ConfigureParts.jobEnabledIfExists(job, false),
                    ConfigureParts.jobEnabledQuery(job),
                    List.of(),
                    steps.text("dr.undo.run", ConfigureParts.jobEnabled(job, true)));
        }
    }

    /**
     * C-6: a pool in FailedOver state uses the backup databases defined in the topology (PS
     * set-cspersistentchatstate), mgccomp's included: its empty backup must be online. Its content is
     * not failed over (F-0).
     */
    private static void complianceOnline(Topology topology, Database comp, Steps steps) {
        String name = Quote.sqlString(comp.name());
        steps.add(
                "C-6",
                Steps.Keys.under("dr.failover.comp"),
                new Object[] {comp.name(), Places.connectName(Places.instance(topology, comp.backup()))},
                Places.sqlInstance(topology, comp.backup()),
                Language.TSQL,
                ConfigureParts.lines(List.of(
                        "USE [master];",
                        SiteSwitch.databaseState(comp),
                        "IF DATABASEPROPERTYEX(" + name + ", 'Status') = N'RESTORING'",
                        "    " + ConfigureParts.recover(comp.name()))),
                SiteSwitch.databaseState(comp),
                List.of(steps.note("F-0", "dr.failover.f0.warning", comp.name())),
                steps.text("dr.nothing-to-undo"));
    }

    /** F-6: the backup, now principal, is mirrored to the backup's mirror (never the original mirror). */
    private static void mirrorNewPrincipal(Topology topology, Pool pool, Database database, String key, Steps steps) {
        SqlInstance backup = Places.instance(topology, database.backup());
        if (database.backupMirror() == null) {
            steps.add(
                    "F-6",
                    Steps.Keys.under("dr.failover.f6.none"),
                    new Object[] {database.name(), Places.connectName(backup)},
                    Places.lyncShell(pool.secondarySite()),
                    Language.NONE,
                    null,
                    null,
                    List.of(),
                    steps.text("dr.nothing-to-undo"));
            return;
        }
        SiteSwitch.installMirrorStep(
                topology,
                pool,
                database,
                database.backup(),
                database.backupMirror(),
                pool.secondarySite(),
                "F-6",
                key,
                steps.note("M-2", "dr.failover.f6.warning.share"),
                steps);
    }

    /**
     * T-7, C-5: active servers must be in the next hop's time zone (Lync
     * lync-server-2013-required-resources-for-persistent-chat-server). When the surviving site's offsets
     * differ from the next hop's, the next hop moves to a Front End pool there, in Topology Builder,
     * before any server is activated. No Microsoft page spells this step out: the reference infers it.
     */
    private static void nextHop(Topology topology, Pool pool, String live, Instant at, Steps steps) {
        if (!SiteSwitch.nextHopInOtherZone(topology, pool, live, at)) {
            return;
        }
        String liveZone = topology.site(live).map(Topology.Site::timeZone).orElse("");
        Object[] args = {
            live, liveZone, pool.nextHopPool().fqdn(), pool.nextHopPool().timeZone(), pool.fqdn()
        };
        steps.add(
                "T-7",
                Steps.Keys.under("dr.failover.nexthop"),
                args,
                Places.operator(live),
                Language.NONE,
                null,
                steps.text("dr.failover.nexthop.verify", args),
                List.of(steps.note("T-7", "dr.failover.nexthop.warning", args)),
                steps.text("dr.failover.nexthop.undo", args));
    }

    /**
     * F-7: only servers of the surviving site end active (T-6), four at most (T-1): in an unplanned
     * failover the lost site's servers are removed before any is added; a planned one emptied the list
     * at C-2 and starts the surviving site's services again.
     */
    private static void activate(
            Topology topology, Pool pool, Database mgc, boolean planned, String live, Steps steps) {
        List<Server> after = SiteSwitch.activeIn(pool, live);
        List<String> script = new ArrayList<>();
        List<String> undo = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        if (!planned) {
            for (Server server : pool.servers()) {
                if (server.active() && !after.contains(server)) {
                    script.add(SiteSwitch.activeServer(pool, "Remove", server));
                    undo.add(SiteSwitch.activeServer(pool, "Add", server));
                    removed.add(server.fqdn());
                }
            }
        }
        for (Server server : after) {
            if (planned || !server.active()) {
                script.add(SiteSwitch.activeServer(pool, "Add", server));
                undo.add(0, SiteSwitch.activeServer(pool, "Remove", server));
                added.add(server.fqdn());
            }
        }
        List<Server> liveServers = pool.servers().stream()
                .filter(server -> live.equals(server.site()))
                .toList();
        if (planned) {
            script.addAll(SiteSwitch.services("Start", liveServers));
        }
        List<String> verify = new ArrayList<>();
        verify.add(SiteSwitch.getPoolState(pool));
        if (mgc.backupMirror() != null) {
            verify.add(SiteSwitch.mirrorCheck(topology, pool, mgc, mgc.backup()));
        }
        verify.addAll(SiteSwitch.services(planned ? liveServers : after));
        String none = steps.text("dr.none");
        steps.add(
                "F-7",
                Steps.Keys.under("dr.failover.f7"),
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
                script.isEmpty() ? null : ConfigureParts.lines(script),
                ConfigureParts.lines(verify),
                List.of(
                        steps.note("T-6", "dr.failover.f7.warning.t6", live),
                        steps.note("P-1", "dr.p1.active-servers")),
                undo.isEmpty()
                        ? steps.text("dr.nothing-to-undo")
                        : steps.text("dr.undo.run", ConfigureParts.lines(undo)));
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
