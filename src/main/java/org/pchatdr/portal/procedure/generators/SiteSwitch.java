package org.pchatdr.portal.procedure.generators;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Target;
import org.pchatdr.portal.procedure.Quote;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/**
 * What site failover and failback share: the active-server choice (T-6, C-7), the Lync cmdlets (only
 * those of {@link org.pchatdr.portal.procedure.Cmdlets}), the quiescing (C-2), one-off backup file
 * names (C-1) and the next-hop time-zone comparison (T-7, C-5).
 */
final class SiteSwitch {

    /** T-1: never more than four active servers. */
    static final int MAX_ACTIVE = 4;

    private SiteSwitch() {}

    /**
     * T-6 at failover: the servers of the site whose database is live become the active ones, at most
     * four; those already active come first, then the others in the topology's order. With a
     * low-bandwidth link every active server must sit there; with a high-bandwidth link the documented
     * 2 + 2 layout cannot be kept when one site is lost, so the live site takes all four places.
     */
    static List<Server> activeIn(Pool pool, String liveSite) {
        return pool.servers().stream()
                .filter(server -> liveSite.equals(server.site()))
                .sorted(Comparator.comparing((Server server) -> !server.active()))
                .limit(MAX_ACTIVE)
                .toList();
    }

    /**
     * C-7 at failback: the active set the topology records, the layout as it was before the disaster
     * (high bandwidth: 2 + 2 across both sites is allowed, T-6). With a low-bandwidth link only its
     * servers in the primary site; when it has none there, the primary site's servers (T-6).
     */
    static List<Server> originalActive(Pool pool) {
        List<Server> original = pool.servers().stream()
                .filter(Server::active)
                .filter(server -> pool.siteLink() != Topology.SiteLink.LOW_BANDWIDTH
                        || pool.primarySite().equals(server.site()))
                .limit(MAX_ACTIVE)
                .toList();
        return original.isEmpty() ? activeIn(pool, pool.primarySite()) : original;
    }

    static String serviceIdentity(Pool pool) {
        return pool.serviceIdentity() == null ? Pool.defaultServiceIdentity(pool.fqdn()) : pool.serviceIdentity();
    }

    /** {@code -Identity '…' } only when the pool records one (P-1). */
    static String activeServersIdentity(Pool pool) {
        return pool.activeServersIdentity() == null
                ? ""
                : "-Identity " + Quote.powerShellString(pool.activeServersIdentity()) + " ";
    }

    static String activeServer(Pool pool, String operation, Server server) {
        return "Set-CsPersistentChatActiveServer " + activeServersIdentity(pool) + "-ActiveServers @{" + operation + "="
                + Quote.powerShellString(server.fqdn()) + "}";
    }

    /** Empties the active-server list (Lync failback page, step 1). */
    static String clearActiveServers(Pool pool) {
        return "Set-CsPersistentChatActiveServer " + activeServersIdentity(pool) + "-ActiveServers $null";
    }

    static String poolState(Pool pool, String state) {
        return "Set-CsPersistentChatState -Identity " + Quote.powerShellString(serviceIdentity(pool)) + " -PoolState "
                + state;
    }

    static String getPoolState(Pool pool) {
        return "Get-CsPersistentChatState -Identity " + Quote.powerShellString(serviceIdentity(pool));
    }

    static String confirmServiceIdentity() {
        return "Get-CsService -PersistentChatServer | Select-Object Identity, PoolFqdn";
    }

    /** {@code PersistentChat} for {@code mgc}, {@code PersistentChatCompliance} for {@code mgccomp}. */
    static String databaseType(Database database) {
        return ConfigureParts.databaseType(database.kind());
    }

    /**
     * M-2 at a site switch, for {@code mgc} ({@code PersistentChat}) or {@code mgccomp}
     * ({@code PersistentChatCompliance}): the mirror's old copy is dropped.
     */
    static String installMirror(Pool pool, Database database, SqlInstance primary) {
        String share = pool.mirroring() != null && pool.mirroring().fileShare() != null
                ? pool.mirroring().fileShare()
                : pool.logShipping().share();
        return installMirror(database, share, primary, true);
    }

