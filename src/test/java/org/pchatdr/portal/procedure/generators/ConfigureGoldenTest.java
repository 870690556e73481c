package org.pchatdr.portal.procedure.generators;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.procedure.ProcedureDump;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.topology.TopologySamples;

/** The complete output of each configuration procedure for each sample, reviewed against the domain reference. */
class ConfigureGoldenTest {

    static Stream<Arguments> procedures() {
        return GeneratedProcedures.all().stream()
                .flatMap(generator -> TopologySamples.NAMES.stream().map(sample -> Arguments.of(generator, sample)));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("procedures")
    void procedureMatchesItsReviewedGolden(ProcedureGenerator generator, String sample) {
        String name = generator.name() + "-" + sample.substring(0, sample.indexOf('-')) + "-en";
        ProcedureDump.assertMatchesGolden(
                name, GeneratedProcedures.of(generator, TopologySamples.topology(sample), Locale.ENGLISH));
    }

    @Test
    void contosoMirroringInFrenchMatchesItsReviewedGolden() {
        ProcedureDump.assertMatchesGolden(
                "configure-mirroring-contoso-fr",
                GeneratedProcedures.of(new ConfigureMirroring(), TopologySamples.contoso(), Locale.FRENCH));
    }
}
