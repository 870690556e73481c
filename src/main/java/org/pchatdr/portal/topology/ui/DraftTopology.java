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
 * The editor's mutable working copy of a {@link Topology}, shaped for Vaadin's {@code Binder}: the
 * records stay immutable, forms write into these beans, and {@link #toTopology()} makes the record
 * again. {@code of(t).toTopology()} equals {@code t}; numbers are {@code Integer} so that an emptied
 * field is {@code null} (and reported by the form) instead of a silent 0.
 */
class DraftTopology {

    private String name;
    private final List<DraftSite> sites = new ArrayList<>();
    private final List<DraftSqlInstance> sqlInstances = new ArrayList<>();
    private final List<DraftPool> pools = new ArrayList<>();

    static DraftTopology of(Topology topology) {
        DraftTopology draft = new DraftTopology();
        draft.name = topology.name();
        topology.sites().forEach(site -> draft.sites.add(DraftSite.of(site)));
        topology.sqlInstances().forEach(instance -> draft.sqlInstances.add(DraftSqlInstance.of(instance)));
        topology.pools().forEach(pool -> draft.pools.add(DraftPool.of(pool)));
        return draft;
    }

    Topology toTopology() {
        return new Topology(
                name,
                sites.stream().map(DraftSite::toSite).toList(),
                sqlInstances.stream().map(DraftSqlInstance::toSqlInstance).toList(),
                pools.stream().map(DraftPool::toPool).toList());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    List<DraftSite> sites() {
        return sites;
    }

    List<DraftSqlInstance> sqlInstances() {
        return sqlInstances;
    }

    List<DraftPool> pools() {
        return pools;
    }

    List<String> siteIds() {
        return sites.stream()
                .map(DraftSite::getId)
                .filter(id -> id != null && !id.isBlank())
                .toList();
    }

    List<String> instanceIds() {
        return sqlInstances.stream()
                .map(DraftSqlInstance::getId)
                .filter(id -> id != null && !id.isBlank())
                .toList();
    }

    private static int number(Integer value) {
        return value == null ? 0 : value;
    }

    static class DraftSite {
        private String id;
        private String name;
        private String timeZone;

        static DraftSite of(Topology.Site site) {
            DraftSite draft = new DraftSite();
            draft.id = site.id();
            draft.name = site.name();
            draft.timeZone = site.timeZone();
            return draft;
        }

        Topology.Site toSite() {
            return new Topology.Site(id, name, timeZone);
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }
    }

    static class DraftSqlInstance {
        private String id;
        private String host;
        private String instance;
        private Integer port;
        private String site;
        private SqlVersion version;
        private String edition;
        private String serviceAccount;

        static DraftSqlInstance of(Topology.SqlInstance instance) {
            DraftSqlInstance draft = new DraftSqlInstance();
            draft.id = instance.id();
            draft.host = instance.host();
            draft.instance = instance.instance();
            draft.port = instance.port();
            draft.site = instance.site();
            draft.version = instance.version();
            draft.edition = instance.edition();
            draft.serviceAccount = instance.serviceAccount();
            return draft;
        }

        Topology.SqlInstance toSqlInstance() {
            return new Topology.SqlInstance(id, host, instance, number(port), site, version, edition, serviceAccount);
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        /** {@code null} for the default instance. */
        public String getInstance() {
            return instance;
        }

        public void setInstance(String instance) {
            this.instance = instance;
        }

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }

        public String getSite() {
            return site;
        }

        public void setSite(String site) {
            this.site = site;
        }

        public SqlVersion getVersion() {
            return version;
        }

        public void setVersion(SqlVersion version) {
            this.version = version;
        }

        public String getEdition() {
            return edition;
        }

        public void setEdition(String edition) {
            this.edition = edition;
        }

        public String getServiceAccount() {
            return serviceAccount;
        }

        public void setServiceAccount(String serviceAccount) {
            this.serviceAccount = serviceAccount;
        }
    }

    static class DraftPool {
        private String fqdn;
        private String serviceIdentity;
        private String activeServersIdentity;
        private String primarySite;
        private String secondarySite;
        private SiteLink siteLink;
        private boolean hasNextHopPool;
        private String nextHopFqdn;
        private String nextHopTimeZone;
        private String fileStore;
        private final List<DraftServer> servers = new ArrayList<>();
        private final List<DraftDatabase> databases = new ArrayList<>();
        private DraftMirroring mirroring;
        private DraftLogShipping logShipping;
        private boolean hasObjectives;
        private Integer rpoMinutes;
        private Integer rtoMinutes;

        static DraftPool of(Topology.Pool pool) {
            DraftPool draft = new DraftPool();
            draft.fqdn = pool.fqdn();
            draft.serviceIdentity = pool.serviceIdentity();
            draft.activeServersIdentity = pool.activeServersIdentity();
            draft.primarySite = pool.primarySite();
            draft.secondarySite = pool.secondarySite();
            draft.siteLink = pool.siteLink();
            draft.hasNextHopPool = pool.nextHopPool() != null;
            if (draft.hasNextHopPool) {
                draft.nextHopFqdn = pool.nextHopPool().fqdn();
                draft.nextHopTimeZone = pool.nextHopPool().timeZone();
            }
            draft.fileStore = pool.fileStore();
            pool.servers().forEach(server -> draft.servers.add(DraftServer.of(server)));
            pool.databases().forEach(database -> draft.databases.add(DraftDatabase.of(database)));
            draft.mirroring = pool.mirroring() == null ? null : DraftMirroring.of(pool.mirroring());
            draft.logShipping = DraftLogShipping.of(pool.logShipping());
            draft.hasObjectives = pool.objectives() != null;
            if (draft.hasObjectives) {
                draft.rpoMinutes = pool.objectives().rpoMinutes();
                draft.rtoMinutes = pool.objectives().rtoMinutes();
            }
            return draft;
        }

        /** A new pool as Topology Builder would start it: defaults of the format, nothing chosen yet. */
        static DraftPool empty() {
            return of(new Topology.Pool(
                    "",
                    "",
                    null,
                    null,
                    null,
                    SiteLink.HIGH_BANDWIDTH,
                    new Topology.NextHopPool("", ""),
                    null,
                    List.of(),
                    List.of(new Topology.Database("mgc", DatabaseKind.CHAT, null, null, null, null, null, null, null)),
                    new Topology.Mirroring(5022, 7022, null),
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

        List<DraftServer> servers() {
            return servers;
        }

        List<DraftDatabase> databases() {
            return databases;
        }

        DraftDatabase database(DatabaseKind kind) {
            return databases.stream()
                    .filter(database -> database.getKind() == kind)
                    .findFirst()
                    .orElse(null);
        }

        boolean isComplianceEnabled() {
            return database(DatabaseKind.COMPLIANCE) != null;
        }

        /** Compliance on adds an empty {@code mgccomp} to fill in; off removes it. */
        void setComplianceEnabled(boolean enabled) {
            if (enabled && !isComplianceEnabled()) {
                databases.add(DraftDatabase.of(new Topology.Database(
                        "mgccomp", DatabaseKind.COMPLIANCE, null, null, null, null, null, null, null)));
            } else if (!enabled) {
                databases.removeIf(database -> database.getKind() == DatabaseKind.COMPLIANCE);
            }
        }

        DraftMirroring mirroring() {
            if (mirroring == null) {
                mirroring = DraftMirroring.of(new Topology.Mirroring(5022, 7022, null));
            }
            return mirroring;
        }

        DraftLogShipping logShipping() {
            return logShipping;
        }

        public String getFqdn() {
            return fqdn;
        }

        public void setFqdn(String fqdn) {
            this.fqdn = fqdn;
        }

        public String getServiceIdentity() {
            return serviceIdentity;
        }

        public void setServiceIdentity(String serviceIdentity) {
            this.serviceIdentity = serviceIdentity;
        }

        public String getActiveServersIdentity() {
            return activeServersIdentity;
        }

        public void setActiveServersIdentity(String activeServersIdentity) {
            this.activeServersIdentity = activeServersIdentity;
        }

        public String getPrimarySite() {
            return primarySite;
        }

        public void setPrimarySite(String primarySite) {
            this.primarySite = primarySite;
        }

        public String getSecondarySite() {
            return secondarySite;
        }

        public void setSecondarySite(String secondarySite) {
            this.secondarySite = secondarySite;
        }

        public SiteLink getSiteLink() {
            return siteLink;
        }

        public void setSiteLink(SiteLink siteLink) {
            this.siteLink = siteLink;
        }

        public String getNextHopFqdn() {
            return nextHopFqdn;
        }

        public void setNextHopFqdn(String nextHopFqdn) {
            this.hasNextHopPool = true;
            this.nextHopFqdn = nextHopFqdn;
        }

        public String getNextHopTimeZone() {
            return nextHopTimeZone;
        }

        public void setNextHopTimeZone(String nextHopTimeZone) {
            this.hasNextHopPool = true;
            this.nextHopTimeZone = nextHopTimeZone;
        }

        public String getFileStore() {
            return fileStore;
        }

        public void setFileStore(String fileStore) {
            this.fileStore = fileStore;
        }

        public Integer getRpoMinutes() {
            return rpoMinutes;
        }

        public void setRpoMinutes(Integer rpoMinutes) {
            this.hasObjectives = true;
            this.rpoMinutes = rpoMinutes;
        }

        public Integer getRtoMinutes() {
            return rtoMinutes;
        }

        public void setRtoMinutes(Integer rtoMinutes) {
            this.hasObjectives = true;
            this.rtoMinutes = rtoMinutes;
        }
    }

    static class DraftServer {
        private String fqdn;
        private String site;
        private boolean active;

        static DraftServer of(Topology.Server server) {
            DraftServer draft = new DraftServer();
            draft.fqdn = server.fqdn();
            draft.site = server.site();
            draft.active = server.active();
            return draft;
        }

        Topology.Server toServer() {
            return new Topology.Server(fqdn, site, active);
        }

        public String getFqdn() {
            return fqdn;
        }

        public void setFqdn(String fqdn) {
            this.fqdn = fqdn;
        }

        public String getSite() {
            return site;
        }

        public void setSite(String site) {
            this.site = site;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }

    static class DraftDatabase {
        private String name;
        private DatabaseKind kind;
        private final Map<CopyRole, String> copies = new EnumMap<>(CopyRole.class);
        private String availabilityGroup;

        static DraftDatabase of(Topology.Database database) {
            DraftDatabase draft = new DraftDatabase();
            draft.name = database.name();
            draft.kind = database.kind();
            draft.copies.putAll(CopyRole.copiesOf(database));
            draft.availabilityGroup = database.availabilityGroup();
            return draft;
        }

        Topology.Database toDatabase() {
            return Topology.Database.of(name, kind, copies, availabilityGroup);
        }

        public String getName() {
            return name;
        }

        public DatabaseKind getKind() {
            return kind;
        }

        /** The instance id holding {@code role}, or {@code null}. */
        String copy(CopyRole role) {
            return copies.get(role);
        }

        void setCopy(CopyRole role, String instanceId) {
            copies.put(role, instanceId);
        }
    }

    static class DraftMirroring {
        private Integer partnerPort;
        private Integer witnessPort;
        private String fileShare;

        static DraftMirroring of(Topology.Mirroring mirroring) {
            DraftMirroring draft = new DraftMirroring();
            draft.partnerPort = mirroring.partnerPort();
            draft.witnessPort = mirroring.witnessPort();
            draft.fileShare = mirroring.fileShare();
            return draft;
        }

        Topology.Mirroring toMirroring() {
            return new Topology.Mirroring(number(partnerPort), number(witnessPort), fileShare);
        }

        public Integer getPartnerPort() {
            return partnerPort;
        }

        public void setPartnerPort(Integer partnerPort) {
            this.partnerPort = partnerPort;
        }

        public Integer getWitnessPort() {
            return witnessPort;
        }

        public void setWitnessPort(Integer witnessPort) {
            this.witnessPort = witnessPort;
        }

        public String getFileShare() {
            return fileShare;
        }

        public void setFileShare(String fileShare) {
            this.fileShare = fileShare;
        }
    }

    /**
     * Log shipping, or none ({@code configured} false): the format allows a pool without it, which
     * rule T-15 then reports. SQL Server's own defaults (L-3) fill a newly configured one.
     */
    static class DraftLogShipping {
        private boolean configured;
        private String share;
        private String primaryLocalPath;
        private String copyDestination;
        private Integer backupEveryMinutes = 15;
        private Integer copyEveryMinutes = 15;
        private Integer restoreEveryMinutes = 15;
        private Integer restoreDelayMinutes = 0;
        private Integer backupAlertMinutes = 60;
        private Integer restoreAlertMinutes = 45;
        private Integer fileRetentionMinutes = 4320;
        private String monitor;

        static DraftLogShipping of(Topology.LogShipping shipping) {
            DraftLogShipping draft = new DraftLogShipping();
            if (shipping == null) {
                return draft;
            }
            draft.configured = true;
            draft.share = shipping.share();
            draft.primaryLocalPath = shipping.primaryLocalPath();
            draft.copyDestination = shipping.copyDestination();
            draft.backupEveryMinutes = shipping.backupEveryMinutes();
            draft.copyEveryMinutes = shipping.copyEveryMinutes();
            draft.restoreEveryMinutes = shipping.restoreEveryMinutes();
            draft.restoreDelayMinutes = shipping.restoreDelayMinutes();
            draft.backupAlertMinutes = shipping.backupAlertMinutes();
            draft.restoreAlertMinutes = shipping.restoreAlertMinutes();
            draft.fileRetentionMinutes = shipping.fileRetentionMinutes();
            draft.monitor = shipping.monitor();
            return draft;
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

        public boolean isConfigured() {
            return configured;
        }

        public void setConfigured(boolean configured) {
            this.configured = configured;
        }

        public String getShare() {
            return share;
        }

        public void setShare(String share) {
            this.share = share;
        }

        public String getPrimaryLocalPath() {
            return primaryLocalPath;
        }

        public void setPrimaryLocalPath(String primaryLocalPath) {
            this.primaryLocalPath = primaryLocalPath;
        }

        public String getCopyDestination() {
            return copyDestination;
        }

        public void setCopyDestination(String copyDestination) {
            this.copyDestination = copyDestination;
        }

        public Integer getBackupEveryMinutes() {
            return backupEveryMinutes;
        }

        public void setBackupEveryMinutes(Integer value) {
            this.backupEveryMinutes = value;
        }

        public Integer getCopyEveryMinutes() {
            return copyEveryMinutes;
        }

        public void setCopyEveryMinutes(Integer value) {
            this.copyEveryMinutes = value;
        }

        public Integer getRestoreEveryMinutes() {
            return restoreEveryMinutes;
        }

        public void setRestoreEveryMinutes(Integer value) {
            this.restoreEveryMinutes = value;
        }

        public Integer getRestoreDelayMinutes() {
            return restoreDelayMinutes;
        }

        public void setRestoreDelayMinutes(Integer value) {
            this.restoreDelayMinutes = value;
        }

        public Integer getBackupAlertMinutes() {
            return backupAlertMinutes;
        }

        public void setBackupAlertMinutes(Integer value) {
            this.backupAlertMinutes = value;
        }

        public Integer getRestoreAlertMinutes() {
            return restoreAlertMinutes;
        }

        public void setRestoreAlertMinutes(Integer value) {
            this.restoreAlertMinutes = value;
        }

        public Integer getFileRetentionMinutes() {
            return fileRetentionMinutes;
        }

        public void setFileRetentionMinutes(Integer value) {
            this.fileRetentionMinutes = value;
        }

        public String getMonitor() {
            return monitor;
        }

        public void setMonitor(String monitor) {
            this.monitor = monitor;
        }
    }
}
