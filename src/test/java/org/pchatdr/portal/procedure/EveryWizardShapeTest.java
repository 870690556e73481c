package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.topology.StretchedPoolTemplate;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.SiteLink;

/**
 * Every shape the new-pool wizard can produce (link class × compliance × witness × backup mirror)
 * gets every procedure in every variant, in both languages: a newcomer never meets a crash.
 */
class EveryWizardShapeTest {

    static Stream<Arguments> everyShapeAndProcedure() {
        List<Arguments> cases = new ArrayList<>();
        for (SiteLink link : SiteLink.values()) {
            for (boolean compliance : new boolean[] {false, true}) {
                for (boolean witness : new boolean[] {false, true}) {
                    for (boolean backupMirror : new boolean[] {false, true}) {
                        StretchedPoolTemplate d = StretchedPoolTemplate.defaults();
                        Topology topology = new StretchedPoolTemplate(
                                        d.deploymentName(),
                                        d.primarySite(),
                                        d.secondarySite(),
                                        d.poolFqdn(),
                                        d.dnsDomain(),
                                        link,
                                        compliance,
                                        witness,
                                        backupMirror,
                                        d.sqlVersion(),
                                        d.edition(),
                                        d.serviceAccount(),
                                        d.nextHopPoolFqdn(),
                                        d.fileStore(),
                                        d.logShippingShare(),
                                        d.mirroringSeedShare(),
                                        d.copyDestination(),
                                        d.partnerPort(),
                                        d.witnessPort(),
                                        d.rpoMinutes(),
                                        d.rtoMinutes())
                                .topology();
                        String shape = link
                                + (compliance ? " compliance" : "")
                                + (witness ? " witness" : "")
                                + (backupMirror ? " backup-mirror" : "");
                        for (String name : Procedures.names()) {
                            List<String> variants =
                                    Procedures.generator(name).orElseThrow().variants();
                            for (String variant : variants.isEmpty() ? List.of("") : variants) {
                                cases.add(Arguments.of(shape, topology, name, variant));
                            }
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {2} {3}")
    @MethodSource("everyShapeAndProcedure")
    void generatesInBothLanguages(String shape, Topology topology, String name, String variant) {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
            Procedure procedure = Procedures.generate(
                    topology,
                    new Procedure.TopologyRef(topology.name(), 1, "-"),
                    topology.pools().getFirst().fqdn(),
                    name,
                    variant.isEmpty() ? null : variant,
                    locale,
                    Instant.EPOCH);

            assertThat(procedure.steps()).as(shape + " " + locale).isNotEmpty();
            assertThat(ProcedureMarkdown.write(procedure, ProcedureTexts.of(locale)))
                    .contains("```");
        }
    }
}
