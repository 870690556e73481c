package org.pchatdr.portal.procedure.generators;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatdr.portal.procedure.ProcedureDump;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologySamples;

/** The complete site-failover and site-failback procedures of the four samples, reviewed line by line. */
class SiteSwitchGoldenTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                TopologySamples.CONTOSO,
                TopologySamples.FABRIKAM,
                TopologySamples.NORTHWIND,
                TopologySamples.TAILSPIN
            })
    void unplannedFailoverMatchesItsReviewedText(String sample) {
        ProcedureDump.assertMatchesGolden(
                "site-failover-unplanned-" + base(sample),
                DrProcedures.english(new SiteFailover(), TopologySamples.topology(sample), "unplanned"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                TopologySamples.CONTOSO,
                TopologySamples.FABRIKAM,
                TopologySamples.NORTHWIND,
                TopologySamples.TAILSPIN
            })
    void plannedFailoverMatchesItsReviewedText(String sample) {
        ProcedureDump.assertMatchesGolden(
                "site-failover-planned-" + base(sample),
                DrProcedures.english(new SiteFailover(), TopologySamples.topology(sample), "planned"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                TopologySamples.CONTOSO,
                TopologySamples.FABRIKAM,
                TopologySamples.NORTHWIND,
                TopologySamples.TAILSPIN
            })
    void failbackMatchesItsReviewedText(String sample) {
        ProcedureDump.assertMatchesGolden(
                "site-failback-" + base(sample),
                DrProcedures.english(new SiteFailback(), TopologySamples.topology(sample), null));
    }

    @Test
    void contosoUnplannedFailoverInFrenchMatchesItsReviewedText() {
        ProcedureDump.assertMatchesGolden(
                "site-failover-unplanned-contoso-stretched.fr",
                DrProcedures.generate(new SiteFailover(), Contoso.topology(), "unplanned", Locale.FRENCH));
    }

    private static String base(String sample) {
        return sample.substring(0, sample.length() - ".json".length());
    }
}
