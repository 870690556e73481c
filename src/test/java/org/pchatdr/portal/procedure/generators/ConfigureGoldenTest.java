package org.pchatdr.portal.procedure.generators;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.procedure.ProcedureDump;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologySamples;

/** The complete output of each configuration procedure for each sample, reviewed against the domain reference. */
class ConfigureGoldenTest {

    /** Every variant of every configuration procedure, for every sample: each route is its own golden (C-9). */
    static Stream<Arguments> procedures() {
        return GeneratedProcedures.all().stream()
                .flatMap(generator -> generator.variants().stream()
                        .flatMap(variant -> TopologySamples.NAMES.stream()
                                .map(sample -> Arguments.of(generator, variant, sample))));
    }

    @ParameterizedTest(name = "{0} ({1}) for {2}")
    @MethodSource("procedures")
    void procedureMatchesItsReviewedGolden(ProcedureGenerator generator, String variant, String sample) {
        String name = generator.name() + "-" + variant + "-" + sample.substring(0, sample.indexOf('-')) + "-en";
        ProcedureDump.assertMatchesGolden(
                name, GeneratedProcedures.of(generator, TopologySamples.topology(sample), variant, Locale.ENGLISH));
    }

    @Test
    void contosoMirroringInFrenchMatchesItsReviewedGolden() {
        ProcedureDump.assertMatchesGolden(
                "configure-mirroring-cmdlet-contoso-fr",
                GeneratedProcedures.of(new ConfigureMirroring(), Contoso.topology(), Locale.FRENCH));
    }

    @Test
    void contosoPrincipalLostInFrenchMatchesItsReviewedGolden() {
        ProcedureDump.assertMatchesGolden(
                "mirroring-failover-principal-lost-contoso-fr",
                GeneratedProcedures.of(new MirroringFailover(), Contoso.topology(), "principal-lost", Locale.FRENCH));
    }
}
