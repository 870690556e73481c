package org.pchatdr.portal.topology;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One customer deployment, exactly as the {@code pchat-dr-topology/1} document describes it. Ids of
 * sites and SQL instances are references inside the document; {@code null} means "none" wherever
 * the format allows it. Immutable: every change makes a new version.
 */
public record Topology(String name, List<Site> sites, List<SqlInstance> sqlInstances, List<Pool> pools) {

    public static final String FORMAT = "pchat-dr-topology/1";

    public Topology {
        sites = List.copyOf(sites);
        sqlInstances = List.copyOf(sqlInstances);
        pools = List.copyOf(pools);
    }

    public Optional<Site> site(String id) {
        return sites.stream().filter(site -> site.id().equals(id)).findFirst();
    }

    public Optional<SqlInstance> sqlInstance(String id) {
        return sqlInstances.stream()
                .filter(instance -> instance.id().equals(id))
                .findFirst();
    }

    public Optional<Pool> pool(String fqdn) {
        return pools.stream().filter(pool -> pool.fqdn().equalsIgnoreCase(fqdn)).findFirst();
    }

    /** A data center. */
    public record Site(String id, String name, String timeZone) {}

    /**
     * A SQL Server instance that holds or watches a Persistent Chat database. {@code instance} is
     * {@code null} for the default instance.
     */
    public record SqlInstance(
            String id,
            String host,
            String instance,
            int port,
            String site,
            SqlVersion version,
            String edition,
            String serviceAccount) {}

    public enum SqlVersion {
        V2008R2("2008R2"),
        V2012("2012"),
        V2014("2014"),
        V2016("2016");

        private final String label;

        SqlVersion(String label) {
            this.label = label;
        }

        /** As the format writes it: {@code 2008R2}, {@code 2012} … */
        public String label() {
            return label;
        }

        public static Optional<SqlVersion> fromLabel(String label) {
            for (SqlVersion version : values()) {
                if (version.label.equals(label)) {
                    return Optional.of(version);
                }
            }
            return Optional.empty();
        }
    }

    /** A Persistent Chat pool stretched across {@code primarySite} and {@code secondarySite}. */
    public record Pool(
            String fqdn,
            String serviceIdentity,
            String activeServersIdentity,
            String primarySite,
            String secondarySite,
            SiteLink siteLink,
            NextHopPool nextHopPool,
            String fileStore,
            List<Server> servers,
            List<Database> databases,
            Mirroring mirroring,
            LogShipping logShipping,
            Objectives objectives) {

        public Pool {
            servers = List.copyOf(servers);
            databases = List.copyOf(databases);
        }

        /** The identity {@code Get-CsService -PersistentChatServer} prints by default (rule P-1). */
        public static String defaultServiceIdentity(String fqdn) {
            return "PersistentChatServer:" + fqdn;
        }

        public Optional<Database> database(DatabaseKind kind) {
            return databases.stream()
                    .filter(database -> database.kind() == kind)
                    .findFirst();
        }

        public boolean complianceEnabled() {
            return database(DatabaseKind.COMPLIANCE).isPresent();
        }
    }

    /** Rule T-5: the layout Microsoft documents depends on the link between the sites. */
    public enum SiteLink {
        HIGH_BANDWIDTH,
        LOW_BANDWIDTH
    }

    /** The Front End pool that routes to the Persistent Chat pool (rule T-7). */
    public record NextHopPool(String fqdn, String timeZone) {}

    /** A Persistent Chat server; {@code active} when it is in the pool's active-server list. */
    public record Server(String fqdn, String site, boolean active) {}

    /**
     * One database ({@code mgc} or {@code mgccomp}) and the SQL instance ids of its copies.
     * {@code availabilityGroup} names an AlwaysOn availability group when one was modelled, which
     * rule T-12 refuses; the format writes it only when it is set.
     */
    public record Database(
            String name,
            DatabaseKind kind,
            String primary,
            String mirror,
            String witness,
            String backup,
            String backupMirror,
            String backupWitness,
            String availabilityGroup) {

        /** A database from its copies by role; a role the map lacks has no copy. */
        public static Database of(
                String name, DatabaseKind kind, Map<CopyRole, String> copies, String availabilityGroup) {
            return new Database(
                    name,
                    kind,
                    copies.get(CopyRole.PRIMARY),
                    copies.get(CopyRole.MIRROR),
                    copies.get(CopyRole.WITNESS),
                    copies.get(CopyRole.BACKUP),
                    copies.get(CopyRole.BACKUP_MIRROR),
                    copies.get(CopyRole.BACKUP_WITNESS),
                    availabilityGroup);
        }
    }

    public enum DatabaseKind {
        /** {@code mgc}: rooms, categories, principals, posts. */
        CHAT,
        /** {@code mgccomp}: only when compliance is enabled. */
        COMPLIANCE
    }

    /** Database mirroring endpoints and the share that seeds the mirror. */
    public record Mirroring(int partnerPort, int witnessPort, String fileShare) {}

    /** SQL Server log shipping from the primary to the backup, every setting of section 4. */
    public record LogShipping(
            String share,
            String primaryLocalPath,
            String copyDestination,
            int backupEveryMinutes,
            int copyEveryMinutes,
            int restoreEveryMinutes,
            int restoreDelayMinutes,
            int backupAlertMinutes,
            int restoreAlertMinutes,
            int fileRetentionMinutes,
            String monitor) {}

    /** The customer's recovery objectives (section 9). */
    public record Objectives(int rpoMinutes, int rtoMinutes) {}
}
