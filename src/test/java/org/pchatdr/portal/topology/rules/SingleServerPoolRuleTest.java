package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class SingleServerPoolRuleTest {

    private final SingleServerPoolRule rule = new SingleServerPoolRule();

    @Test
    void aMultipleServerPoolPassesT4() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void aSingleServerPoolBreaksT4() {
        Topology topology =
                Contoso.with(d -> d.pool().servers.removeIf(server -> !server.fqdn.equals("pc01.contoso.local")));

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-4", ERROR, "pools[0].servers", "rule.T-4.single-server", POOL, "pc01.contoso.local"));
    }
}
