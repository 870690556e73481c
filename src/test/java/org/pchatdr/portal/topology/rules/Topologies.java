package org.pchatdr.portal.topology.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.LogShipping;
import org.pchatdr.portal.topology.Topology.Mirroring;
import org.pchatdr.portal.topology.Topology.NextHopPool;
import org.pchatdr.portal.topology.Topology.Objectives;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.Topology.SqlVersion;

/**
 * The sample {@code shared/samples/contoso-stretched.json} as records, and mutable drafts to vary
 * it: {@code contoso(d -> d.pool().mgc().mirror = "lyo-sql-2")}.
 */
final class Topologies {

    static final String POOL = "pchat.contoso.local";

    private Topologies() {}

    static Topology contoso() {
        return contosoDraft().build();
    }

    static Topology contoso(Consumer<Draft> change) {
        Draft draft = contosoDraft();
        change.accept(draft);
        return draft.build();
    }

    static Draft contosoDraft() {
        Draft draft = new Draft();
        draft.name = "Contoso production";
        draft.sites.add(new Site("PAR", "Paris - Saint-Denis", "Europe/Paris"));
        draft.sites.add(new Site("LYO", "Lyon - Vaise", "Europe/Paris"));
        draft.addInstance("par-sql-1", "sqlpc01.contoso.local", "PCHAT", "PAR", "Enterprise");
        draft.addInstance("par-sql-2", "sqlpc02.contoso.local", "PCHAT", "PAR", "Enterprise");
        draft.addInstance("par-wit", "sqlwit01.contoso.local", null, "PAR", "Standard");
        draft.addInstance("lyo-sql-1", "sqlpc11.contoso.local", "PCHAT", "LYO", "Enterprise");
        draft.addInstance("lyo-sql-2", "sqlpc12.contoso.local", "PCHAT", "LYO", "Enterprise");

        PoolDraft pool = new PoolDraft();
        pool.fqdn = POOL;
        pool.serviceIdentity = Pool.defaultServiceIdentity(POOL);
        pool.primarySite = "PAR";
        pool.secondarySite = "LYO";
        pool.siteLink = SiteLink.HIGH_BANDWIDTH;
        pool.nextHopPool = new NextHopPool("fepool-par.contoso.local", "Europe/Paris");
        pool.fileStore = "\\\\fs01.contoso.local\\pchat-files";
        pool.addServer("pc01.contoso.local", "PAR", true);
        pool.addServer("pc02.contoso.local", "PAR", true);
        pool.addServer("pc03.contoso.local", "PAR", false);
        pool.addServer("pc04.contoso.local", "PAR", false);
        pool.addServer("pc11.contoso.local", "LYO", true);
        pool.addServer("pc12.contoso.local", "LYO", true);
        pool.addServer("pc13.contoso.local", "LYO", false);
        pool.addServer("pc14.contoso.local", "LYO", false);
        DatabaseDraft mgc = new DatabaseDraft();
        mgc.name = "mgc";
        mgc.kind = DatabaseKind.CHAT;
        mgc.primary = "par-sql-1";
        mgc.mirror = "par-sql-2";
        mgc.witness = "par-wit";
        mgc.backup = "lyo-sql-1";
        mgc.backupMirror = "lyo-sql-2";
        pool.databases.add(mgc);
        pool.mirroring = new Mirroring(5022, 7022, "\\\\fs01.contoso.local\\pchat-mirror-seed");
        LogShippingDraft logShipping = new LogShippingDraft();
        logShipping.share = "\\\\fs01.contoso.local\\pchat-logship";
        logShipping.copyDestination = "D:\\PChatLogShipCopy";
        logShipping.monitor = "par-wit";
        pool.logShipping = logShipping;
        pool.objectives = new Objectives(30, 60);
        draft.pools.add(pool);
        return draft;
    }

    /**
     * Compliance on, done right: {@code mgccomp} on four dedicated instances, with copies where
     * {@code mgc} has them and the same witness.
     */
    static void enableCompliance(Draft draft) {
        draft.addInstance("par-comp-1", "sqlcomp01.contoso.local", "COMP", "PAR", "Enterprise");
        draft.addInstance("par-comp-2", "sqlcomp02.contoso.local", "COMP", "PAR", "Enterprise");
        draft.addInstance("lyo-comp-1", "sqlcomp11.contoso.local", "COMP", "LYO", "Enterprise");
        draft.addInstance("lyo-comp-2", "sqlcomp12.contoso.local", "COMP", "LYO", "Enterprise");
        DatabaseDraft mgccomp = new DatabaseDraft();
        mgccomp.name = "mgccomp";
        mgccomp.kind = DatabaseKind.COMPLIANCE;
        mgccomp.primary = "par-comp-1";
        mgccomp.mirror = "par-comp-2";
        mgccomp.witness = "par-wit";
        mgccomp.backup = "lyo-comp-1";
        mgccomp.backupMirror = "lyo-comp-2";
        draft.pool().databases.add(mgccomp);
    }

