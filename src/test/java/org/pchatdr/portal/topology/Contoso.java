package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The one Contoso fixture of the tests (issue 17): the sample {@code contoso-stretched.json} as the
 * topology reader reads it, and variants of it. A variant is the sample turned into a mutable
 * {@link Draft}, changed, and built again: {@code Contoso.with(d -> d.pool().mgc().mirror =
 * "lyo-sql-2")}. Nothing here re-types the sample, so it cannot drift from the file.
 */
public final class Contoso {

    public static final String POOL = "pchat.contoso.local";

    private Contoso() {}

    /** The sample as its document says. */
    public static Topology topology() {
        return TopologySamples.topology(TopologySamples.CONTOSO);
    }

    /** The sample's document. */
    public static String text() {
        return TopologySamples.text(TopologySamples.CONTOSO);
    }

    /** The sample with {@code change} made to it. */
    public static Topology with(Consumer<Draft> change) {
        Draft draft = draft();
        change.accept(draft);
        return draft.build();
    }

    /** The sample as a mutable draft. */
    public static Draft draft() {
        return Draft.of(topology());
    }

    /**
     * Compliance on, done right: {@code mgccomp} on four dedicated instances, with copies where
     * {@code mgc} has them and the same witness.
     */
    public static void enableCompliance(Draft draft) {
        draft.addInstance("par-comp-1", "sqlcomp01.contoso.local", "COMP", "PAR", "Enterprise");
        draft.addInstance("par-comp-2", "sqlcomp02.contoso.local", "COMP", "PAR", "Enterprise");
        draft.addInstance("lyo-comp-1", "sqlcomp11.contoso.local", "COMP", "LYO", "Enterprise");
        draft.addInstance("lyo-comp-2", "sqlcomp12.contoso.local", "COMP", "LYO", "Enterprise");
        draft.pool()
                .addDatabase(
                        "mgccomp",
                        DatabaseKind.COMPLIANCE,
                        "par-comp-1",
                        "par-comp-2",
                        "par-wit",
                        "lyo-comp-1",
                        "lyo-comp-2",
                        null);
    }

    /**
     * Compliance on with every compliance copy on an instance of its own, its witnesses too, and a
     * spare witness instance in Lyon for {@code mgc}'s backup pair.
     */
    public static void enableDedicatedCompliance(Draft draft) {
        draft.addInstance("lyo-wit", "sqlwit11.contoso.local", null, "LYO", "Standard");
        draft.addInstance("par-comp-1", "sqlcomp01.contoso.local", "PCHATCOMP", "PAR", "Enterprise");
        draft.addInstance("par-comp-2", "sqlcomp02.contoso.local", "PCHATCOMP", "PAR", "Enterprise");
        draft.addInstance("par-comp-wit", "sqlwit02.contoso.local", "COMPWIT", "PAR", "Standard");
        draft.addInstance("lyo-comp-1", "sqlcomp11.contoso.local", "PCHATCOMP", "LYO", "Enterprise");
        draft.addInstance("lyo-comp-2", "sqlcomp12.contoso.local", "PCHATCOMP", "LYO", "Enterprise");
        draft.addInstance("lyo-comp-wit", "sqlwit12.contoso.local", "COMPWIT", "LYO", "Standard");
        draft.pool()
                .addDatabase(
                        "mgccomp",
                        DatabaseKind.COMPLIANCE,
                        "par-comp-1",
                        "par-comp-2",
                        "par-comp-wit",
                        "lyo-comp-1",
                        "lyo-comp-2",
                        null);
    }

    /** 8 servers, both databases, every one of the six copies of each: the largest legal pool. */
    public static Topology largest() {
        return with(d -> {
            enableDedicatedCompliance(d);
            d.pool().mgc().backupWitness = "lyo-wit";
            d.pool().mgccomp().backupWitness = "lyo-comp-wit";
        });
    }

