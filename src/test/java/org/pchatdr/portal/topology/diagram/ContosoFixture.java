package org.pchatdr.portal.topology.diagram;

import java.util.ArrayList;
import java.util.List;
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
 * The sample {@code shared/samples/contoso-stretched.json} as records, and the variations the
 * diagram tests need (compliance on, the largest legal pool, fewer copies, misplaced copies).
 */
final class ContosoFixture {

    static final String POOL = "pchat.contoso.local";

    private ContosoFixture() {}

    static Topology contoso() {
        return topology(instances(), servers(), List.of(mgc()));
    }

    /** Compliance on, with {@code mgccomp} on dedicated instances like {@code mgc}'s. */
    static Topology withCompliance() {
        return topology(complianceInstances(), servers(), List.of(mgc(), mgccomp("par-comp-wit", "lyo-comp-2", null)));
    }

    /** 8 servers, both databases, every one of the six copies of each: the largest legal pool. */
    static Topology largest() {
        Database mgc = new Database(
                "mgc",
                DatabaseKind.CHAT,
                "par-sql-1",
                "par-sql-2",
                "par-wit",
                "lyo-sql-1",
                "lyo-sql-2",
                "lyo-wit",
                null);
        return topology(
                complianceInstances(), servers(), List.of(mgc, mgccomp("par-comp-wit", "lyo-comp-2", "lyo-comp-wit")));
    }

    static Topology topology(List<SqlInstance> instances, List<Server> servers, List<Database> databases) {
        return new Topology("Contoso production", sites(), instances, List.of(pool(servers, databases)));
    }

    static List<Site> sites() {
        return List.of(
                new Site("PAR", "Paris - Saint-Denis", "Europe/Paris"),
                new Site("LYO", "Lyon - Vaise", "Europe/Paris"));
    }

    static List<SqlInstance> instances() {
        return List.of(
                instance("par-sql-1", "sqlpc01.contoso.local", "PCHAT", "PAR", "Enterprise"),
                instance("par-sql-2", "sqlpc02.contoso.local", "PCHAT", "PAR", "Enterprise"),
                instance("par-wit", "sqlwit01.contoso.local", null, "PAR", "Standard"),
                instance("lyo-sql-1", "sqlpc11.contoso.local", "PCHAT", "LYO", "Enterprise"),
                instance("lyo-sql-2", "sqlpc12.contoso.local", "PCHAT", "LYO", "Enterprise"));
    }

    static List<SqlInstance> complianceInstances() {
        List<SqlInstance> all = new ArrayList<>(instances());
        all.add(instance("lyo-wit", "sqlwit11.contoso.local", null, "LYO", "Standard"));
        all.add(instance("par-comp-1", "sqlcomp01.contoso.local", "PCHATCOMP", "PAR", "Enterprise"));
        all.add(instance("par-comp-2", "sqlcomp02.contoso.local", "PCHATCOMP", "PAR", "Enterprise"));
        all.add(instance("par-comp-wit", "sqlwit02.contoso.local", "COMPWIT", "PAR", "Standard"));
        all.add(instance("lyo-comp-1", "sqlcomp11.contoso.local", "PCHATCOMP", "LYO", "Enterprise"));
        all.add(instance("lyo-comp-2", "sqlcomp12.contoso.local", "PCHATCOMP", "LYO", "Enterprise"));
        all.add(instance("lyo-comp-wit", "sqlwit12.contoso.local", "COMPWIT", "LYO", "Standard"));
        return all;
    }

    static SqlInstance instance(String id, String host, String instance, String site, String edition) {
        return new SqlInstance(id, host, instance, 1433, site, SqlVersion.V2012, edition, "CONTOSO\\svc-sqlpc");
    }

    static List<Server> servers() {
        return List.of(
                new Server("pc01.contoso.local", "PAR", true),
                new Server("pc02.contoso.local", "PAR", true),
                new Server("pc03.contoso.local", "PAR", false),
                new Server("pc04.contoso.local", "PAR", false),
                new Server("pc11.contoso.local", "LYO", true),
                new Server("pc12.contoso.local", "LYO", true),
                new Server("pc13.contoso.local", "LYO", false),
                new Server("pc14.contoso.local", "LYO", false));
    }

    static Database mgc() {
        return new Database(
                "mgc", DatabaseKind.CHAT, "par-sql-1", "par-sql-2", "par-wit", "lyo-sql-1", "lyo-sql-2", null, null);
    }

    static Database mgccomp(String witness, String backupMirror, String backupWitness) {
        return new Database(
                "mgccomp",
                DatabaseKind.COMPLIANCE,
                "par-comp-1",
                "par-comp-2",
                witness,
                "lyo-comp-1",
                backupMirror,
                backupWitness,
                null);
    }

    static Pool pool(List<Server> servers, List<Database> databases) {
        return new Pool(
                POOL,
                Pool.defaultServiceIdentity(POOL),
                null,
                "PAR",
                "LYO",
                SiteLink.HIGH_BANDWIDTH,
                new NextHopPool("fepool-par.contoso.local", "Europe/Paris"),
                "\\\\fs01.contoso.local\\pchat-files",
                servers,
                databases,
                new Mirroring(5022, 7022, "\\\\fs01.contoso.local\\pchat-mirror-seed"),
                new LogShipping(
                        "\\\\fs01.contoso.local\\pchat-logship",
                        null,
                        "D:\\PChatLogShipCopy",
                        15,
                        15,
                        15,
                        0,
                        60,
                        45,
                        4320,
                        "par-wit"),
                new Objectives(30, 60));
    }
}
