package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.Quote;
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

/** Values that would end a statement early come out quoted; values no quoting can save are refused. */
class SiteSwitchQuotingTest {

    private static final String DB = "mgc']; DROP DATABASE [x";
    private static final String SHARE = "\\\\fs'1\\log;ship]";
    private static final String IDENTITY = "PersistentChatServer:o'brien.example;$(evil)";
    private static final String SERVER = "pc'11.example";

    private static Topology hostile(String copyFolder) {
        SqlInstance primary =
                new SqlInstance("p", "sql'1.example", "PC]HAT", 1433, "A", SqlVersion.V2012, "Enterprise", "DOM\\svc");
        SqlInstance mirror = new SqlInstance("m", "sql2.example", null, 1433, "A", SqlVersion.V2012, "Enterprise", "x");
        SqlInstance backup =
                new SqlInstance("b", "sql'3.example", "B'K;UP", 1433, "B", SqlVersion.V2012, "Enterprise", "DOM\\svc");
        SqlInstance backupMirror =
                new SqlInstance("bm", "sql4.example", null, 1433, "B", SqlVersion.V2012, "Enterprise", "x");
        Pool pool = new Pool(
                "pchat.example",
                IDENTITY,
                "Coll'ection",
                "A",
                "B",
                SiteLink.HIGH_BANDWIDTH,
                new NextHopPool("fe.example", "Europe/Paris"),
                "\\\\fs\\files",
                List.of(
                        new Server("pc1.example", "A", true),
                        new Server("pc2.example", "A", false),
                        new Server(SERVER, "B", false)),
                List.of(new Database(DB, DatabaseKind.CHAT, "p", "m", null, "b", "bm", null, null)),
                new Mirroring(5022, 7022, "\\\\seed'share"),
                new LogShipping(SHARE, null, copyFolder, 15, 15, 15, 0, 60, 45, 4320, null),
                new Objectives(30, 60));
        return new Topology(
                "hostile",
                List.of(new Site("A", "a", "Europe/Paris"), new Site("B", "b", "Europe/Paris")),
                List.of(primary, mirror, backup, backupMirror),
                List.of(pool));
    }

    private static String scripts(Procedure procedure) {
        StringBuilder all = new StringBuilder();
        for (Procedure.Step step : procedure.steps()) {
            all.append(step.script()).append('\n').append(step.verify()).append('\n');
        }
        return all.toString();
    }

    @Test
    void everyHostileValueIsQuotedInFailoverScripts() {
        String scripts = scripts(DrProcedures.english(new SiteFailover(), hostile("D:\\co'py]"), "planned"));
        assertThat(scripts)
                .contains(
                        "BACKUP LOG [mgc']]; DROP DATABASE [x] TO DISK = N'\\\\fs''1\\log;ship]\\mgc'']; DROP DATABASE [x_tail_20261201T093000Z.trn' WITH INIT, FORMAT, CHECKSUM, NORECOVERY;")
                .contains(
                        "EXEC sp_delete_log_shipping_secondary_database @secondary_database = N'mgc'']; DROP DATABASE [x';")
                .contains("RESTORE LOG [mgc']]; DROP DATABASE [x] FROM DISK = N'D:\\co''py]\\<file>' WITH NORECOVERY;")
                .contains("RESTORE DATABASE [mgc']]; DROP DATABASE [x] WITH RECOVERY;")
                .contains(
                        "RAISERROR(N'%s is not the online principal on this instance: connect to the principal (C-2).',"
                                + " 16, 1, N'mgc'']; DROP DATABASE [x');")
                .contains("ALTER DATABASE [mgc']]; DROP DATABASE [x] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;")
                .contains("Stop-CsWindowsService -Name RTCCHAT -ComputerName 'pc''11.example'")
                .contains("robocopy '\\\\fs''1\\log;ship]' 'D:\\co''py]' 'mgc'']; DROP DATABASE [x_*.trn'")
                .contains(
                        "Set-CsPersistentChatState -Identity 'PersistentChatServer:o''brien.example;$(evil)' -PoolState FailedOver")
                .contains("-SqlServerFqdn 'sql''3.example' -SqlInstanceName 'B''K;UP'")
                .contains("-FileShare '\\\\seed''share'")
                .contains(
                        "Set-CsPersistentChatActiveServer -Identity 'Coll''ection' -ActiveServers @{Add='pc''11.example'}")
                .doesNotContain("[" + DB + "]")
                .doesNotContain("N'" + DB + "'")
                .doesNotContain("'" + DB);
    }

    @Test
    void everyHostileValueIsQuotedInFailbackScripts() {
        String scripts = scripts(DrProcedures.english(new SiteFailback(), hostile("D:\\copy"), null));
        assertThat(scripts)
                .contains("ALTER DATABASE [mgc']]; DROP DATABASE [x] SET PARTNER OFF;")
                .contains("WHERE database_id = DB_ID(N'mgc'']; DROP DATABASE [x') AND mirroring_guid IS NOT NULL)")
                .contains(
                        "BACKUP DATABASE [mgc']]; DROP DATABASE [x] TO DISK = N'\\\\fs''1\\log;ship]\\mgc'']; DROP DATABASE [x_failback_20261201T093000Z.bak' WITH INIT, FORMAT, CHECKSUM;")
                .contains(
                        "RESTORE DATABASE [mgc']]; DROP DATABASE [x] FROM DISK = N'\\\\fs''1\\log;ship]\\mgc'']; DROP DATABASE [x_failback_20261201T093000Z.bak' WITH REPLACE, RECOVERY, CHECKSUM;")
                .contains("-SqlServerFqdn 'sql''1.example' -SqlInstanceName 'PC]HAT'")
                .contains("Set-CsPersistentChatActiveServer -Identity 'Coll''ection' -ActiveServers $null")
                .contains(
                        "Set-CsPersistentChatState -Identity 'PersistentChatServer:o''brien.example;$(evil)' -PoolState Normal");
    }

    @Test
    void aControlCharacterInAValueStopsGeneration() {
        Topology topology = hostile("D:\\copy\r\nGO\r\nDROP DATABASE mgc");
        assertThatThrownBy(() -> DrProcedures.english(new SiteFailover(), topology, "unplanned"))
                .isInstanceOf(Quote.UnsafeValueException.class);
        assertThatThrownBy(() -> DrProcedures.english(new SiteFailover(), topology, "planned"))
                .isInstanceOf(Quote.UnsafeValueException.class);
    }

    @Test
    void aControlCharacterInAServerNameStopsFailback() {
        Topology base = hostile("D:\\copy");
        Pool pool = base.pools().getFirst();
        Pool bad = new Pool(
                pool.fqdn(),
                pool.serviceIdentity(),
                pool.activeServersIdentity(),
                pool.primarySite(),
                pool.secondarySite(),
                pool.siteLink(),
                pool.nextHopPool(),
                pool.fileStore(),
                List.of(new Server("pc1.example\n", "A", true), new Server("pc2.example", "B", true)),
                pool.databases(),
                pool.mirroring(),
                pool.logShipping(),
                pool.objectives());
        Topology topology = new Topology(base.name(), base.sites(), base.sqlInstances(), List.of(bad));
        assertThatThrownBy(() -> DrProcedures.english(new SiteFailback(), topology, null))
                .isInstanceOf(Quote.UnsafeValueException.class);
    }
}
