package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.WARNING;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.testsupport.Translations;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyRules;
import org.pchatdr.portal.topology.Violation;

class NewWarningsT17T18Test {

    private final SharedPoolRule shared = new SharedPoolRule();
    private final RecoveryPointRule recoveryPoint = new RecoveryPointRule();

    @Test
    void aPoolFqdnThatAnotherTopologyAlsoHoldsWarnsT17NamingThatTopology() {
        List<Violation> found =
                shared.check(Contoso.topology(), CheckPhase.DESIGN, Map.of("pchat.contoso.local", "Contoso staging"));

        assertThat(found)
                .containsExactly(violation(
                        "T-17",
                        WARNING,
                        "pools[0].fqdn",
                        "rule.T-17.pool-in-another-topology",
                        POOL,
                        "Contoso staging"));
    }

    @Test
    void thePoolFqdnIsComparedWithoutRegardToCaseForT17() {
        Topology upper = Contoso.with(d -> d.pool().fqdn = "PChat.Contoso.Local");

        assertThat(shared.check(upper, CheckPhase.DESIGN, Map.of("pchat.contoso.local", "Other")))
                .extracting(Violation::ruleId)
                .containsExactly("T-17");
    }

    @Test
    void aPoolNoOtherTopologyHoldsDrawsNoT17() {
        assertThat(shared.check(Contoso.topology(), CheckPhase.DESIGN, Map.of("pchat-other.contoso.local", "Other")))
                .isEmpty();
        assertThat(TopologyRules.check(Contoso.topology()))
                .noneMatch(v -> v.ruleId().equals("T-17"));
    }

    @Test
    void anRpoShorterThanBackupCopyAndRestoreWarnsT18WithTheFigures() {
        // The sample itself: an RPO of 30 minutes with three jobs every 15 minutes.
        Topology topology = Contoso.topology();

        assertThat(Checks.check(recoveryPoint, topology))
                .containsExactly(violation(
                        "T-18",
                        WARNING,
                        "pools[0].objectives.rpoMinutes",
                        "rule.T-18.rpo-shorter-than-log-shipping",
                        POOL,
                        "30",
                        "45",
                        "15",
                        "15",
                        "15"));
    }

    @Test
    void theRestoreDelayCountsTowardsT18() {
        Topology topology = Contoso.with(d -> {
            d.pool().objectives = new Topology.Objectives(50, 60);
            d.pool().logShipping.restoreDelayMinutes = 10;
        });

        assertThat(Checks.check(recoveryPoint, topology))
                .singleElement()
                .satisfies(v -> assertThat(v.arguments()).containsExactly(POOL, "50", "55", "15", "15", "25"));
    }

    @Test
    void anRpoTheCadenceCanMeetDrawsNoT18() {
        Topology exact = Contoso.with(d -> d.pool().objectives = new Topology.Objectives(45, 60));
        assertThat(Checks.check(recoveryPoint, exact)).isEmpty();
        Topology generous = Contoso.with(d -> d.pool().objectives = new Topology.Objectives(120, 60));
        assertThat(Checks.check(recoveryPoint, generous)).isEmpty();
    }

    @Test
    void bothMessagesCiteTheirRuleIdInEnglishAndFrench() {
        for (String bundle : List.of("i18n/topology-rules.properties", "i18n/topology-rules_fr.properties")) {
            java.util.Properties texts = Translations.bundle(bundle);
            assertThat(texts.getProperty(SharedPoolRule.IN_ANOTHER_TOPOLOGY.key()))
                    .as(bundle)
                    .contains("(T-17)");
            assertThat(texts.getProperty(RecoveryPointRule.RPO_SHORTER_THAN_CADENCE.key()))
                    .as(bundle)
                    .contains("(T-18)");
        }
    }
}
