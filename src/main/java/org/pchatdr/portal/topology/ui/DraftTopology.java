package org.pchatdr.portal.topology.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.Topology.SqlVersion;

/**
 * The editor's mutable working copy of a {@link Topology}: the lists the editor adds to and removes
 * from, and for each record a plain holder of its values that the record's form binds (the records
 * stay immutable; {@link #toTopology()} makes them again). {@code of(t).toTopology()} equals {@code
 * t}. The holders have no accessors of their own: their form is the one place that reads and writes
 * them, through its {@code Binder}. A holder, not the record itself, is what a grid shows, so that a
 * row keeps its identity while it is edited (two new, empty sites are equal records but two rows).
 */
class DraftTopology {

    String name;
    final List<DraftSite> sites = new ArrayList<>();
    final List<DraftSqlInstance> sqlInstances = new ArrayList<>();
    final List<DraftPool> pools = new ArrayList<>();

    static DraftTopology of(Topology topology) {
        DraftTopology draft = new DraftTopology();
        draft.name = topology.name();
        topology.sites().forEach(site -> draft.sites.add(new DraftSite(site)));
        topology.sqlInstances().forEach(instance -> draft.sqlInstances.add(new DraftSqlInstance(instance)));
        topology.pools().forEach(pool -> draft.pools.add(new DraftPool(pool)));
        return draft;
    }

    Topology toTopology() {
        return new Topology(
                name,
                sites.stream().map(DraftSite::toSite).toList(),
                sqlInstances.stream().map(DraftSqlInstance::toSqlInstance).toList(),
                pools.stream().map(DraftPool::toPool).toList());
    }

    /** The ids the site choices offer: every site that has one. */
    List<String> siteIds() {
        return sites.stream().map(site -> site.id).filter(DraftTopology::given).toList();
    }

    /** The ids the SQL instance choices offer. */
    List<String> instanceIds() {
        return sqlInstances.stream()
                .map(instance -> instance.id)
                .filter(DraftTopology::given)
                .toList();
    }

    private static boolean given(String id) {
        return id != null && !id.isBlank();
    }

    /** An emptied number field leaves {@code null}, which the form reports; the record needs a number. */
    private static int number(Integer value) {
        return value == null ? 0 : value;
    }

    static class DraftSite {
        String id = "";
        String name = "";
        String timeZone;

        DraftSite() {}

        DraftSite(Topology.Site site) {
            id = site.id();
            name = site.name();
            timeZone = site.timeZone();
        }

        Topology.Site toSite() {
            return new Topology.Site(id, name, timeZone);
        }
    }

    static class DraftSqlInstance {
        String id = "";
        String host = "";
        /** {@code null} for the default instance. */
        String instance;

        Integer port = 1433;
        String site;
        SqlVersion version;
        String edition = "";
        String serviceAccount = "";

        DraftSqlInstance() {}

        DraftSqlInstance(Topology.SqlInstance source) {
            id = source.id();
            host = source.host();
            instance = source.instance();
            port = source.port();
            site = source.site();
            version = source.version();
            edition = source.edition();
            serviceAccount = source.serviceAccount();
        }

        Topology.SqlInstance toSqlInstance() {
            return new Topology.SqlInstance(id, host, instance, number(port), site, version, edition, serviceAccount);
        }
    }

    /**
     * A pool: its own values, the lists of servers and databases, and one holder each for mirroring
     * and log shipping. The next-hop pool and the objectives are written as soon as one of their
     * values is, as Topology Builder does.
     */
    static class DraftPool {
        String fqdn;
        String serviceIdentity;
        String activeServersIdentity;
        String primarySite;
        String secondarySite;
        SiteLink siteLink;
        boolean hasNextHopPool;
        String nextHopFqdn;
        String nextHopTimeZone;
        String fileStore;
        final List<DraftServer> servers = new ArrayList<>();
        final List<DraftDatabase> databases = new ArrayList<>();
        private DraftMirroring mirroring;
        final DraftLogShipping logShipping;
        boolean hasObjectives;
        Integer rpoMinutes;
        Integer rtoMinutes;

        DraftPool(Topology.Pool pool) {
            fqdn = pool.fqdn();
            serviceIdentity = pool.serviceIdentity();
            activeServersIdentity = pool.activeServersIdentity();
            primarySite = pool.primarySite();
            secondarySite = pool.secondarySite();
            siteLink = pool.siteLink();
            hasNextHopPool = pool.nextHopPool() != null;
            if (hasNextHopPool) {
                nextHopFqdn = pool.nextHopPool().fqdn();
                nextHopTimeZone = pool.nextHopPool().timeZone();
            }
            fileStore = pool.fileStore();
            pool.servers().forEach(server -> servers.add(new DraftServer(server)));
            pool.databases().forEach(database -> databases.add(new DraftDatabase(database)));
            mirroring = pool.mirroring() == null ? null : new DraftMirroring(pool.mirroring());
            logShipping = new DraftLogShipping(pool.logShipping());
            hasObjectives = pool.objectives() != null;
            if (hasObjectives) {
                rpoMinutes = pool.objectives().rpoMinutes();
                rtoMinutes = pool.objectives().rtoMinutes();
            }
        }

        /** A new pool as Topology Builder would start it: defaults of the format, nothing chosen yet. */
        static DraftPool empty() {
            return new DraftPool(new Topology.Pool(
                    "",
                    "",
                    null,
                    null,
                    null,
                    SiteLink.HIGH_BANDWIDTH,
                    new Topology.NextHopPool("", ""),
                    null,
                    List.of(),
                    List.of(emptyDatabase("mgc", DatabaseKind.CHAT)),
                    defaultMirroring(),
                    null,
                    new Topology.Objectives(15, 60)));
        }

