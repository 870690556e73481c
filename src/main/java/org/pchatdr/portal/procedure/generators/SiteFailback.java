package org.pchatdr.portal.procedure.generators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.procedure.generators.ConfigureParts.Backup;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/**
 * Failback to data center 1 (section 6, B-1…B-7, corrected by section 10), in the order of
 * Microsoft's page (Lync lync-server-2013-failing-back-persistent-chat-server), which "recovers
 * configuration as it existed prior to the disaster" (C-7). Additions: the pool is quiesced and shown
 * empty before the full backup (C-2), that backup gets a file of its own (C-1), mirroring on the
 * rebuilt primary is removed (guarded) before restoring over it. The page is silent on mirroring the
 * primary again and on re-seeding the backup as a log-shipping secondary: the B-5 steps fill that
 * gap, the log shipping with configure-log-shipping's own T-SQL, and say so. The mirror is set up
 * before the backup is re-seeded, because Install-CsMirrorDatabase takes its own log backup, which
 * would break a log-shipping chain already in place.
 */
public class SiteFailback extends DatedGenerator {

    public static final String NAME = "site-failback";

    public SiteFailback() {
        super(Instant::now, NAME);
    }

    @Override
    public List<Note> warnings(Topology topology, Pool pool, String variant, ProcedureTexts texts) {
        Database mgc = Places.chatDatabase(pool);
        List<Note> notes = new ArrayList<>();
        notes.add(new Note("L-FB", texts.text("dr.failback.warning.assumptions")));
        notes.add(new Note("B-5", texts.text("dr.failback.warning.addition")));
        if (mgc.backup() != null) {
            notes.add(new Note(
                    "B-5",
                    texts.text(
                            "dr.failback.b5.warning.agent",
                            Places.connectName(Places.instance(topology, mgc.backup())),
                            pool.logShipping().share(),
                            pool.logShipping().copyDestination())));
        }
        if (mgc.mirror() != null) {
            notes.add(new Note(
                    "L-5",
                    texts.text(
                            "dr.failback.b5.warning.l5", Places.connectName(Places.instance(topology, mgc.mirror())))));
        }
        return notes;
    }

    @Override
    public List<Step> steps(Topology topology, Pool pool, String variant, ProcedureTexts texts, Instant generatedAt) {
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
        String failbackName = SiteSwitch.oneOffFile(mgc, "failback", generatedAt, "bak");
        String failbackFile = share + "\\" + failbackName;
        String failbackOnPrimary = SiteSwitch.onPrimary(pool, failbackName);
        Steps steps = new Steps(texts);
        Note addition = steps.note("B-5", "dr.failback.addition");

        List<String> reAdd = new ArrayList<>();
        SiteSwitch.activeIn(pool, away).forEach(server -> reAdd.add(SiteSwitch.activeServer(pool, "Add", server)));
        steps.add(
                "B-1",
                Steps.Keys.under("dr.failback.b1"),
                new Object[] {pool.fqdn()},
                Places.lyncShell(away),
                Language.POWERSHELL,
                SiteSwitch.clearActiveServers(pool),
                null,
                List.of(steps.note("P-1", "dr.p1.active-servers")),
                steps.text("dr.undo.run", ConfigureParts.lines(reAdd)));

        // C-2: servers removed from the list keep their client connections: the service stops everywhere.
        steps.add(
                "C-2",
                Steps.Keys.under("dr.failback.stop"),
                new Object[] {pool.fqdn()},
                Places.lyncShell(away),
                Language.POWERSHELL,
                ConfigureParts.lines(SiteSwitch.services("Stop", pool.servers())),
                ConfigureParts.lines(SiteSwitch.services(pool.servers())),
                List.of(),
                steps.text("dr.undo.run", ConfigureParts.lines(SiteSwitch.services("Start", pool.servers()))));

        List<Database> databases = new ArrayList<>();
        databases.add(mgc);
        comp.ifPresent(databases::add);
        for (Database database : databases) {
            if (database.backup() == null) {
                continue;
            }
            SqlInstance instance = Places.instance(topology, database.backup());
            boolean hasMirror = database.backupMirror() != null;
            steps.add(
                    "B-2",
                    Steps.Keys.under(hasMirror ? "dr.failback.b2" : "dr.failback.b2.none"),
                    new Object[] {database.name(), Places.connectName(instance)},
                    Places.sqlInstance(topology, database.backup()),
                    hasMirror ? Language.TSQL : Language.NONE,
                    hasMirror ? "USE [master];\n" + SiteSwitch.partnerOffIfMirrored(database) : null,
                    SiteSwitch.mirroringState(database),
                    List.of(),
                    hasMirror
                            ? steps.text("dr.failback.b2.undo", SiteSwitch.installMirror(pool, database, instance))
                            : steps.text("dr.nothing-to-undo"));
        }

        steps.add(
                "C-2",
                Steps.Keys.under("dr.failback.sessions"),
                new Object[] {db, backupName},
                Places.sqlInstance(topology, mgc.backup()),
                Language.TSQL,
                SiteSwitch.sessions(mgc),
                null,
                List.of(),
                steps.text("dr.nothing-to-undo"));

        steps.add(
                "B-3",
                Steps.Keys.under("dr.failback.b3"),
                new Object[] {db, backupName, failbackFile},
                Places.sqlInstance(topology, mgc.backup()),
                Language.TSQL,
                ConfigureParts.backup(Backup.DATABASE, db, failbackFile, "INIT, FORMAT, CHECKSUM"),
                ConfigureParts.verifyOnly(failbackFile),
                List.of(steps.note("T-15", "dr.failback.b3.unreachable", share)),
                steps.text("dr.failback.b3.undo", failbackFile));

        List<Note> restoreNotes = new ArrayList<>();
        restoreNotes.add(steps.note("P-7", "dr.failover.f4.warning.p7", db, primaryName));
        if (pool.logShipping().primaryLocalPath() != null) {
            restoreNotes.add(steps.note("P-8", "dr.failback.b4.warning.p8", failbackOnPrimary, primary.host()));
        }
        steps.add(
                "B-4",
                Steps.Keys.under("dr.failback.b4"),
                new Object[] {db, primaryName, failbackOnPrimary},
                Places.sqlInstance(topology, mgc.primary()),
                Language.TSQL,
                ConfigureParts.lines(List.of(
                        "USE [master];",
                        SiteSwitch.partnerOffIfMirrored(mgc),
                        ConfigureParts.restore(Backup.DATABASE, db, failbackOnPrimary, "REPLACE, RECOVERY, CHECKSUM"))),
                SiteSwitch.databaseState(mgc) + "\n" + SiteSwitch.mirroringState(mgc),
                restoreNotes,
                null);

        for (Database database : databases) {
            if (database.mirror() == null || database.primary() == null) {
                continue;
            }
            SiteSwitch.installMirrorStep(
                    topology,
                    pool,
                    database,
                    database.primary(),
                    database.mirror(),
                    home,
                    "B-5",
                    "dr.failback.b5.mirror",
                    addition,
                    steps);
        }

        reseedLogShipping(topology, pool, texts, generatedAt, steps, addition);

        SiteSwitch.poolStateStep(
                pool,
                "B-7",
                "dr.failback.b7",
                home,
                "Normal",
                "FailedOver",
                mgc.mirror() == null ? "" : "\n" + SiteSwitch.mirrorCheck(topology, pool, mgc, mgc.primary()),
                steps);

        nextHopBack(topology, pool, generatedAt, steps);
        activate(pool, steps);
        return steps.steps();
    }

