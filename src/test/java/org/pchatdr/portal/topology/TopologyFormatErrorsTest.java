package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatdr.portal.topology.ReadResult.Read;
import org.pchatdr.portal.topology.ReadResult.Unreadable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One test per kind of structural error: where it is reported, with which message and arguments. */
class TopologyFormatErrorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void malformedJsonIsReportedWithLineColumnAndTheTextAround() {
        String document = Contoso.textWith("\"name\": \"Contoso production\",", "\"name\": \"Contoso production\"");

        List<StructuralError> errors = errors(document);

        assertThat(errors).hasSize(1);
        StructuralError error = errors.getFirst();
        assertThat(error.path()).isEqualTo("$");
        assertThat(error.messageKey()).isEqualTo("import.json-syntax");
        assertThat(error.arguments().get(0)).isEqualTo("4");
        assertThat(error.arguments().get(1)).isEqualTo("3");
        assertThat(error.arguments().get(2)).isEqualTo("\"sites\": [");
    }

    @Test
    void aTruncatedDocumentSaysItEndsTooEarly() {
        String sample = Contoso.text();

        List<StructuralError> errors = errors(sample.substring(0, sample.indexOf("\"sqlInstances\"")));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("$");
            assertThat(error.messageKey()).isEqualTo("import.json-truncated");
            assertThat(error.arguments()).hasSize(2);
        });
    }

    @Test
    void contentAfterTheDocumentIsRefused() {
        String sample = Contoso.text();
        String nextLine = Long.toString(sample.lines().count() + 1);

        assertThat(errors(sample + "{}"))
                .containsExactly(new StructuralError("$", "import.json-trailing", List.of(nextLine, "1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\t ", "\uFEFF"})
    void anEmptyDocumentIsReportedAsEmpty(String document) {
        assertThat(errors(document)).containsExactly(new StructuralError("$", "import.empty", List.of()));
    }

    @Test
    void aNullTextIsReportedAsEmpty() {
        assertThat(errors((String) null)).containsExactly(new StructuralError("$", "import.empty", List.of()));
    }

    @Test
    void deepNestingStopsAtTheParserLimit() {
        assertThat(errors("[".repeat(10_000) + "]".repeat(10_000)))
                .singleElement()
                .extracting(StructuralError::messageKey)
                .isEqualTo("import.json-limit");
    }

    @Test
    void aDocumentThatIsNotAnObjectSaysWhatItIs() {
        assertThat(errors("[1, 2]")).containsExactly(new StructuralError("$", "import.type.object", List.of("[…]")));
        assertThat(errors("\"pchat\""))
                .containsExactly(new StructuralError("$", "import.type.object", List.of("\"pchat\"")));
    }

    @Test
    void aNumberWrittenAsTextIsAWrongType() {
        assertThat(errors(Contoso.textWith("\"port\": 1433", "\"port\": \"1433\"")))
                .containsExactly(
                        new StructuralError("sqlInstances[0].port", "import.type.integer", List.of("\"1433\"")));
    }

    @Test
    void aNumberWithAFractionIsNotAWholeNumber() {
        assertThat(errors(Contoso.textWith("\"rpoMinutes\": 30", "\"rpoMinutes\": 30.0")))
                .containsExactly(
                        new StructuralError("pools[0].objectives.rpoMinutes", "import.type.integer", List.of("30.0")));
    }

    @Test
    void otherWrongTypesNameTheExpectedType() {
        assertThat(errors(Contoso.textWith("\"active\": true", "\"active\": \"true\"")))
                .containsExactly(
                        new StructuralError("pools[0].servers[0].active", "import.type.boolean", List.of("\"true\"")));
        assertThat(errors(Contoso.textWith("\"name\": \"Contoso production\"", "\"name\": 42")))
                .containsExactly(new StructuralError("name", "import.type.string", List.of("42")));
        assertThat(errors(Contoso.textWith(
                        "\"nextHopPool\": { \"fqdn\": \"fepool-par.contoso.local\", \"timeZone\": \"Europe/Paris\" }",
                        "\"nextHopPool\": \"fepool-par.contoso.local\"")))
                .containsExactly(new StructuralError(
                        "pools[0].nextHopPool", "import.type.object", List.of("\"fepool-par.contoso.local\"")));
        assertThat(errors(Contoso.textWith("\"primary\": \"par-sql-1\"", "\"primary\": null")))
                .containsExactly(
                        new StructuralError("pools[0].databases[0].primary", "import.type.string", List.of("null")));
    }

    @Test
    void aListThatIsNotAListIsOneErrorWithoutDanglingReferences() {
        ObjectNode root = contosoTree();
        root.set("sites", JSON.createObjectNode().put("id", "PAR"));

        assertThat(errors(root)).containsExactly(new StructuralError("sites", "import.type.array", List.of("{…}")));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThat(errors(Contoso.textWith(", \"edition\": \"Enterprise\"", "")))
                .containsExactly(new StructuralError("sqlInstances[0].edition", "import.required", List.of("edition")));
        assertThat(errors(Contoso.textWith("\"format\": \"pchat-dr-topology/1\",", "")))
                .containsExactly(new StructuralError("format", "import.required", List.of("format")));
    }

    @Test
    void aMissingNullableFieldAsksForNull() {
        assertThat(errors(Contoso.textWith("\"instance\": \"PCHAT\", ", "")))
                .containsExactly(new StructuralError(
                        "sqlInstances[0].instance", "import.required-or-null", List.of("instance")));
        assertThat(errors(Contoso.textWith(",\n          \"backupWitness\": null", "")))
                .containsExactly(new StructuralError(
                        "pools[0].databases[0].backupWitness", "import.required-or-null", List.of("backupWitness")));
    }

    @Test
    void anUnknownFormatIsTheOnlyErrorReported() {
        String document = Contoso.textWith("pchat-dr-topology/1", "pchat-dr-topology/2")
                .replace("\"port\": 1433", "\"port\": \"x\"");

        assertThat(errors(document))
                .containsExactly(new StructuralError(
                        "format", "import.unknown-format", List.of("pchat-dr-topology/2", "pchat-dr-topology/1")));
    }

    @Test
    void unknownEnumValuesListTheAllowedOnes() {
        assertThat(errors(Contoso.textWith("HIGH_BANDWIDTH", "MEDIUM_BANDWIDTH")))
                .containsExactly(new StructuralError(
                        "pools[0].siteLink",
                        "import.unknown-value",
                        List.of("MEDIUM_BANDWIDTH", "HIGH_BANDWIDTH, LOW_BANDWIDTH")));
        assertThat(errors(Contoso.textWith("\"version\": \"2012\"", "\"version\": \"2019\"")))
                .containsExactly(new StructuralError(
                        "sqlInstances[0].version",
                        "import.unknown-value",
                        List.of("2019", "2008R2, 2012, 2014, 2016")));
        assertThat(errors(Contoso.textWith("\"kind\": \"CHAT\"", "\"kind\": \"chat\"")))
                .containsExactly(new StructuralError(
                        "pools[0].databases[0].kind", "import.unknown-value", List.of("chat", "CHAT, COMPLIANCE")));
    }

    @Test
    void danglingReferencesNameTheMissingId() {
        assertThat(errors(Contoso.textWith(
                        "{ \"fqdn\": \"pc14.contoso.local\", \"site\": \"LYO\"",
                        "{ \"fqdn\": \"pc14.contoso.local\", \"site\": \"NYC\"")))
                .containsExactly(
                        new StructuralError("pools[0].servers[7].site", "import.unknown-site", List.of("NYC")));
        assertThat(errors(Contoso.textWith("\"mirror\": \"par-sql-2\"", "\"mirror\": \"par-sql-9\"")))
                .containsExactly(new StructuralError(
                        "pools[0].databases[0].mirror", "import.unknown-instance", List.of("par-sql-9")));
        assertThat(errors(Contoso.textWith("\"monitor\": \"par-wit\"", "\"monitor\": \"PAR-WIT\"")))
                .containsExactly(new StructuralError(
                        "pools[0].logShipping.monitor", "import.unknown-instance", List.of("PAR-WIT")));
        assertThat(errors(Contoso.textWith("\"secondarySite\": \"LYO\"", "\"secondarySite\": \"lyo\"")))
                .containsExactly(new StructuralError("pools[0].secondarySite", "import.unknown-site", List.of("lyo")));
    }

    @Test
    void duplicateIdsPointToTheFirstUse() {
        ObjectNode root = contosoTree();
        ((ArrayNode) root.get("sites"))
                .add(JSON.createObjectNode()
                        .put("id", "par")
                        .put("name", "Paris again")
                        .put("timeZone", "Europe/Paris"));
        ObjectNode copy = ((ObjectNode) root.get("sqlInstances").get(4)).deepCopy();
        copy.put("host", "sqlpc13.contoso.local");
        ((ArrayNode) root.get("sqlInstances")).add(copy);

        assertThat(errors(root))
                .containsExactly(
                        new StructuralError("sites[2].id", "import.duplicate-id", List.of("par", "sites[0].id")),
                        new StructuralError(
                                "sqlInstances[5].id",
                                "import.duplicate-id",
                                List.of("lyo-sql-2", "sqlInstances[4].id")));
    }

    @Test
    void duplicateServerFqdnsAreFoundWhateverTheirCase() {
        assertThat(errors(Contoso.textWith("\"pc03.contoso.local\"", "\"PC01.Contoso.Local\"")))
                .containsExactly(new StructuralError(
                        "pools[0].servers[2].fqdn",
                        "import.duplicate-fqdn",
                        List.of("PC01.Contoso.Local", "pools[0].servers[0].fqdn")));
    }

    @Test
    void duplicateFqdnsAreFoundAcrossPools() {
        ObjectNode root = contosoTree();
        ObjectNode second = ((ObjectNode) root.get("pools").get(0)).deepCopy();
        second.put("fqdn", "PCHAT.contoso.local");
        second.put("serviceIdentity", "PersistentChatServer:pchat2.contoso.local");
        ArrayNode servers = JSON.createArrayNode();
        servers.add(JSON.createObjectNode()
                .put("fqdn", "pc21.contoso.local")
                .put("site", "PAR")
                .put("active", true));
        servers.add(JSON.createObjectNode()
                .put("fqdn", "pc12.contoso.local")
                .put("site", "LYO")
                .put("active", true));
        second.set("servers", servers);
        ((ArrayNode) root.get("pools")).add(second);

        assertThat(errors(root))
                .containsExactly(
                        new StructuralError(
                                "pools[1].fqdn",
                                "import.duplicate-fqdn",
                                List.of("PCHAT.contoso.local", "pools[0].fqdn")),
                        new StructuralError(
                                "pools[1].servers[1].fqdn",
                                "import.duplicate-fqdn",
                                List.of("pc12.contoso.local", "pools[0].servers[5].fqdn")));
    }

    @Test
    void aPoolHoldsOneDatabaseOfEachKind() {
        ObjectNode root = contosoTree();
        ArrayNode databases = (ArrayNode) root.get("pools").get(0).get("databases");
        databases.add(databases.get(0).deepCopy());

        assertThat(errors(root))
                .containsExactly(new StructuralError(
                        "pools[0].databases[1].kind",
                        "import.duplicate-kind",
                        List.of("CHAT", "pools[0].databases[0].kind")));
    }

    @Test
    void theSameSqlInstanceUnderTwoIdsIsRefused() {
        ObjectNode root = contosoTree();
        ObjectNode copy = ((ObjectNode) root.get("sqlInstances").get(0)).deepCopy();
        copy.put("id", "par-sql-1-bis");
        copy.put("host", "SQLPC01.contoso.local");
        copy.put("instance", "pchat");
        ((ArrayNode) root.get("sqlInstances")).add(copy);

        assertThat(errors(root))
                .containsExactly(new StructuralError(
                        "sqlInstances[5]",
                        "import.duplicate-instance",
                        List.of("SQLPC01.contoso.local\\pchat", "sqlInstances[0]")));
    }

    @Test
    void unknownFieldsAreRefusedAndTheAllowedOnesListed() {
        assertThat(errors(Contoso.textWith("\"active\": true }", "\"active\": true, \"colour\": \"red\" }")))
                .containsExactly(new StructuralError(
                        "pools[0].servers[0].colour", "import.unknown-field", List.of("colour", "fqdn, site, active")));
        assertThat(errors(Contoso.textWith(
                        "\"name\": \"Contoso production\",", "\"name\": \"Contoso production\", \"a b\": 1,")))
                .containsExactly(new StructuralError(
                        "$[\"a b\"]",
                        "import.unknown-field",
                        List.of("a b", "format, name, sites, sqlInstances, pools")));
    }

    @Test
    void aRepeatedJsonKeyIsReported() {
        assertThat(errors(Contoso.textWith("\"active\": true }", "\"active\": true, \"active\": false }")))
                .containsExactly(
                        new StructuralError("pools[0].servers[0].active", "import.duplicate-key", List.of("active")));
    }

    @Test
    void malformedFqdnsAreRefused() {
        assertThat(errors(Contoso.textWith("\"pc01.contoso.local\"", "\"pc01..contoso.local\"")))
                .containsExactly(
                        new StructuralError("pools[0].servers[0].fqdn", "import.fqdn", List.of("pc01..contoso.local")));
        assertThat(errors(Contoso.textWith("\"host\": \"sqlpc01.contoso.local\"", "\"host\": \"sqlpc01\"")))
                .containsExactly(new StructuralError("sqlInstances[0].host", "import.fqdn", List.of("sqlpc01")));
    }

    @Test
    void malformedInstanceNamesAreRefused() {
        assertThat(errors(Contoso.textWith("\"instance\": \"PCHAT\"", "\"instance\": \"1PCHAT\"")))
                .containsExactly(
                        new StructuralError("sqlInstances[0].instance", "import.instance-name", List.of("1PCHAT")));
        assertThat(errors(Contoso.textWith("\"instance\": \"PCHAT\"", "\"instance\": \"MSSQLSERVER\"")))
                .containsExactly(new StructuralError(
                        "sqlInstances[0].instance", "import.instance-reserved", List.of("MSSQLSERVER")));
        assertThat(errors(Contoso.textWith("\"instance\": \"PCHAT\"", "\"instance\": \"Default\"")))
                .containsExactly(new StructuralError(
                        "sqlInstances[0].instance", "import.instance-reserved", List.of("Default")));
    }

    @Test
    void namesWindowsActiveDirectoryOrSqlServerRefuseAreRefusedWithTheCharacter() {
        assertThat(errors(Contoso.textWith("pchat-logship", "logs[old]")))
                .containsExactly(new StructuralError(
                        "pools[0].logShipping.share",
                        "import.share-character",
                        List.of("\\\\fs01.contoso.local\\logs[old]", "logs[old]", "[", "U+005B")));
        assertThat(errors(Contoso.textWith("PChatLogShipCopy", "Copie\\\\what?")))
                .containsExactly(new StructuralError(
                        "pools[0].logShipping.copyDestination",
                        "import.file-name-character",
                        List.of("D:\\Copie\\what?", "what?", "?", "U+003F")));
        assertThat(errors(Contoso.textWith("CONTOSO\\\\svc-sqlpc", "CONTOSO\\\\svc@contoso")))
                .containsExactly(new StructuralError(
                        "sqlInstances[0].serviceAccount",
                        "import.account-character",
                        List.of("CONTOSO\\svc@contoso", "@", "U+0040")));
        assertThat(errors(Contoso.textWith("\"instance\": \"PCHAT\"", "\"instance\": \"PC'HAT\"")))
                .containsExactly(new StructuralError(
                        "sqlInstances[0].instance", "import.instance-character", List.of("PC'HAT", "'", "U+0027")));
    }

    @Test
    void malformedPathsAreRefused() {
        assertThat(errors(Contoso.textWith("pchat-files", "pchat|files")))
                .containsExactly(new StructuralError(
                        "pools[0].fileStore",
                        "import.share-character",
                        List.of("\\\\fs01.contoso.local\\pchat|files", "pchat|files", "|", "U+007C")));
        assertThat(errors(Contoso.textWith("\"\\\\\\\\fs01.contoso.local\\\\pchat-files\"", "\"fs01\\\\files\"")))
                .containsExactly(new StructuralError("pools[0].fileStore", "import.unc-path", List.of("fs01\\files")));
        assertThat(errors(Contoso.textWith("\"primaryLocalPath\": null", "\"primaryLocalPath\": \"D:LogShip\"")))
                .containsExactly(new StructuralError(
                        "pools[0].logShipping.primaryLocalPath", "import.local-path", List.of("D:LogShip")));
        assertThat(errors(Contoso.textWith("\"D:\\\\PChatLogShipCopy\"", "\"PChatLogShipCopy\"")))
                .containsExactly(new StructuralError(
                        "pools[0].logShipping.copyDestination", "import.folder", List.of("PChatLogShipCopy")));
    }

    @Test
    void malformedServiceAccountsAreRefused() {
        assertThat(errors(Contoso.textWith("\"CONTOSO\\\\svc-sqlpc\"", "\"svc-sqlpc\"")))
                .containsExactly(new StructuralError(
                        "sqlInstances[0].serviceAccount", "import.service-account", List.of("svc-sqlpc")));
    }

    @Test
    void portsOutOfRangeAreRefused() {
        assertThat(errors(Contoso.textWith("\"port\": 1433", "\"port\": 70000")))
                .containsExactly(new StructuralError("sqlInstances[0].port", "import.port", List.of("70000")));
        assertThat(errors(Contoso.textWith("\"partnerPort\": 5022", "\"partnerPort\": 0")))
                .containsExactly(new StructuralError("pools[0].mirroring.partnerPort", "import.port", List.of("0")));
        assertThat(errors(Contoso.textWith("\"port\": 1433", "\"port\": 99999999999999999999999")))
                .containsExactly(
                        new StructuralError("sqlInstances[0].port", "import.port", List.of("99999999999999999999999")));
    }

    @Test
    void minutesMustNotBeNegativeAndSchedulesRunAtLeastEveryMinute() {
        assertThat(errors(Contoso.textWith("\"restoreDelayMinutes\": 0", "\"restoreDelayMinutes\": -1")))
                .containsExactly(new StructuralError(
                        "pools[0].logShipping.restoreDelayMinutes", "import.minutes", List.of("-1")));
        assertThat(errors(Contoso.textWith("\"copyEveryMinutes\": 15", "\"copyEveryMinutes\": 0")))
                .containsExactly(new StructuralError(
                        "pools[0].logShipping.copyEveryMinutes", "import.schedule-minutes", List.of("0")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z", "+01:00", "UTC+01:00", "Europe/Pariss", "europe/paris", "Romance Standard Time"})
    void timeZonesMustBeIanaRegionIds(String zone) {
        assertThat(errors(Contoso.textWith("\"timeZone\": \"Europe/Paris\" },", "\"timeZone\": \"" + zone + "\" },")))
                .containsExactly(new StructuralError("sites[0].timeZone", "import.time-zone", List.of(zone)));
    }

    @Test
    void namesMustNotBeBlankNorTooLong() {
        assertThat(errors(Contoso.textWith("\"Contoso production\"", "\"   \"")))
                .containsExactly(new StructuralError("name", "import.blank", List.of()));
        assertThat(errors(Contoso.textWith("\"Contoso production\"", "\"" + "é".repeat(201) + "\"")))
                .containsExactly(new StructuralError("name", "import.too-long", List.of("201", "200")));
    }

    @Test
    void controlCharactersAreRefusedAnywhere() {
        assertThat(errors(Contoso.textWith("\"Contoso production\"", "\"Contoso\\u0007production\"")))
                .containsExactly(new StructuralError("name", "import.control-character", List.of("\\u0007")));
        assertThat(errors(Contoso.textWith("\"pc01.contoso.local\"", "\"pc01.contoso.local\\n\"")))
                .containsExactly(new StructuralError(
                        "pools[0].servers[0].fqdn", "import.control-character", List.of("\\u000A")));
        assertThat(errors(Contoso.textWith("\"Lyon - Vaise\"", "\"Lyon \\u202Eesiav\"")))
                .containsExactly(new StructuralError("sites[1].name", "import.control-character", List.of("\\u202E")));
        assertThat(errors(Contoso.textWith("\"monitor\": \"par-wit\"", "\"monitor\": \"par-wit\\u0000\"")))
                .containsExactly(new StructuralError(
                        "pools[0].logShipping.monitor", "import.control-character", List.of("\\u0000")));
    }

    @Test
    void technicalIdentifiersRefuseHostileText() {
        ObjectNode root = contosoTree();
        ((ArrayNode) root.get("sites"))
                .add(JSON.createObjectNode()
                        .put("id", "MRS';--")
                        .put("name", "Marseille")
                        .put("timeZone", "Europe/Paris"));
        ((ObjectNode) root.get("pools").get(0)).put("activeServersIdentity", "service: pchat.contoso.local");
        ((ObjectNode) root.get("pools").get(0).get("databases").get(0)).put("name", "mgc]; DROP DATABASE mgc; --");
        ((ObjectNode) root.get("sqlInstances").get(0)).put("edition", "Enterprise\"");

        assertThat(errors(root))
                .containsExactly(
                        new StructuralError("sites[2].id", "import.identifier", List.of("MRS';--")),
                        new StructuralError("sqlInstances[0].edition", "import.edition", List.of("Enterprise\"")),
                        new StructuralError(
                                "pools[0].activeServersIdentity",
                                "import.cmdlet-identity",
                                List.of("service: pchat.contoso.local")),
                        new StructuralError(
                                "pools[0].databases[0].name",
                                "import.sql-name",
                                List.of("mgc]; DROP DATABASE mgc; --")));
    }

    @Test
    void hostileValuesAreShownEscapedAndShortened() {
        String hostile = "pc\\\"01;]" + "x".repeat(5_000);
        List<StructuralError> errors = errors(Contoso.textWith("\"pc01.contoso.local\"", "\"" + hostile + "\""));

        assertThat(errors)
                .containsExactly(
                        new StructuralError("pools[0].servers[0].fqdn", "import.too-long", List.of("5007", "253")));
        List<StructuralError> shown =
                errors(Contoso.textWith("\"pc01.contoso.local\"", "\"pc\\\"01;]" + "x".repeat(100) + "\""));
        assertThat(shown).singleElement().satisfies(error -> {
            assertThat(error.messageKey()).isEqualTo("import.fqdn");
            assertThat(error.arguments().getFirst())
                    .startsWith("pc\"01;]xxx")
                    .endsWith("…")
                    .hasSize(61);
        });
    }

    @Test
    void keysWithHostileCharactersAreEscapedInPaths() {
        assertThat(errors(Contoso.textWith(
                        "\"name\": \"Contoso production\",",
                        "\"name\": \"Contoso production\", \"x\\\"]\\u0000\": 1,")))
                .containsExactly(new StructuralError(
                        "$[\"x\\\"]\\\\u0000\"]",
                        "import.unknown-field",
                        List.of("x\"]\\u0000", "format, name, sites, sqlInstances, pools")));
    }

    @Test
    void allStructuralErrorsAreReportedTogether() {
        String document = Contoso.textWith("\"port\": 1433", "\"port\": 65536")
                .replaceFirst("\"timeZone\": \"Europe/Paris\" },", "\"timeZone\": \"Europe/Lutece\" },")
                .replace(
                        "{ \"fqdn\": \"pc13.contoso.local\", \"site\": \"LYO\"",
                        "{ \"fqdn\": \"pc13.contoso.local\", \"site\": \"GVA\"")
                .replace("\"pc14.contoso.local\"", "\"PC11.contoso.local\"")
                .replace("\"rtoMinutes\": 60", "\"rtoMinutes\": 60, \"rtoHours\": 1");

        assertThat(errors(document))
                .containsExactlyInAnyOrder(
                        new StructuralError("sites[0].timeZone", "import.time-zone", List.of("Europe/Lutece")),
                        new StructuralError("sqlInstances[0].port", "import.port", List.of("65536")),
                        new StructuralError("pools[0].servers[6].site", "import.unknown-site", List.of("GVA")),
                        new StructuralError(
                                "pools[0].servers[7].fqdn",
                                "import.duplicate-fqdn",
                                List.of("PC11.contoso.local", "pools[0].servers[4].fqdn")),
                        new StructuralError(
                                "pools[0].objectives.rtoHours",
                                "import.unknown-field",
                                List.of("rtoHours", "rpoMinutes, rtoMinutes")));
    }

    @Test
    void aDuplicateKeyDoesNotHideOtherErrors() {
        String document = Contoso.textWith("\"active\": true }", "\"active\": true, \"active\": true }")
                .replaceFirst("\"port\": 1433", "\"port\": -5");

        assertThat(errors(document))
                .extracting(StructuralError::messageKey)
                .containsExactly("import.duplicate-key", "import.port");
    }

    private static ObjectNode contosoTree() {
        return (ObjectNode) JSON.readTree(Contoso.text());
    }

    private static List<StructuralError> errors(ObjectNode document) {
        return errors(JSON.writeValueAsString(document));
    }

    private static List<StructuralError> errors(String document) {
        ReadResult result = TopologyFormat.read(document);
        assertThat(result).isInstanceOf(Unreadable.class).isNotInstanceOf(Read.class);
        return ((Unreadable) result).errors();
    }
}
