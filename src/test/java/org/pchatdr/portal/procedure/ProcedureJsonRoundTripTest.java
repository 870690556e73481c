package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologySamples;

/**
 * A run keeps its procedure as the JSON {@link ProcedureJson#write} made at request time; reading
 * it back must give the very same procedure, for every procedure of every golden topology.
 */
class ProcedureJsonRoundTripTest {

    private static final Instant GENERATED = Instant.parse("2026-11-26T10:15:30.123456Z");

    static Stream<Arguments> everyProcedureOfEverySampleInBothLanguages() {
        List<Arguments> cases = new ArrayList<>();
        for (String sample : TopologySamples.NAMES) {
            for (String name : Procedures.names()) {
                List<String> variants = Procedures.generator(name).orElseThrow().variants();
                for (String variant : variants.isEmpty() ? Collections.<String>singletonList(null) : variants) {
                    for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                        cases.add(Arguments.of(sample, name, variant, locale));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {2} ({3})")
    @MethodSource("everyProcedureOfEverySampleInBothLanguages")
    void readingBackGivesTheSameProcedureAndTheSameText(String sample, String name, String variant, Locale locale) {
        Topology topology = TopologySamples.topology(sample);
        Procedure procedure = Procedures.generate(
                topology,
                new Procedure.TopologyRef(topology.name(), 3, "ab".repeat(32)),
                topology.pools().getFirst().fqdn(),
                name,
                variant,
                locale,
                GENERATED);
        String json = ProcedureJson.write(procedure);

        Procedure read = ProcedureJson.read(json);

        assertThat(ProcedureJson.write(read)).isEqualTo(json);
        assertThat(read.steps()).isNotEmpty().isEqualTo(procedure.steps());
        assertThat(read.warnings()).isEqualTo(procedure.warnings());
        assertThat(read.topology()).isEqualTo(procedure.topology());
        assertThat(read.generatedAt()).isEqualTo(GENERATED.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void nullsAndAwkwardTextsComeBackAsTheyWere() {
        String tricky = "C:\\share\\\"x\" — ’é’ 日本 \u2028 \t\u0001 😀 \ud800";
        Procedure.Step step = new Procedure.Step(
                1,
                "M-1",
                tricky,
                null,
                new Procedure.Target(Procedure.TargetKind.FILE_SYSTEM, tricky, null),
                Procedure.Language.POWERSHELL,
                tricky,
                null,
                null,
                List.of(new Procedure.Note("P-2", tricky)),
                null);
        Procedure single = new Procedure("p", null, "pool", null, null, List.of(), List.of(step));

        assertThat(ProcedureJson.read(ProcedureJson.write(single))).isEqualTo(single);
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> ProcedureJson.read("{\"procedure\": \"p\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcedureJson.read("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
