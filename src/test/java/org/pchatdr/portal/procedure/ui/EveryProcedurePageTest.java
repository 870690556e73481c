package org.pchatdr.portal.procedure.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.Procedures;
import org.pchatdr.portal.testsupport.KaribuTest;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;

/** Every procedure in every variant shows on the procedure page, step by step, for every golden topology. */
class EveryProcedurePageTest extends KaribuTest {

    @Autowired
    TopologyService topologies;

    static Stream<Arguments> everyProcedureOfEverySample() {
        List<Arguments> cases = new ArrayList<>();
        for (String sample : TopologySamples.NAMES) {
            for (String name : Procedures.names()) {
                List<String> variants = Procedures.generator(name).orElseThrow().variants();
                for (String variant : variants.isEmpty() ? List.of("") : variants) {
                    cases.add(Arguments.of(sample, name, variant));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("everyProcedureOfEverySample")
    void thePageShowsEveryStep(String sample, String name, String variant) {
        Topology topology = TopologySamples.topology(sample);
        signIn("page-author", Role.OPERATOR);
        long id = topologies.create(topology, null).topologyId();
        signIn("page-approver", Role.APPROVER);
        topologies.publish(id, 1);
        signIn("page-reader", Role.AUDITOR);
        String pool = topology.pools().getFirst().fqdn();
        int steps = Procedures.generate(
                        topology,
                        new Procedure.TopologyRef(topology.name(), 1, "-"),
                        pool,
                        name,
                        variant.isEmpty() ? null : variant,
                        Locale.ENGLISH,
                        Instant.EPOCH)
                .steps()
                .size();

        navigate(
                "topologies/" + id + "/procedures",
                QueryParameters.simple(
                        variant.isEmpty()
                                ? Map.of("pool", pool, "procedure", name)
                                : Map.of("pool", pool, "procedure", name, "variant", variant)));

        _assertNone(Div.class, spec -> spec.withId("procedure-message"));
        assertThat(_find(Div.class, spec -> spec.withClasses("procedure-step"))).hasSize(steps);
    }

    @Test
    void everyVariantIsOfferedByItsTranslatedNameInEnglishAndFrench() {
        Topology topology = Contoso.topology();
        signIn("variant-author", Role.OPERATOR);
        long id = topologies.create(topology, null).topologyId();
        signIn("variant-approver", Role.APPROVER);
        topologies.publish(id, 1);
        signIn("variant-reader", Role.AUDITOR);
        String pool = topology.pools().getFirst().fqdn();
        Map<String, List<String>> english = Map.of(
                "configure-mirroring",
                List.of("Lync cmdlets (Install-CsMirrorDatabase)", "T-SQL scripts"),
                "configure-log-shipping",
                List.of("T-SQL scripts", "SQL Server Management Studio dialog"),
                "mirroring-failover",
                List.of(
                        "planned, to the mirror",
                        "planned, back to the primary",
                        "principal lost, forced service (possible data loss)"));
        english.forEach(
                (name, labels) -> assertThat(variantLabels(id, pool, name)).containsExactlyElementsOf(labels));

        chooseLanguage(Locale.FRENCH);
        assertThat(variantLabels(id, pool, "mirroring-failover"))
                .containsExactly(
                        "planifié, vers le miroir",
                        "planifié, retour vers le principal",
                        "principal perdu, service forcé (perte de données possible)");
        assertThat(variantLabels(id, pool, "configure-log-shipping-from-mirror"))
                .containsExactly("scripts T-SQL", "boîte de dialogue de SQL Server Management Studio");
    }

    /** The labels of the variant choice on the page of procedure {@code name}, the default first. */
    @SuppressWarnings("unchecked")
    private List<String> variantLabels(long id, String pool, String name) {
        navigate("topologies/" + id + "/procedures", QueryParameters.simple(Map.of("pool", pool, "procedure", name)));
        Select<String> choice = _get(Select.class, spec -> spec.withId("variant-choice"));
        assertThat(choice.getValue()).isEqualTo(choice.getListDataView().getItem(0));
        return choice.getListDataView()
                .getItems()
                .map(choice.getItemLabelGenerator()::apply)
                .toList();
    }
}