    /** M-2: {@code database} of the instance {@code primary} mirrored through {@code share}. */
    static String installMirror(Database database, String share, SqlInstance primary, boolean dropExisting) {
        return "Install-CsMirrorDatabase -DatabaseType " + databaseType(database) + " -FileShare "
                + Quote.powerShellString(share) + " -SqlServerFqdn " + Quote.powerShellString(primary.host())
                + instanceArgument(primary) + (dropExisting ? " -DropExistingDatabasesOnMirror" : "") + " -Verbose";
    }

    /** M-6: removes all mirroring of the database whose principal is {@code primary}. */
    static String uninstallMirror(Database database, SqlInstance primary) {
        return "Uninstall-CsMirrorDatabase -SqlServerFqdn " + Quote.powerShellString(primary.host())
                + instanceArgument(primary) + " -DatabaseType " + databaseType(database);
    }

    private static String instanceArgument(SqlInstance instance) {
        return instance.instance() == null ? "" : " -SqlInstanceName " + Quote.powerShellString(instance.instance());
    }

    /**
     * The mirroring state of {@code database} whose principal is {@code principal}. C-3: {@code
     * Get-CsDatabaseMirrorState -DatabaseType PersistentChat} exists in Skype for Business Server 2015
     * only, and the topology does not record the product, so both checks are given, each labelled;
     * on Lync Server 2013 {@code sys.database_mirroring} is the check.
     */
    static String mirrorCheck(Topology topology, Pool pool, Database database, String principal) {
        return ConfigureParts.lines(List.of(
                "# Skype for Business Server 2015:",
                mirrorState(pool, database),
                // The instance is named by the step's target, not here: this label line is not quoted.
                "-- Lync Server 2013 (on the principal instance):",
                mirroringState(database)));
    }

    /** Lync's view of the mirroring of {@code database}: Skype for Business Server 2015 only (C-3). */
    static String mirrorState(Pool pool, Database database) {
        return "Get-CsDatabaseMirrorState -PoolFqdn " + Quote.powerShellString(pool.fqdn()) + " -DatabaseType "
                + databaseType(database);
    }

    /** The Persistent Chat service (RTCCHAT) on each of {@code servers}, with {@code verb} Get, Stop or Start. */
    static List<String> services(String verb, List<Server> servers) {
        List<String> lines = new ArrayList<>();
        for (Server server : servers) {
            lines.add(verb + "-CsWindowsService -Name RTCCHAT -ComputerName " + Quote.powerShellString(server.fqdn()));
        }
        return lines;
    }

    static List<String> services(List<Server> servers) {
        return services("Get", servers);
    }

    /**
     * C-2: the sessions still using {@code database}, other than this one; none may remain before a
     * tail-log or failback backup. {@code sys.sysprocesses} because SQL Server 2008 R2 (T-9) has no
     * {@code database_id} in {@code sys.dm_exec_sessions}.
     */
    static String sessions(Database database) {
        return "SELECT spid, hostname, program_name, loginame FROM sys.sysprocesses WHERE dbid = DB_ID("
                + Quote.sqlString(database.name()) + ") AND spid <> @@SPID;";
    }

    /**
     * M-6 guarded: {@code SET PARTNER OFF} only when {@code database} is mirrored here (error 1416
     * otherwise). A restore over a mirrored database is refused (C-9).
     */
    static String partnerOffIfMirrored(Database database) {
        return "IF EXISTS (SELECT 1 FROM sys.database_mirroring WHERE database_id = DB_ID("
                + Quote.sqlString(database.name()) + ") AND mirroring_guid IS NOT NULL)\n    ALTER DATABASE "
                + Quote.sqlIdentifier(database.name()) + " SET PARTNER OFF;";
    }

    /** C-1: {@code <db>_<what>_<yyyyMMddTHHmmssZ>.<extension>}, unique per generated procedure. */
    static String oneOffFile(Database database, String what, Instant generatedAt, String extension) {
        return database.name() + "_" + what + "_" + ConfigureParts.stamp(generatedAt) + "." + extension;
    }