    /** The sample's text with {@code from} replaced once; fails when {@code from} is not there. */
    public static String textWith(String from, String to) {
        String sample = text();
        assertThat(sample).contains(from);
        return sample.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    /**
     * Contoso with names that Windows and Active Directory accept and that older versions of the
     * portal refused (C-11): shares with an apostrophe, a space, {@code &} and {@code $}, accented
     * letters, and an account with an apostrophe.
     */
    public static String textWithLegalNames() {
        String document = text();
        for (String[] change : new String[][] {
            {"\\\\\\\\fs01.contoso.local\\\\pchat-logship", "\\\\\\\\fs01\\\\o'brien-logship"},
            {"\\\\\\\\fs01.contoso.local\\\\pchat-files", "\\\\\\\\fs01\\\\Logs & Backups$"},
            {"\\\\\\\\fs01.contoso.local\\\\pchat-mirror-seed", "\\\\\\\\fs01\\\\Journaux d'expédition"},
            {"CONTOSO\\\\svc-sqlpc", "FABRIKAM\\\\o'neill"}
        }) {
            assertThat(document).contains(change[0]);
            document = document.replace(change[0], change[1]);
        }
        return document;
    }

    /** Contoso with every server active: eight active servers break T-1. */
    public static Topology withErrors() {
        return TopologySamples.read(text().replace("\"active\": false", "\"active\": true"));
    }

    /** Contoso declared on a low-bandwidth link while keeping active servers in Lyon: T-5 warns. */
    public static Topology onALowBandwidthLink() {
        return TopologySamples.read(textWith("HIGH_BANDWIDTH", "LOW_BANDWIDTH"));
    }

    /** Contoso renamed, so that a save has something to show in its diff. */
    public static Topology renamed(String name) {
        return TopologySamples.read(textWith("\"Contoso production\"", "\"" + name.replace("\"", "\\\"") + "\""));
    }

    /** A topology as mutable lists and fields, to change one thing and build it again. */
    public static final class Draft {
        public String name;
        public final List<Site> sites = new ArrayList<>();
        public final List<InstanceDraft> sqlInstances = new ArrayList<>();
        public final List<PoolDraft> pools = new ArrayList<>();

        public static Draft of(Topology topology) {
            Draft draft = new Draft();
            draft.name = topology.name();
            draft.sites.addAll(topology.sites());
            topology.sqlInstances().forEach(instance -> draft.sqlInstances.add(InstanceDraft.of(instance)));
            topology.pools().forEach(pool -> draft.pools.add(PoolDraft.of(pool)));
            return draft;
        }

        /** The first pool. */
        public PoolDraft pool() {
            return pools.get(0);
        }

        public InstanceDraft instance(String id) {
            return sqlInstances.stream()
                    .filter(instance -> id.equals(instance.id))
                    .findFirst()
                    .orElseThrow();
        }

        /** A SQL Server 2012 instance on port 1433 run by the sample's service account. */
        public InstanceDraft addInstance(String id, String host, String instanceName, String site, String edition) {
            InstanceDraft instance = InstanceDraft.of(new SqlInstance(
                    id, host, instanceName, 1433, site, SqlVersion.V2012, edition, "CONTOSO\\svc-sqlpc"));
            sqlInstances.add(instance);
            return instance;
        }

        public Topology build() {
            return new Topology(
                    name,
                    sites,
                    sqlInstances.stream().map(InstanceDraft::build).toList(),
                    pools.stream().map(PoolDraft::build).toList());
        }
    }

    public static final class InstanceDraft {
        public String id;
        public String host;
        public String instance;
        public int port;
        public String site;
        public SqlVersion version;
        public String edition;
        public String serviceAccount;

        public static InstanceDraft of(SqlInstance from) {
            InstanceDraft draft = new InstanceDraft();
            draft.id = from.id();
            draft.host = from.host();
            draft.instance = from.instance();
            draft.port = from.port();
            draft.site = from.site();
            draft.version = from.version();
            draft.edition = from.edition();
            draft.serviceAccount = from.serviceAccount();
            return draft;
        }

        SqlInstance build() {
            return new SqlInstance(id, host, instance, port, site, version, edition, serviceAccount);
        }
    }

    public static final class PoolDraft {
        public String fqdn;
        public String serviceIdentity;
        public String activeServersIdentity;
        public String primarySite;
        public String secondarySite;
        public SiteLink siteLink;
        public NextHopPool nextHopPool;
        public String fileStore;
        public final List<ServerDraft> servers = new ArrayList<>();
        public final List<DatabaseDraft> databases = new ArrayList<>();
        public Mirroring mirroring;
        public LogShippingDraft logShipping;
        public Objectives objectives;

        static PoolDraft of(Pool from) {
            PoolDraft draft = new PoolDraft();
            draft.fqdn = from.fqdn();
            draft.serviceIdentity = from.serviceIdentity();
            draft.activeServersIdentity = from.activeServersIdentity();
            draft.primarySite = from.primarySite();
            draft.secondarySite = from.secondarySite();
            draft.siteLink = from.siteLink();
            draft.nextHopPool = from.nextHopPool();
            draft.fileStore = from.fileStore();
            from.servers().forEach(server -> draft.addServer(server.fqdn(), server.site(), server.active()));
            from.databases().forEach(database -> draft.databases.add(DatabaseDraft.of(database)));
            draft.mirroring = from.mirroring();
            draft.logShipping = from.logShipping() == null ? null : LogShippingDraft.of(from.logShipping());
            draft.objectives = from.objectives();
            return draft;
        }

        public ServerDraft server(String fqdn) {
            return servers.stream()
                    .filter(server -> fqdn.equals(server.fqdn))
                    .findFirst()
                    .orElseThrow();
        }

        public ServerDraft addServer(String fqdn, String site, boolean active) {
            ServerDraft server = ServerDraft.of(fqdn, site, active);
            servers.add(server);
            return server;
        }

        /** Every server of the site active or idle. */
        public void setActive(String site, boolean active) {
            servers.stream().filter(server -> site.equals(server.site)).forEach(server -> server.active = active);
        }

        public DatabaseDraft addDatabase(
                String name,
                DatabaseKind kind,
                String primary,
                String mirror,
                String witness,
                String backup,
                String backupMirror,
                String backupWitness) {
            DatabaseDraft database = DatabaseDraft.of(
                    new Database(name, kind, primary, mirror, witness, backup, backupMirror, backupWitness, null));
            databases.add(database);
            return database;
        }

        public DatabaseDraft mgc() {
            return database("mgc");
        }

        public DatabaseDraft mgccomp() {
            return database("mgccomp");
        }

        public DatabaseDraft database(String name) {
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

    public static final class ServerDraft {
        public String fqdn;
        public String site;
        public boolean active;

        public static ServerDraft of(String fqdn, String site, boolean active) {
            ServerDraft server = new ServerDraft();
            server.fqdn = fqdn;
            server.site = site;
            server.active = active;
            return server;
        }

        Server build() {
            return new Server(fqdn, site, active);
        }
    }

    public static final class DatabaseDraft {
        public String name;
        public DatabaseKind kind;
        public String primary;
        public String mirror;
        public String witness;
        public String backup;
        public String backupMirror;
        public String backupWitness;
        public String availabilityGroup;

        static DatabaseDraft of(Database from) {
            DatabaseDraft draft = new DatabaseDraft();
            draft.name = from.name();
            draft.kind = from.kind();
            draft.primary = from.primary();
            draft.mirror = from.mirror();
            draft.witness = from.witness();
            draft.backup = from.backup();
            draft.backupMirror = from.backupMirror();
            draft.backupWitness = from.backupWitness();
            draft.availabilityGroup = from.availabilityGroup();
            return draft;
        }

        Database build() {
            return new Database(
                    name, kind, primary, mirror, witness, backup, backupMirror, backupWitness, availabilityGroup);
        }
    }

    public static final class LogShippingDraft {
        public String share;
        public String primaryLocalPath;
        public String copyDestination;
        public int backupEveryMinutes;
        public int copyEveryMinutes;
        public int restoreEveryMinutes;
        public int restoreDelayMinutes;
        public int backupAlertMinutes;
        public int restoreAlertMinutes;
        public int fileRetentionMinutes;
        public String monitor;

        static LogShippingDraft of(LogShipping from) {
            LogShippingDraft draft = new LogShippingDraft();
            draft.share = from.share();
            draft.primaryLocalPath = from.primaryLocalPath();
            draft.copyDestination = from.copyDestination();
            draft.backupEveryMinutes = from.backupEveryMinutes();
            draft.copyEveryMinutes = from.copyEveryMinutes();
            draft.restoreEveryMinutes = from.restoreEveryMinutes();
            draft.restoreDelayMinutes = from.restoreDelayMinutes();
            draft.backupAlertMinutes = from.backupAlertMinutes();
            draft.restoreAlertMinutes = from.restoreAlertMinutes();
            draft.fileRetentionMinutes = from.fileRetentionMinutes();
            draft.monitor = from.monitor();
            return draft;
        }

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
