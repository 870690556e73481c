package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.INFO;
import static org.pchatdr.portal.topology.Severity.WARNING;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;

class MonitorServerRuleTest {

    private final MonitorServerRule rule = new MonitorServerRule();

    @Test
    void aMonitorOnASeparateInstancePassesL4() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void noMonitorServerIsSuggestedByL4() {
        Topology topology = Contoso.with(d -> d.pool().logShipping.monitor = null);

        assertThat(check(rule, topology))
                .containsExactly(violation("L-4", INFO, "pools[0].logShipping.monitor", "rule.L-4.no-monitor", POOL));
    }

    @Test
    void aMonitorOnThePrimaryWarnsL4() {
        Topology topology = Contoso.with(d -> d.pool().logShipping.monitor = "par-sql-1");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "L-4",
                        WARNING,
                        "pools[0].logShipping.monitor",
                        "rule.L-4.monitor-on-copy",
                        POOL,
                        "par-sql-1",
                        "primary",
                        "mgc"));
    }

    @Test
    void aMonitorOnTheBackupWarnsL4() {
        Topology topology = Contoso.with(d -> d.pool().logShipping.monitor = "lyo-sql-1");

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "L-4",
                        WARNING,
                        "pools[0].logShipping.monitor",
                        "rule.L-4.monitor-on-copy",
                        POOL,
                        "lyo-sql-1",
                        "backup",
                        "mgc"));
    }

    @Test
    void withoutLogShippingL4LeavesTheWordToT15() {
        Topology topology = Contoso.with(d -> d.pool().logShipping = null);

        assertThat(check(rule, topology)).isEmpty();
    }
}