    /**
     * M-2 with the Lync cmdlet, run from {@code site}: {@code database} mirrored from the instance
     * {@code principalId} to {@code mirrorId}, checked (C-3), undone by uninstalling the mirroring
     * (M-6). The texts under {@code key} take the database, the principal and the mirror; the
     * warnings are {@code first}, then the endpoint (P-4) and restart (P-5) ones.
     */
    static void installMirrorStep(
            Topology topology,
            Pool pool,
            Database database,
            String principalId,
            String mirrorId,
            String site,
            String ruleId,
            String key,
            Note first,
            Steps steps) {
        SqlInstance principal = Places.instance(topology, principalId);
        steps.add(
                ruleId,
                Steps.Keys.under(key),
                new Object[] {
                    database.name(),
                    Places.connectName(principal),
                    Places.connectName(Places.instance(topology, mirrorId))
                },
                Places.lyncShell(site),
                Language.POWERSHELL,
                installMirror(pool, database, principal),
                mirrorCheck(topology, pool, database, principalId),
                List.of(
                        first,
                        steps.note("P-4", "dr.failover.f6.warning.p4"),
                        steps.note("P-5", "dr.failover.f6.warning.p5")),
                steps.text("dr.failover.f6.undo", uninstallMirror(database, principal)));
    }

    /**
     * Where the primary's SQL Server reaches {@code file} of the log-shipping share: by the share's
     * local path when the share folder sits on the primary (P-8), else through the share.
     */
    static String onPrimary(Pool pool, String file) {
        String localPath = pool.logShipping().primaryLocalPath();
        return localPath == null ? pool.logShipping().share() + "\\" + file : localPath + "\\" + file;
    }

    /**
     * T-7, C-5: whether the site {@code siteId} is in another time zone than the pool's next hop.
     * Compared by UTC offsets over the year of {@code at}, not by name: two zones are the same when
     * their offsets agree at the start of the year and at every transition of either zone's rules
     * within it (offsets do not change between transitions). Unknown or missing zones compare equal:
     * the topology rules already report them.
     */
    static boolean nextHopInOtherZone(Topology topology, Pool pool, String siteId, Instant at) {
        if (pool.nextHopPool() == null || pool.nextHopPool().timeZone() == null) {
            return false;
        }
        String siteZone = topology.site(siteId).map(Topology.Site::timeZone).orElse(null);
        if (siteZone == null) {
            return false;
        }
        return !sameOffsetsOverTheYear(siteZone, pool.nextHopPool().timeZone(), at);
    }

    static boolean sameOffsetsOverTheYear(String zoneA, String zoneB, Instant at) {
        ZoneRules a;
        ZoneRules b;
        try {
            a = ZoneId.of(zoneA.strip()).getRules();
            b = ZoneId.of(zoneB.strip()).getRules();
        } catch (DateTimeException unknownZone) {
            return true;
        }
        int year = at.atZone(ZoneOffset.UTC).getYear();
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Instant> moments = new ArrayList<>();
        moments.add(start);
        for (ZoneRules rules : List.of(a, b)) {
            ZoneOffsetTransition next = rules.nextTransition(start);
            while (next != null && next.getInstant().isBefore(end)) {
                moments.add(next.getInstant());
                next = rules.nextTransition(next.getInstant());
            }
        }
        return moments.stream().allMatch(moment -> a.getOffset(moment).equals(b.getOffset(moment)));
    }

    static String databaseState(Database database) {
        return "SELECT name, state_desc, recovery_model_desc FROM sys.databases WHERE name = "
                + Quote.sqlString(database.name()) + ";";
    }

    static String mirroringState(Database database) {
        return "SELECT DB_NAME(database_id) AS database_name, mirroring_role_desc, mirroring_state_desc,"
                + " mirroring_partner_instance\nFROM sys.database_mirroring WHERE database_id = DB_ID("
                + Quote.sqlString(database.name()) + ");";
    }

    static Target sql(Topology topology, String instanceId) {
        return Places.sqlInstance(topology, instanceId);
    }

    /**
     * The pool's state set to {@code state} from the Lync shell of {@code site}, after the service
     * identity is confirmed (P-1): {@code FailedOver} at failover (F-5), {@code Normal} at failback
     * (B-7); undone by setting {@code undoState}. {@code moreVerify} follows the state query.
     */
    static void poolStateStep(
            Pool pool,
            String ruleId,
            String key,
            String site,
            String state,
            String undoState,
            String moreVerify,
            Steps steps) {
        String identity = serviceIdentity(pool);
        steps.add(
                ruleId,
                Steps.Keys.under(key),
                new Object[] {pool.fqdn(), identity},
                Places.lyncShell(site),
                Language.POWERSHELL,
                confirmServiceIdentity() + "\n" + poolState(pool, state),
                getPoolState(pool) + moreVerify,
                List.of(steps.note("P-1", "dr.failover.p1.identity", identity)),
                steps.text("dr.failover.f5.undo", poolState(pool, undoState)));
    }
}