    static final class Draft {
        String name;
        final List<Site> sites = new ArrayList<>();
        final List<InstanceDraft> sqlInstances = new ArrayList<>();
        final List<PoolDraft> pools = new ArrayList<>();

        /** The first pool. */
        PoolDraft pool() {
            return pools.get(0);
        }

        InstanceDraft instance(String id) {
            return sqlInstances.stream()
                    .filter(instance -> id.equals(instance.id))
                    .findFirst()
                    .orElseThrow();
        }

        /** A SQL Server 2012 instance on port 1433. */
        InstanceDraft addInstance(String id, String host, String instanceName, String site, String edition) {
            InstanceDraft instance = new InstanceDraft();
            instance.id = id;
            instance.host = host;
            instance.instance = instanceName;
            instance.port = 1433;
            instance.site = site;
            instance.version = SqlVersion.V2012;
            instance.edition = edition;
            instance.serviceAccount = "CONTOSO\\svc-sqlpc";
            sqlInstances.add(instance);
            return instance;
        }

        Topology build() {
            return new Topology(
                    name,
                    sites,
                    sqlInstances.stream().map(InstanceDraft::build).toList(),
                    pools.stream().map(PoolDraft::build).toList());
        }
    }

    static final class InstanceDraft {
        String id;
        String host;
        String instance;
        int port;
        String site;
        SqlVersion version;
        String edition;
        String serviceAccount;

        SqlInstance build() {
            return new SqlInstance(id, host, instance, port, site, version, edition, serviceAccount);
        }
    }

    static final class PoolDraft {
        String fqdn;
        String serviceIdentity;
        String activeServersIdentity;
        String primarySite;
        String secondarySite;
        SiteLink siteLink;
        NextHopPool nextHopPool;
        String fileStore;
        final List<ServerDraft> servers = new ArrayList<>();
        final List<DatabaseDraft> databases = new ArrayList<>();
        Mirroring mirroring;
        LogShippingDraft logShipping;
        Objectives objectives;

        ServerDraft server(String fqdn) {
            return servers.stream()
                    .filter(server -> fqdn.equals(server.fqdn))
                    .findFirst()
                    .orElseThrow();
        }

        ServerDraft addServer(String fqdn, String site, boolean active) {
            ServerDraft server = new ServerDraft();
            server.fqdn = fqdn;
            server.site = site;
            server.active = active;
            servers.add(server);
            return server;
        }

        /** Every server of the site active or idle. */
        void setActive(String site, boolean active) {
            servers.stream().filter(server -> site.equals(server.site)).forEach(server -> server.active = active);
        }

        DatabaseDraft mgc() {
            return database("mgc");
        }

        DatabaseDraft mgccomp() {
            return database("mgccomp");
        }

        DatabaseDraft database(String name) {
            return databases.stream()
                    .filter(database -> name.equals(database.name))
                    .findFirst()
                    .orElseThrow();
        }

        Pool build() {
            return new Pool(
                    fqdn,
                    serviceIdentity,
                    activeServersIdentity,
                    primarySite,
                    secondarySite,
                    siteLink,
                    nextHopPool,
                    fileStore,
                    servers.stream().map(ServerDraft::build).toList(),
                    databases.stream().map(DatabaseDraft::build).toList(),
                    mirroring,
                    logShipping == null ? null : logShipping.build(),
                    objectives);
        }
    }

    static final class ServerDraft {
        String fqdn;
        String site;
        boolean active;

        Server build() {
            return new Server(fqdn, site, active);
        }
    }

    static final class DatabaseDraft {
        String name;
        DatabaseKind kind;
        String primary;
        String mirror;
        String witness;
        String backup;
        String backupMirror;
        String backupWitness;
        String availabilityGroup;

        Database build() {
            return new Database(
                    name, kind, primary, mirror, witness, backup, backupMirror, backupWitness, availabilityGroup);
        }
    }

    /** Log shipping with the sample's schedules and SQL Server's default thresholds (L-3). */
    static final class LogShippingDraft {
        String share;
        String primaryLocalPath;
        String copyDestination;
        int backupEveryMinutes = 15;
        int copyEveryMinutes = 15;
        int restoreEveryMinutes = 15;
        int restoreDelayMinutes = 0;
        int backupAlertMinutes = 60;
        int restoreAlertMinutes = 45;
        int fileRetentionMinutes = 4320;
        String monitor;

        LogShipping build() {
            return new LogShipping(
                    share,
                    primaryLocalPath,
                    copyDestination,
                    backupEveryMinutes,
                    copyEveryMinutes,
                    restoreEveryMinutes,
                    restoreDelayMinutes,
                    backupAlertMinutes,
                    restoreAlertMinutes,
                    fileRetentionMinutes,
                    monitor);
        }
    }
}
