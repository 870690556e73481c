package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.procedure.ProcedureDump;
import org.pchatdr.portal.topology.TopologySamples;

/**
 * The complete output of every procedure, every variant of it (each route is its own golden, C-9)
 * and every sample, reviewed line by line against the domain reference; a few in French too. One
 * naming scheme: {@code <procedure>[-<variant>]-<sample>-<language>.txt} under
 * {@code src/test/resources/golden}.
 */
class ProcedureGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    /** Reviewed in French as well: one configuration, one mirroring failover, one site failover. */
    private static Stream<Arguments> french() {
        return Stream.of(
                Arguments.of("configure-mirroring", "cmdlet", TopologySamples.CONTOSO, Locale.FRENCH),
                Arguments.of("mirroring-failover", "principal-lost", TopologySamples.CONTOSO, Locale.FRENCH),
                Arguments.of("site-failover", "unplanned", TopologySamples.CONTOSO, Locale.FRENCH));
    }

    static Stream<Arguments> goldens() {
        Stream<Arguments> english = GeneratedProcedures.routes()
                .flatMap(route -> TopologySamples.NAMES.stream()
                        .map(sample -> Arguments.of(route.get()[0], route.get()[1], sample, Locale.ENGLISH)));
        return Stream.concat(english, french());
    }

    @ParameterizedTest(name = "{0} ({1}) for {2} in {3}")
    @MethodSource("goldens")
    void everyProcedureMatchesItsReviewedGolden(String procedure, String variant, String sample, Locale language) {
        ProcedureDump.assertMatchesGolden(
                name(procedure, variant, sample, language),
                GeneratedProcedures.of(
                        GeneratedProcedures.generator(procedure), TopologySamples.topology(sample), variant, language));
    }

    /** A golden no route reads any more would pass unnoticed while reviewers keep reading it. */
    @Test
    void everyGoldenFileBelongsToARoute() throws IOException {
        Set<String> expected = goldens()
                .map(arguments -> {
                    Object[] values = arguments.get();
                    return name((String) values[0], (String) values[1], (String) values[2], (Locale) values[3])
                            + ".txt";
                })
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(GOLDEN)) {
            Set<String> present =
                    files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(present).isEqualTo(expected);
        }
    }

    private static String name(String procedure, String variant, String sample, Locale language) {
        return procedure
                + (variant == null ? "" : "-" + variant)
                + "-" + sample.substring(0, sample.indexOf('-'))
                + "-" + language.getLanguage();
    }
}
