package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologySamples;

/** What applies to a pool is exactly what can be written for it, found without the caller trying each. */
class ProceduresApplicableTest {

    static List<String> samples() {
        return TopologySamples.NAMES;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aProcedureAndVariantIsOfferedExactlyWhenItCanBeWritten(String sample) {
        Topology topology = TopologySamples.topology(sample);
        for (Topology.Pool pool : topology.pools()) {
            List<String> offered = new ArrayList<>();
            for (Procedures.Applicable applicable : Procedures.applicable(topology, pool.fqdn())) {
                if (applicable.variants().isEmpty()) {
                    offered.add(applicable.procedure());
                } else {
                    applicable.variants().forEach(variant -> offered.add(applicable.procedure() + "/" + variant));
                }
            }

            assertThat(offered).isNotEmpty().isEqualTo(writable(topology, pool.fqdn()));
        }
    }

    @Test
    void nothingAppliesToATopologyThatBreaksAnErrorLevelRule() {
        Topology broken = Contoso.withErrors();

        assertThat(Procedures.applicable(broken, broken.pools().getFirst().fqdn()))
                .isEmpty();
    }

    @Test
    void anUnknownPoolIsRefused() {
        assertThatThrownBy(() -> Procedures.applicable(Contoso.topology(), "nowhere.contoso.local"))
                .isInstanceOf(ProcedureException.class)
                .extracting(e -> ((ProcedureException) e).reason())
                .isEqualTo(ProcedureException.Reason.UNKNOWN_POOL);
    }

    private static List<String> writable(Topology topology, String pool) {
        List<String> writable = new ArrayList<>();
        for (String name : Procedures.names()) {
            List<String> variants = Procedures.generator(name).orElseThrow().variants();
            for (String variant : variants.isEmpty() ? Collections.<String>singletonList(null) : variants) {
                try {
                    Procedures.generate(topology, null, pool, name, variant, Locale.ENGLISH, Instant.EPOCH);
                    writable.add(variant == null ? name : name + "/" + variant);
                } catch (ProcedureException e) {
                    assertThat(e.reason()).isEqualTo(ProcedureException.Reason.NOT_APPLICABLE);
                }
            }
        }
        return writable;
    }
}