    /**
     * B-5: log shipping from the primary to the backup again, re-seeding the backup. The T-SQL is
     * configure-log-shipping's own (one way to write it): its scripted steps, its SSMS guide left out
     * since a procedure is one route (C-9).
     */
    private static void reseedLogShipping(
            Topology topology, Pool pool, ProcedureTexts texts, Instant generatedAt, Steps steps, Note addition) {
        ConfigureLogShipping shipping = new ConfigureLogShipping();
        List<String> routes = shipping.variants();
        String route = routes.contains("tsql") ? "tsql" : routes.isEmpty() ? null : routes.getFirst();
        for (Step step : shipping.steps(topology, pool, route, texts, generatedAt)) {
            if (step.language() != Language.NONE) {
                steps.addWritten(step, addition);
            }
        }
    }

    /** T-7, C-5: the failover moved the next hop to the surviving site; it comes back first. */
    private static void nextHopBack(Topology topology, Pool pool, Instant at, Steps steps) {
        if (!SiteSwitch.nextHopInOtherZone(topology, pool, pool.secondarySite(), at)) {
            return;
        }
        Object[] args = {
            pool.primarySite(), pool.nextHopPool().fqdn(), pool.nextHopPool().timeZone(), pool.fqdn()
        };
        steps.add(
                "T-7",
                Steps.Keys.under("dr.failback.nexthop"),
                args,
                Places.operator(pool.primarySite()),
                Language.NONE,
                null,
                steps.text("dr.failback.nexthop.verify", args),
                List.of(),
                steps.text("dr.failback.nexthop.undo", args));
    }

    /**
     * B-6 after B-7: Microsoft's failback page sets the active servers (its step 6) and then, in a
     * closing sentence, the pool state Normal. Its order predates the re-seeding of B-5: the backup is
     * then a restoring log-shipping secondary, and a pool still FailedOver points its servers at the
     * backup databases (PS set-cspersistentchatstate). So the pool returns to Normal first, and only
     * then are the servers activated: exactly the set the topology records (C-7), their services
     * started again (C-2).
     */
    private static void activate(Pool pool, Steps steps) {
        List<Server> original = SiteSwitch.originalActive(pool);
        List<String> script = new ArrayList<>();
        List<String> undo = new ArrayList<>();
        for (Server server : original) {
            script.add(SiteSwitch.activeServer(pool, "Add", server));
            undo.add(0, SiteSwitch.activeServer(pool, "Remove", server));
        }
        script.addAll(SiteSwitch.services("Start", pool.servers()));
        String none = steps.text("dr.none");
        boolean highBandwidth = pool.siteLink() == Topology.SiteLink.HIGH_BANDWIDTH;
        steps.add(
                "B-6",
                Steps.Keys.under("dr.failback.b6"),
                new Object[] {
                    pool.primarySite(),
                    original.stream()
                            .map(Server::fqdn)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse(none)
                },
                Places.lyncShell(pool.primarySite()),
                Language.POWERSHELL,
                ConfigureParts.lines(script),
                ConfigureParts.lines(SiteSwitch.services(pool.servers())),
                List.of(
                        steps.note(
                                "T-6",
                                highBandwidth ? "dr.failback.b6.warning.t6.high" : "dr.failback.b6.warning.t6",
                                pool.primarySite()),
                        steps.note("P-1", "dr.p1.active-servers")),
                undo.isEmpty()
                        ? steps.text("dr.nothing-to-undo")
                        : steps.text("dr.undo.run", ConfigureParts.lines(undo)));
    }
}
