package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.INFO;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class CapacityRuleTest {

    private final CapacityRule rule = new CapacityRule();

    @Test
    void fourActiveServersServeEightyThousandUsers() {
        assertThat(check(rule, Contoso.topology()))
                .containsExactly(violation(
                        "T-13", INFO, "pools[0].servers", "rule.T-13.capacity", POOL, "4", "80000", "20000", "80000"));
    }

    @Test
    void eachActiveServerAddsTwentyThousandUsers() {
        Topology topology = Contoso.with(d -> d.pool().setActive("LYO", false));

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-13", INFO, "pools[0].servers", "rule.T-13.capacity", POOL, "2", "40000", "20000", "80000"));
    }

    @Test
    void morePoolServersThanFourAddNoCapacity() {
        Topology topology = Contoso.with(d -> d.pool().setActive("PAR", true));

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-13", INFO, "pools[0].servers", "rule.T-13.capacity", POOL, "6", "80000", "20000", "80000"));
    }
}
