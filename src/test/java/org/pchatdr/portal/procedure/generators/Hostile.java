package org.pchatdr.portal.procedure.generators;

import java.util.List;
import org.pchatdr.portal.topology.Contoso;
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

/** Topologies with values in places the samples never put them, for the quoting tests. */
final class Hostile {

    /** A database name that closes an identifier and a string, then runs a statement. */
    static final String DATABASE = "mgc']; DROP DATABASE [x";

    private Hostile() {}

    /** Contoso with the primary instance {@code par-sql-1} renamed and both shares replaced. */
    static Topology contosoWith(String primaryInstanceName, String primaryHost, String share) {
        return Contoso.with(d -> {
            d.instance("par-sql-1").instance = primaryInstanceName;
            d.instance("par-sql-1").host = primaryHost;
            Mirroring mirroring = d.pool().mirroring;
            d.pool().mirroring = new Mirroring(mirroring.partnerPort(), mirroring.witnessPort(), share);
            d.pool().logShipping.share = share;
        });
    }

    /**
     * A small stretched pool with a hostile value in every field the site switch scripts quote: the
     * database, the log-shipping share and copy folder, hosts and instances, the server that
     * becomes active, both identities and the seed share.
     */
    static Topology pool(String copyFolder) {
        SqlInstance primary =
                new SqlInstance("p", "sql'1.example", "PC]HAT", 1433, "A", SqlVersion.V2012, "Enterprise", "DOM\\svc");
        SqlInstance mirror = new SqlInstance("m", "sql2.example", null, 1433, "A", SqlVersion.V2012, "Enterprise", "x");
        SqlInstance backup =
                new SqlInstance("b", "sql'3.example", "B'K;UP", 1433, "B", SqlVersion.V2012, "Enterprise", "DOM\\svc");
        SqlInstance backupMirror =
                new SqlInstance("bm", "sql4.example", null, 1433, "B", SqlVersion.V2012, "Enterprise", "x");
        Pool pool = new Pool(
                "pchat.example",
                "PersistentChatServer:o'brien.example;$(evil)",
                "Coll'ection",
                "A",
                "B",
                SiteLink.HIGH_BANDWIDTH,
                new NextHopPool("fe.example", "Europe/Paris"),
                "\\\\fs\\files",
                List.of(
                        new Server("pc1.example", "A", true),
                        new Server("pc2.example", "A", false),
                        new Server("pc'11.example", "B", false)),
                List.of(new Database(DATABASE, DatabaseKind.CHAT, "p", "m", null, "b", "bm", null, null)),
                new Mirroring(5022, 7022, "\\\\seed'share"),
                new LogShipping("\\\\fs'1\\log;ship]", null, copyFolder, 15, 15, 15, 0, 60, 45, 4320, null),
                new Objectives(30, 60));
        return new Topology(
                "hostile",
                List.of(new Site("A", "a", "Europe/Paris"), new Site("B", "b", "Europe/Paris")),
                List.of(primary, mirror, backup, backupMirror),
                List.of(pool));
    }

    /** {@link #pool} whose first server's name ends in a line break. */
    static Topology poolWithAServerNameEndingInALineBreak() {
        Contoso.Draft draft = Contoso.Draft.of(pool("D:\\copy"));
        draft.pool().servers.clear();
        draft.pool().addServer("pc1.example\n", "A", true);
        draft.pool().addServer("pc2.example", "B", true);
        return draft.build();
    }
}
