package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class ServerCountRuleTest {

    private final ServerCountRule rule = new ServerCountRule();

    @Test
    void eightServersWithFourActivePassT1() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void moreThanEightServersBreakT1() {
        Topology topology = Contoso.with(d -> d.pool().addServer("pc15.contoso.local", "LYO", false));

        assertThat(check(rule, topology))
                .containsExactly(
                        violation("T-1", ERROR, "pools[0].servers", "rule.T-1.too-many-servers", POOL, "9", "8"));
    }

    @Test
    void moreThanFourActiveServersBreakT1OnTheFifthActiveServer() {
        Topology topology = Contoso.with(d -> d.pool().server("pc13.contoso.local").active = true);

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-1",
                        ERROR,
                        "pools[0].servers[6].active",
                        "rule.T-1.too-many-active",
                        POOL,
                        "5",
                        "4",
                        "pc13.contoso.local"));
    }
}
