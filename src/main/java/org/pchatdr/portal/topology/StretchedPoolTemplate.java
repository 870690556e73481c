package org.pchatdr.portal.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The answers of the "new stretched pool" wizard, and the documented shape they produce: eight
 * Persistent Chat servers, four per site, laid out as rule T-5 asks for the link between the sites
 * (high bandwidth: 2 active + 2 idle in each site; low bandwidth: the 4 primary-site servers active,
 * the 4 secondary-site servers idle), and one SQL Server instance per copy of each database, placed
 * as T-8…T-11 ask. Host names are generated in {@code dnsDomain}: {@code pc01}…{@code pc04} and
 * {@code pc11}…{@code pc14} for Persistent Chat, {@code sqlpc…}, {@code sqlwit…}, {@code sqlmon01}
 * for SQL Server, so that no two instances share a host (T-11).
 *
 * <p>The next-hop Front End pool takes the primary site's time zone. With a high-bandwidth link the
 * secondary site's servers are active too, so T-7 reports an error when the two sites' time zones
 * differ: {@link TopologyRules#check} tells the user, the template does not hide it.
 */
public record StretchedPoolTemplate(
        String deploymentName,
        Site primarySite,
        Site secondarySite,
        String poolFqdn,
        String dnsDomain,
        SiteLink siteLink,
        boolean compliance,
        boolean witness,
        boolean backupMirror,
        SqlVersion sqlVersion,
        String edition,
        String serviceAccount,
        String nextHopPoolFqdn,
        String fileStore,
        String logShippingShare,
        String mirroringSeedShare,
        String copyDestination,
        int partnerPort,
        int witnessPort,
        int rpoMinutes,
        int rtoMinutes) {

    public static final int SERVERS_PER_SITE = 4;
    public static final int DEFAULT_PARTNER_PORT = 5022;
    public static final int DEFAULT_WITNESS_PORT = 7022;
    public static final int SQL_PORT = 1433;
    /** SQL Server's own log-shipping defaults (L-3), and a 15-minute cadence for the three jobs. */
    public static final int SCHEDULE_MINUTES = 15;

    /** The shortest RPO the default cadence can meet (T-18): backup, copy and restore, one after the other. */
    public static final int DEFAULT_RPO_MINUTES = 3 * SCHEDULE_MINUTES;

    public static final int BACKUP_ALERT_MINUTES = 60;
    public static final int RESTORE_ALERT_MINUTES = 45;
    public static final int FILE_RETENTION_MINUTES = 4320;
    static final String INSTANCE_NAME = "PCHAT";

    /** Values a newcomer can keep: Contoso-style names, the documented ports, SQL Server 2012. */
    public static StretchedPoolTemplate defaults() {
        return new StretchedPoolTemplate(
                "Contoso Persistent Chat",
                new Site("DC1", "Data center 1", "Europe/Paris"),
                new Site("DC2", "Data center 2", "Europe/Paris"),
                "pchat.contoso.local",
                "contoso.local",
                SiteLink.HIGH_BANDWIDTH,
                false,
                true,
                true,
                SqlVersion.V2012,
                "Enterprise",
                "CONTOSO\\svc-sqlpc",
                "fepool.contoso.local",
                share("contoso.local", FILE_STORE_SHARE),
                share("contoso.local", LOG_SHIPPING_SHARE),
                share("contoso.local", SEED_SHARE),
                "D:\\PChatLogShipCopy",
                DEFAULT_PARTNER_PORT,
                DEFAULT_WITNESS_PORT,
                DEFAULT_RPO_MINUTES,
                60);
    }

    public static final String FILE_STORE_SHARE = "pchat-files";
    public static final String LOG_SHIPPING_SHARE = "pchat-logship";
    public static final String SEED_SHARE = "pchat-mirror-seed";

    /**
     * A share of the file server in the chosen DNS domain, {@code \\\\fs01.<domain>\\<share>}, as in
     * the sample ({@code \\\\fs01.contoso.local\\pchat-logship}): not on a SQL host (C-10).
     */
    public static String share(String dnsDomain, String share) {
        return "\\\\fs01." + dnsDomain + "\\" + share;
    }

    /** The eight Persistent Chat servers, primary site first, active or idle as T-5 documents. */
    public static List<Server> layout(String primarySite, String secondarySite, String dnsDomain, SiteLink link) {
        List<Server> servers = new ArrayList<>();
        for (int n = 1; n <= SERVERS_PER_SITE; n++) {
            boolean active = link == SiteLink.LOW_BANDWIDTH || n <= SERVERS_PER_SITE / 2;
            servers.add(new Server(host("pc0" + n, dnsDomain), primarySite, active));
        }
        for (int n = 1; n <= SERVERS_PER_SITE; n++) {
            boolean active = link == SiteLink.HIGH_BANDWIDTH && n <= SERVERS_PER_SITE / 2;
            servers.add(new Server(host("pc1" + n, dnsDomain), secondarySite, active));
        }
        return List.copyOf(servers);
    }

    /** The topology these answers describe: one stretched pool across the two sites. */
    public Topology topology() {
        String primary = primarySite.id();
        String secondary = secondarySite.id();
        List<SqlInstance> instances = new ArrayList<>();
        Database mgc = database("mgc", DatabaseKind.CHAT, "mgc", 1, instances);
        List<Database> databases = new ArrayList<>(List.of(mgc));
        if (compliance) {
            databases.add(database("mgccomp", DatabaseKind.COMPLIANCE, "mgccomp", 3, instances));
        }
        if (witness) {
            instances.add(instance(id(primary, "witness"), "sqlwit01", null, primary));
            if (backupMirror) {
                instances.add(instance(id(secondary, "witness"), "sqlwit11", null, secondary));
            }
        }
        String monitor = id(primary, witness ? "witness" : "monitor");
        if (!witness) {
            instances.add(instance(monitor, "sqlmon01", null, primary));
        }
        Pool pool = new Pool(
                poolFqdn,
                Pool.defaultServiceIdentity(poolFqdn),
                null,
                primary,
                secondary,
                siteLink,
                new NextHopPool(nextHopPoolFqdn, primarySite.timeZone()),
                fileStore,
                layout(primary, secondary, dnsDomain, siteLink),
                databases,
                new Mirroring(partnerPort, witnessPort, mirroringSeedShare),
                new LogShipping(
                        logShippingShare,
                        null,
                        copyDestination,
                        SCHEDULE_MINUTES,
                        SCHEDULE_MINUTES,
                        SCHEDULE_MINUTES,
                        0,
                        BACKUP_ALERT_MINUTES,
                        RESTORE_ALERT_MINUTES,
                        FILE_RETENTION_MINUTES,
                        monitor),
                new Objectives(rpoMinutes, rtoMinutes));
        return new Topology(deploymentName, List.of(primarySite, secondarySite), instances, List.of(pool));
    }

    /**
     * The copies of one database on their own instances: primary and mirror on hosts {@code first}
     * and {@code first + 1} of the primary site, backup and its mirror on {@code 10 + first} and
     * {@code 11 + first} of the secondary site; the witnesses are shared by every database.
     */
    private Database database(String name, DatabaseKind kind, String prefix, int first, List<SqlInstance> instances) {
        String primary = primarySite.id();
        String secondary = secondarySite.id();
        String primaryId = id(primary, prefix + "-primary");
        String mirrorId = id(primary, prefix + "-mirror");
        String backupId = id(secondary, prefix + "-backup");
        String backupMirrorId = backupMirror ? id(secondary, prefix + "-backup-mirror") : null;
        instances.add(instance(primaryId, "sqlpc0" + first, INSTANCE_NAME, primary));
        instances.add(instance(mirrorId, "sqlpc0" + (first + 1), INSTANCE_NAME, primary));
        instances.add(instance(backupId, "sqlpc1" + first, INSTANCE_NAME, secondary));
        if (backupMirrorId != null) {
            instances.add(instance(backupMirrorId, "sqlpc1" + (first + 1), INSTANCE_NAME, secondary));
        }
        return new Database(
                name,
                kind,
                primaryId,
                mirrorId,
                witness ? id(primary, "witness") : null,
                backupId,
                backupMirrorId,
                witness && backupMirror ? id(secondary, "witness") : null,
                null);
    }

    private SqlInstance instance(String id, String hostName, String instanceName, String site) {
        return new SqlInstance(
                id, host(hostName, dnsDomain), instanceName, SQL_PORT, site, sqlVersion, edition, serviceAccount);
    }

    /** Instance ids stay within the 64 characters of an identifier, whatever the site id's length. */
    private static String id(String site, String role) {
        String prefix = site.length() > 40 ? site.substring(0, 40) : site;
        return prefix.toLowerCase(Locale.ROOT) + "-" + role;
    }

    private static String host(String name, String dnsDomain) {
        return name + "." + dnsDomain;
    }
}
