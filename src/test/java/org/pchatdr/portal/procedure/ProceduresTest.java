package org.pchatdr.portal.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.procedure.ProcedureException.Reason;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyFormat;

class ProceduresTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final List<String> SIX = List.of(
            "configure-mirroring",
            "configure-log-shipping",
            "configure-log-shipping-from-mirror",
            "mirroring-failover",
            "site-failover",
            "site-failback");

    private final Topology contoso = Contoso.topology();
    private final Procedure.TopologyRef ref =
            new Procedure.TopologyRef(contoso.name(), 3, TopologyFormat.sha256(contoso));

    @Test
    void namesListOnlyTheSixProceduresInTheirOrderNeverATestGenerator() {
        assertThat(Procedures.generator(EchoGenerator.NAME)).isPresent();
        assertThat(Procedures.names()).doesNotContain(EchoGenerator.NAME);
        assertThat(Procedures.names())
                .isEqualTo(SIX.stream()
                        .filter(name -> Procedures.generator(name).isPresent())
                        .toList());
        assertThat(Procedures.names())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(Procedures.generator(name)).isPresent());
    }

    @Test
    void stepsAreNumberedFromOneInOrderAndTheProcedureSaysWhereItComesFrom() {
        Procedure procedure = generate("PCHAT.contoso.local", EchoGenerator.NAME, null);

        assertThat(procedure.procedure()).isEqualTo(EchoGenerator.NAME);
        assertThat(procedure.variant()).as("the default variant").isEqualTo("plain");
        assertThat(procedure.pool()).as("as the topology spells it").isEqualTo("pchat.contoso.local");
        assertThat(procedure.topology()).isEqualTo(ref);
        assertThat(procedure.generatedAt()).isEqualTo(NOW);
        assertThat(procedure.steps()).extracting(Procedure.Step::number).containsExactly(1, 2, 3, 4);
        assertThat(procedure.steps().getFirst().script()).startsWith("ALTER DATABASE [mgc] SET PARTNER = N'TCP://");
        assertThat(procedure.warnings()).extracting(Procedure.Note::ruleId).containsExactly("P-1");
    }

    @Test
    void anUnknownProcedureIsRefused() {
        assertThatThrownBy(() -> generate("pchat.contoso.local", "site-teleport", null))
                .isInstanceOfSatisfying(ProcedureException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PROCEDURE);
                    assertThat(e.arguments()).containsExactly("site-teleport");
                });
    }

    @Test
    void anUnknownVariantIsRefusedWithTheVariantsThereAre() {
        assertThatThrownBy(() -> generate("pchat.contoso.local", EchoGenerator.NAME, "sideways"))
                .isInstanceOfSatisfying(ProcedureException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_VARIANT);
                    assertThat(e.code()).isEqualTo("procedure_variant_unknown");
                    assertThat(e.arguments()).containsExactly("sideways", EchoGenerator.NAME, "plain, unsafe");
                });
    }

    @Test
    void anUnknownPoolIsRefused() {
        assertThatThrownBy(() -> generate("pchat.fabrikam.local", EchoGenerator.NAME, null))
                .isInstanceOfSatisfying(ProcedureException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_POOL);
                    assertThat(e.arguments()).containsExactly("pchat.fabrikam.local", contoso.name());
                });
    }

    @Test
    void aTopologyWithErrorsIsRefusedWithEveryErrorLevelViolation() {
        Topology broken = Contoso.withErrors();

        assertThatThrownBy(() -> Procedures.generate(
                        broken, ref, "pchat.contoso.local", EchoGenerator.NAME, null, Locale.ENGLISH, NOW))
                .isInstanceOfSatisfying(ProcedureException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNUSABLE_TOPOLOGY);
                    assertThat(e.violations())
                            .isNotEmpty()
                            .allSatisfy(violation ->
                                    assertThat(violation.severity()).isEqualTo(Severity.ERROR));
                    assertThat(e.violations()).extracting(v -> v.ruleId()).contains("T-1");
                });
    }

    @Test
    void aTopologyWithOnlyWarningsIsUsable() {
        Topology warned = Contoso.onALowBandwidthLink();

        Procedure procedure =
                Procedures.generate(warned, ref, "pchat.contoso.local", EchoGenerator.NAME, null, Locale.ENGLISH, NOW);

        assertThat(procedure.steps()).hasSize(4);
    }

    @Test
    void aValueNoQuotingMakesSafeBecomesARefusalThatShowsIt() {
        assertThatThrownBy(() -> generate("pchat.contoso.local", EchoGenerator.NAME, "unsafe"))
                .isInstanceOfSatisfying(ProcedureException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNSAFE_VALUE);
                    assertThat(e.arguments()).containsExactly("mgc\\u000AGO");
                });
    }

    private Procedure generate(String pool, String name, String variant) {
        return Procedures.generate(contoso, ref, pool, name, variant, Locale.ENGLISH, NOW);
    }
}
