package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologySamples;

/**
 * C-3: every {@code *-Cs*} word in every output of every generator — scripts, checks, undo texts,
 * expected results, titles, purposes and warnings — for every sample topology, pool, variant and
 * language, is a cmdlet of {@link Cmdlets}: none the operator would look for in vain.
 */
class CmdletVocabularyTest {

    private static final Pattern CMDLET = Pattern.compile("\\b[A-Za-z]+-Cs[A-Za-z]+\\b");

    @Test
    void everyCmdletAnyProcedureNamesIsADocumentedOne() {
        Map<String, String> unknown = new TreeMap<>();
        int generated = 0;
        for (String name : Procedures.names()) {
            ProcedureGenerator generator = Procedures.generator(name).orElseThrow();
            List<String> variants =
                    generator.variants().isEmpty() ? Arrays.asList((String) null) : generator.variants();
            for (String sample : TopologySamples.NAMES) {
                Topology topology = TopologySamples.topology(sample);
                for (Topology.Pool pool : topology.pools()) {
                    for (String variant : variants) {
                        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                            Procedure procedure;
                            try {
                                procedure = Procedures.generate(
                                        topology,
                                        new Procedure.TopologyRef(topology.name(), 1, "0".repeat(64)),
                                        pool.fqdn(),
                                        name,
                                        variant,
                                        locale,
                                        Instant.parse("2026-12-01T09:30:00Z"));
                            } catch (ProcedureException notApplicable) {
                                continue;
                            }
                            generated++;
                            String where = name + " " + variant + " " + sample + " " + locale;
                            for (String text : outputs(procedure)) {
                                Matcher matcher = CMDLET.matcher(text);
                                while (matcher.find()) {
                                    if (!Cmdlets.isDocumented(matcher.group())) {
                                        unknown.putIfAbsent(matcher.group(), where);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(generated).isGreaterThanOrEqualTo(Procedures.names().size() * 2);
        assertThat(unknown)
                .as("cmdlets no Microsoft page documents, with where they first appear")
                .isEmpty();
    }

    @Test
    void theListHasNoCmdletThatDoesNotExistAndSaysWhereEachIsDocumented() {
        assertThat(Cmdlets.isDocumented("Get-CsPersistentChatActiveServer")).isFalse();
        assertThat(Cmdlets.isDocumented("set-cspersistentchatactiveserver")).isTrue();
        assertThat(Cmdlets.all())
                .isNotEmpty()
                .allSatisfy(cmdlet -> assertThat(Cmdlets.source(cmdlet))
                        .hasValueSatisfying(
                                source -> assertThat(source).startsWith("PS " + cmdlet.toLowerCase(Locale.ROOT))));
    }

    private static List<String> outputs(Procedure procedure) {
        List<String> texts = new ArrayList<>();
        procedure.warnings().forEach(note -> texts.add(note.message()));
        for (Procedure.Step step : procedure.steps()) {
            texts.add(step.title());
            texts.add(step.purpose());
            texts.add(step.script());
            texts.add(step.expected());
            texts.add(step.verify());
            texts.add(step.undo());
            step.warnings().forEach(note -> texts.add(note.message()));
        }
        texts.removeIf(text -> text == null);
        return texts;
    }
}