        Topology.Pool toPool() {
            return new Topology.Pool(
                    fqdn,
                    serviceIdentity,
                    activeServersIdentity,
                    primarySite,
                    secondarySite,
                    siteLink,
                    hasNextHopPool ? new Topology.NextHopPool(nextHopFqdn, nextHopTimeZone) : null,
                    fileStore,
                    servers.stream().map(DraftServer::toServer).toList(),
                    databases.stream().map(DraftDatabase::toDatabase).toList(),
                    mirroring == null ? null : mirroring.toMirroring(),
                    logShipping.toLogShipping(),
                    hasObjectives ? new Topology.Objectives(number(rpoMinutes), number(rtoMinutes)) : null);
        }

        DraftDatabase database(DatabaseKind kind) {
            return databases.stream()
                    .filter(database -> database.kind == kind)
                    .findFirst()
                    .orElse(null);
        }

        boolean isComplianceEnabled() {
            return database(DatabaseKind.COMPLIANCE) != null;
        }

        /** Compliance on adds an empty {@code mgccomp} to fill in; off removes it. */
        void setComplianceEnabled(boolean enabled) {
            if (enabled && !isComplianceEnabled()) {
                databases.add(new DraftDatabase(emptyDatabase("mgccomp", DatabaseKind.COMPLIANCE)));
            } else if (!enabled) {
                databases.removeIf(database -> database.kind == DatabaseKind.COMPLIANCE);
            }
        }

        /** Mirroring as the form shows it: SQL Server's default ports until the pool has its own. */
        DraftMirroring mirroring() {
            if (mirroring == null) {
                mirroring = new DraftMirroring(defaultMirroring());
            }
            return mirroring;
        }

        private static Topology.Database emptyDatabase(String name, DatabaseKind kind) {
            return new Topology.Database(name, kind, null, null, null, null, null, null, null);
        }

        private static Topology.Mirroring defaultMirroring() {
            return new Topology.Mirroring(5022, 7022, null);
        }
    }

    static class DraftServer {
        String fqdn = "";
        String site;
        boolean active;

        DraftServer(String site) {
            this.site = site;
        }

        DraftServer(Topology.Server server) {
            fqdn = server.fqdn();
            site = server.site();
            active = server.active();
        }

        Topology.Server toServer() {
            return new Topology.Server(fqdn, site, active);
        }
    }

    static class DraftDatabase {
        final String name;
        final DatabaseKind kind;
        /** The instance id holding each role, or {@code null}. */
        final Map<CopyRole, String> copies = new EnumMap<>(CopyRole.class);

        private final String availabilityGroup;

        DraftDatabase(Topology.Database database) {
            name = database.name();
            kind = database.kind();
            copies.putAll(CopyRole.copiesOf(database));
            availabilityGroup = database.availabilityGroup();
        }

        Topology.Database toDatabase() {
            return Topology.Database.of(name, kind, copies, availabilityGroup);
        }
    }

    static class DraftMirroring {
        Integer partnerPort;
        Integer witnessPort;
        String fileShare;

        DraftMirroring(Topology.Mirroring mirroring) {
            partnerPort = mirroring.partnerPort();
            witnessPort = mirroring.witnessPort();
            fileShare = mirroring.fileShare();
        }

        Topology.Mirroring toMirroring() {
            return new Topology.Mirroring(number(partnerPort), number(witnessPort), fileShare);
        }
    }

    /**
     * Log shipping, or none ({@code configured} false): the format allows a pool without it, which
     * rule T-15 then reports. SQL Server's own defaults (L-3) fill a newly configured one.
     */
    static class DraftLogShipping {
        boolean configured;
        String share;
        String primaryLocalPath;
        String copyDestination;
        Integer backupEveryMinutes = 15;
        Integer copyEveryMinutes = 15;
        Integer restoreEveryMinutes = 15;
        Integer restoreDelayMinutes = 0;
        Integer backupAlertMinutes = 60;
        Integer restoreAlertMinutes = 45;
        Integer fileRetentionMinutes = 4320;
        String monitor;

        DraftLogShipping(Topology.LogShipping shipping) {
            if (shipping == null) {
                return;
            }
            configured = true;
            share = shipping.share();
            primaryLocalPath = shipping.primaryLocalPath();
            copyDestination = shipping.copyDestination();
            backupEveryMinutes = shipping.backupEveryMinutes();
            copyEveryMinutes = shipping.copyEveryMinutes();
            restoreEveryMinutes = shipping.restoreEveryMinutes();
            restoreDelayMinutes = shipping.restoreDelayMinutes();
            backupAlertMinutes = shipping.backupAlertMinutes();
            restoreAlertMinutes = shipping.restoreAlertMinutes();
            fileRetentionMinutes = shipping.fileRetentionMinutes();
            monitor = shipping.monitor();
        }

        Topology.LogShipping toLogShipping() {
            if (!configured) {
                return null;
            }
            return new Topology.LogShipping(
                    share,
                    primaryLocalPath,
                    copyDestination,
                    number(backupEveryMinutes),
                    number(copyEveryMinutes),
                    number(restoreEveryMinutes),
                    number(restoreDelayMinutes),
                    number(backupAlertMinutes),
                    number(restoreAlertMinutes),
                    number(fileRetentionMinutes),
                    monitor);
        }
    }
}
