package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProcedureJsonTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30.123456Z");

    private final Topology contoso = Contoso.topology();
    private final Procedure procedure = Procedures.generate(
            contoso,
            new Procedure.TopologyRef("Contoso \"prod\"", 4, "ab12"),
            "pchat.contoso.local",
            EchoGenerator.NAME,
            null,
            Locale.ENGLISH,
            NOW);
    private final JsonNode json = JsonMapper.builder().build().readTree(ProcedureJson.write(procedure));

    @Test
    void fieldsComeInTheOrderOfTheIssue() {
        assertThat(names(json))
                .containsExactly("procedure", "variant", "pool", "topology", "generatedAt", "warnings", "steps");
        assertThat(names(json.get("topology"))).containsExactly("name", "version", "sha256");
        assertThat(names(json.get("warnings").get(0))).containsExactly("ruleId", "message");
        assertThat(names(json.get("steps").get(0)))
                .containsExactly(
                        "number",
                        "ruleId",
                        "title",
                        "purpose",
                        "target",
                        "language",
                        "script",
                        "expected",
                        "verify",
                        "warnings",
                        "undo");
        assertThat(names(json.get("steps").get(0).get("target"))).containsExactly("kind", "name", "site");
    }

    @Test
    void valuesAreWrittenAsTheyAreWithNullsAndUtcTime() {
        assertThat(json.get("procedure").asString()).isEqualTo("test-echo");
        assertThat(json.get("variant").asString()).isEqualTo("plain");
        assertThat(json.get("topology").get("name").asString()).isEqualTo("Contoso \"prod\"");
        assertThat(json.get("topology").get("version").asInt()).isEqualTo(4);
        assertThat(json.get("generatedAt").asString()).isEqualTo("2026-11-26T10:15:30.123Z");
        JsonNode first = json.get("steps").get(0);
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("target").get("kind").asString()).isEqualTo("SQL_INSTANCE");
        assertThat(first.get("language").asString()).isEqualTo("TSQL");
        assertThat(first.get("script").asString())
                .isEqualTo(procedure.steps().getFirst().script());
        assertThat(first.get("warnings").get(0).get("ruleId").asString()).isEqualTo("P-2");
        JsonNode last = json.get("steps").get(3);
        assertThat(last.get("script").isNull()).isTrue();
        assertThat(last.get("verify").isNull()).isTrue();
        assertThat(last.get("undo").isNull()).isTrue();
        assertThat(last.get("language").asString()).isEqualTo("NONE");
        assertThat(last.get("warnings").isArray()).isTrue();
        assertThat(last.get("warnings").size()).isZero();
    }

    @Test
    void textsWithQuotesBackslashesAndOtherScriptsSurviveTheRoundTrip() {
        String tricky = "C:\\share\\\"x\" — ’é’ 日本 \u2028 \t\u0001 😀";
        Procedure.Step step = new Procedure.Step(
                1,
                "M-1",
                tricky,
                tricky,
                new Procedure.Target(Procedure.TargetKind.FILE_SYSTEM, tricky, null),
                Procedure.Language.POWERSHELL,
                tricky,
                null,
                null,
                List.of(),
                tricky);
        Procedure single = new Procedure("p", null, "pool", null, null, List.of(), List.of(step));

        JsonNode read = JsonMapper.builder().build().readTree(ProcedureJson.write(single));

        assertThat(read.get("steps").get(0).get("script").asString()).isEqualTo(tricky);
        assertThat(read.get("steps").get(0).get("target").get("site").isNull()).isTrue();
        assertThat(read.get("topology").isNull()).isTrue();
        assertThat(read.get("variant").isNull()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
