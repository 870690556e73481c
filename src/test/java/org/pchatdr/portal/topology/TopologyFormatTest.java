package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pchatdr.portal.topology.ReadResult.Read;
import org.pchatdr.portal.topology.ReadResult.Unreadable;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TopologyFormatTest {

    static final List<String> SAMPLES = TopologySamples.NAMES;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void namesWindowsAndActiveDirectoryAcceptAreReadAsWrittenAndWrittenBack() {
        Topology topology = TopologySamples.read(Contoso.textWithLegalNames());

        Pool pool = topology.pools().getFirst();
        assertThat(pool.logShipping().share()).isEqualTo("\\\\fs01\\o'brien-logship");
        assertThat(pool.fileStore()).isEqualTo("\\\\fs01\\Logs & Backups$");
        assertThat(pool.mirroring().fileShare()).isEqualTo("\\\\fs01\\Journaux d'expédition");
        assertThat(topology.sqlInstances())
                .extracting(SqlInstance::serviceAccount)
                .containsOnly("FABRIKAM\\o'neill");
        assertThat(TopologySamples.read(TopologyFormat.write(topology))).isEqualTo(topology);
    }

    @Test
    void theContosoSampleReadsIntoTheValuesItDescribes() {
        Topology topology = Contoso.topology();

        assertThat(topology.name()).isEqualTo("Contoso production");
        assertThat(topology.sites())
                .containsExactly(
                        new Site("PAR", "Paris - Saint-Denis", "Europe/Paris"),
                        new Site("LYO", "Lyon - Vaise", "Europe/Paris"));
        assertThat(topology.sqlInstances()).hasSize(5);
        assertThat(topology.sqlInstances().get(0))
                .isEqualTo(new SqlInstance(
                        "par-sql-1",
                        "sqlpc01.contoso.local",
                        "PCHAT",
                        1433,
                        "PAR",
                        SqlVersion.V2012,
                        "Enterprise",
                        "CONTOSO\\svc-sqlpc"));
        assertThat(topology.sqlInstance("par-wit").orElseThrow().instance()).isNull();
        assertThat(topology.sqlInstance("par-wit").orElseThrow().edition()).isEqualTo("Standard");

        Pool pool = topology.pools().getFirst();
        assertThat(pool.fqdn()).isEqualTo("pchat.contoso.local");
        assertThat(pool.serviceIdentity()).isEqualTo("PersistentChatServer:pchat.contoso.local");
        assertThat(pool.activeServersIdentity()).isNull();
        assertThat(pool.primarySite()).isEqualTo("PAR");
        assertThat(pool.secondarySite()).isEqualTo("LYO");
        assertThat(pool.siteLink()).isEqualTo(SiteLink.HIGH_BANDWIDTH);
        assertThat(pool.nextHopPool()).isEqualTo(new NextHopPool("fepool-par.contoso.local", "Europe/Paris"));
        assertThat(pool.fileStore()).isEqualTo("\\\\fs01.contoso.local\\pchat-files");
        assertThat(pool.servers()).hasSize(8);
        assertThat(pool.servers().get(2)).isEqualTo(new Server("pc03.contoso.local", "PAR", false));
        assertThat(pool.servers().stream().filter(Server::active).map(Server::fqdn))
                .containsExactly(
                        "pc01.contoso.local", "pc02.contoso.local", "pc11.contoso.local", "pc12.contoso.local");
        assertThat(pool.databases())
                .containsExactly(new Database(
                        "mgc",
                        DatabaseKind.CHAT,
                        "par-sql-1",
                        "par-sql-2",
                        "par-wit",
                        "lyo-sql-1",
                        "lyo-sql-2",
                        null,
                        null));
        assertThat(pool.complianceEnabled()).isFalse();
        assertThat(pool.mirroring()).isEqualTo(new Mirroring(5022, 7022, "\\\\fs01.contoso.local\\pchat-mirror-seed"));
        assertThat(pool.logShipping())
                .isEqualTo(new LogShipping(
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
                        "par-wit"));
        assertThat(pool.objectives()).isEqualTo(new Objectives(30, 60));
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void everySampleReadsWithoutError(String name) {
        assertThat(TopologyFormat.read(TopologySamples.text(name))).isInstanceOf(Read.class);
    }

    @Test
    void omittedFieldsTakeTheirDefaults() {
        Topology northwind = TopologySamples.topology(TopologySamples.NORTHWIND);
        Pool pool = northwind.pools().getFirst();

        assertThat(pool.serviceIdentity()).isEqualTo("PersistentChatServer:pchat.northwind.ch");
        assertThat(northwind.sqlInstance("gva-mgc-1").orElseThrow().port()).isEqualTo(1433);
        assertThat(northwind.sqlInstance("gva-comp-1").orElseThrow().port()).isEqualTo(1434);
        assertThat(pool.mirroring()).isEqualTo(new Mirroring(5022, 7022, "\\\\dfs.northwind.ch\\SQL-Amorçage"));
        assertThat(pool.complianceEnabled()).isTrue();
    }

    @Test
    void aMissingMirroringSectionMeansDefaultPortsAndNoSeedShare() {
        String withoutMirroring = Contoso.textWith("""
                      "mirroring": {
                        "partnerPort": 5022,
                        "witnessPort": 7022,
                        "fileShare": "\\\\\\\\fs01.contoso.local\\\\pchat-mirror-seed"
                      },
                """, "");

        Topology topology = read(withoutMirroring);

        assertThat(topology.pools().getFirst().mirroring()).isEqualTo(new Mirroring(5022, 7022, null));
    }

    @Test
    void fieldsLeftToTheRulesMayBeAbsentOrNull() {
        String document = Contoso.textWith(
                        "\"fileStore\": \"\\\\\\\\fs01.contoso.local\\\\pchat-files\",", "\"fileStore\": null,")
                .replaceFirst("\"serviceIdentity\": \"PersistentChatServer:pchat.contoso.local\",", "")
                .replaceFirst("(?s)\"logShipping\": \\{.*?\\},", "");

        Pool pool = read(document).pools().getFirst();

        assertThat(pool.fileStore()).isNull();
        assertThat(pool.logShipping()).isNull();
        assertThat(pool.serviceIdentity()).isEqualTo("PersistentChatServer:pchat.contoso.local");
    }

    @Test
    void logShippingShareAndCopyDestinationMayBeAbsentForRuleT15() {
        String document = Contoso.textWith("\"share\": \"\\\\\\\\fs01.contoso.local\\\\pchat-logship\",", "")
                .replace("\"copyDestination\": \"D:\\\\PChatLogShipCopy\",", "\"copyDestination\": null,");

        LogShipping logShipping = read(document).pools().getFirst().logShipping();

        assertThat(logShipping.share()).isNull();
        assertThat(logShipping.copyDestination()).isNull();
        assertThat(logShipping.monitor()).isEqualTo("par-wit");
    }

    @Test
    void anAvailabilityGroupIsReadForRuleT12AndWrittenOnlyWhenSet() {
        String document = Contoso.textWith(
                "\"backupWitness\": null", "\"backupWitness\": null, \"availabilityGroup\": \"AG_PCHAT\"");

        Topology topology = read(document);

        assertThat(topology.pools().getFirst().databases().getFirst().availabilityGroup())
                .isEqualTo("AG_PCHAT");
        assertThat(TopologyFormat.write(topology)).contains("\"availabilityGroup\": \"AG_PCHAT\"");
        assertThat(TopologyFormat.write(Contoso.topology())).doesNotContain("availabilityGroup");
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void readingWhatWasWrittenGivesTheSameTopology(String name) {
        Topology topology = TopologySamples.topology(name);

        assertThat(read(TopologyFormat.write(topology))).isEqualTo(topology);
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void writingIsDeterministic(String name) {
        Topology topology = TopologySamples.topology(name);
        String written = TopologyFormat.write(topology);

        assertThat(TopologyFormat.write(TopologySamples.topology(name))).isEqualTo(written);
        assertThat(TopologyFormat.write(read(written))).isEqualTo(written);
    }

    @Test
    void writingTheContosoSampleReproducesIt() throws Exception {
        String sample = Contoso.text();
        String written = TopologyFormat.write(Contoso.topology());

        JsonNode expected = JSON.readTree(sample);
        assertThat(JSON.readTree(written)).isEqualTo(expected);
        assertThat(written).as("same layout as the published sample").isEqualTo(sample);
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void writtenDocumentsUseTwoSpaceIndentationAndUnixLineEnds(String name) {
        String written = TopologyFormat.write(TopologySamples.topology(name));

        assertThat(written).doesNotContain("\r").doesNotContain("\t").endsWith("}\n");
        assertThat(written.lines()).isNotEmpty().allSatisfy(line -> {
            assertThat(line).doesNotEndWith(" ");
            assertThat((line.length() - line.stripLeading().length()) % 2).isZero();
        });
        assertThat(written.lines().toList().get(1)).isEqualTo("  \"format\": \"pchat-dr-topology/1\",");
    }

    @Test
    void nullsAreWrittenAsNull() {
        String written = TopologyFormat.write(TopologySamples.topology(TopologySamples.TAILSPIN));

        assertThat(written)
                .contains("\"instance\": null")
                .contains("\"witness\": null")
                .contains("\"backupMirror\": null")
                .contains("\"monitor\": null")
                .contains("\"activeServersIdentity\": null");
    }

    @Test
    void omittedDefaultsAreWrittenOut() {
        String written = TopologyFormat.write(TopologySamples.topology(TopologySamples.NORTHWIND));

        assertThat(written)
                .contains("\"serviceIdentity\": \"PersistentChatServer:pchat.northwind.ch\"")
                .contains("\"partnerPort\": 5022")
                .contains("\"witnessPort\": 7022");
    }

    @Test
    void displayNamesKeepQuotesBracketsAndLettersOfEveryScript() {
        String name = "Contoso \"prod\" [Paris]; 東京 — Москва 🚀 'x'";
        Topology topology = Contoso.with(d -> d.name = name);

        String written = TopologyFormat.write(topology);

        assertThat(read(written).name()).isEqualTo(name);
        assertThat(written).contains("\"name\": \"Contoso \\\"prod\\\" [Paris]; 東京 — Москва 🚀 'x'\"");
    }

    @Test
    void theHashIsTheSha256OfTheWrittenDocument() throws Exception {
        Topology topology = Contoso.topology();
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest(TopologyFormat.write(topology).getBytes(StandardCharsets.UTF_8));

        assertThat(TopologyFormat.sha256(topology))
                .isEqualTo(HexFormat.of().formatHex(expected))
                .hasSize(64)
                .isEqualTo(TopologyFormat.sha256(Contoso.topology()))
                .isNotEqualTo(TopologyFormat.sha256(TopologySamples.topology(TopologySamples.FABRIKAM)));
    }

    @Test
    void theHashChangesWithOneFlag() {
        Topology topology = Contoso.topology();
        Topology changed = read(TopologyFormat.write(topology).replaceFirst("\"active\": true", "\"active\": false"));

        assertThat(TopologyFormat.sha256(changed)).isNotEqualTo(TopologyFormat.sha256(topology));
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertThat(TopologyFormat.read("\uFEFF" + Contoso.text())).isInstanceOf(Read.class);
    }

    @Test
    void aDocumentAtTheLimitIsRead() {
        String sample = Contoso.text();
        String padded = sample + " ".repeat(TopologyFormat.MAX_DOCUMENT_CHARS - sample.length());

        assertThat(padded).hasSize(TopologyFormat.MAX_DOCUMENT_CHARS);
        assertThat(TopologyFormat.read(padded)).isInstanceOf(Read.class);
    }

    @Test
    void aDocumentOverTheLimitIsRefusedUnread() {
        String tooLong = "{" + " ".repeat(TopologyFormat.MAX_DOCUMENT_CHARS) + "}";

        assertThat(TopologyFormat.read(tooLong))
                .isEqualTo(new Unreadable(
                        List.of(new StructuralError("$", "import.too-large", List.of("1048578", "1048576")))));
    }

    static Topology read(String document) {
        ReadResult result = TopologyFormat.read(document);
        if (result instanceof Unreadable unreadable) {
            throw new AssertionError("Unreadable: " + unreadable.errors());
        }
        return ((Read) result).topology();
    }
}
