package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class ActiveServerRuleTest {

    private final ActiveServerRule rule = new ActiveServerRule();

    @Test
    void aPoolWithActiveServersPassesT2() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void aPoolWithoutActiveServerBreaksT2AndSuggestsAServerOfThePrimarySite() {
        Topology topology = Contoso.with(d -> {
            d.pool().setActive("PAR", false);
            d.pool().setActive("LYO", false);
        });

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-2",
                        ERROR,
                        "pools[0].servers[0].active",
                        "rule.T-2.no-active-server",
                        POOL,
                        "pc01.contoso.local"));
    }

    @Test
    void atFailoverT2SuggestsAServerOfTheSecondarySite() {
        Topology topology = Contoso.with(d -> {
            d.pool().setActive("PAR", false);
            d.pool().setActive("LYO", false);
        });

        assertThat(check(rule, topology, CheckPhase.FAILOVER))
                .containsExactly(violation(
                        "T-2",
                        ERROR,
                        "pools[0].servers[4].active",
                        "rule.T-2.no-active-server",
                        POOL,
                        "pc11.contoso.local"));
    }

    @Test
    void aPoolWithoutServersBreaksT2() {
        Topology topology = Contoso.with(d -> d.pool().servers.clear());

        assertThat(check(rule, topology))
                .containsExactly(violation("T-2", ERROR, "pools[0].servers", "rule.T-2.no-server", POOL));
    }
}
