package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.NextHopPool;
import org.pchatdr.portal.topology.Topology.Site;

class TimeZoneRuleTest {

    private final TimeZoneRule rule = new TimeZoneRule();

    @Test
    void activeServersInTheNextHopTimeZonePassT7() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void activeServersInAnotherTimeZoneBreakT7() {
        Topology topology = Contoso.with(d -> d.sites.set(1, new Site("LYO", "Lyon - Vaise", "Europe/London")));

        assertThat(check(rule, topology))
                .containsExactly(
                        violation(
                                "T-7",
                                ERROR,
                                "pools[0].servers[4].active",
                                "rule.T-7.time-zone-differs",
                                "pc11.contoso.local",
                                "LYO",
                                "Europe/London",
                                "fepool-par.contoso.local",
                                "Europe/Paris"),
                        violation(
                                "T-7",
                                ERROR,
                                "pools[0].servers[5].active",
                                "rule.T-7.time-zone-differs",
                                "pc12.contoso.local",
                                "LYO",
                                "Europe/London",
                                "fepool-par.contoso.local",
                                "Europe/Paris"));
    }

    @Test
    void idleServersInAnotherTimeZonePassT7() {
        Topology topology = Contoso.with(d -> {
            d.sites.set(1, new Site("LYO", "Lyon - Vaise", "Europe/London"));
            d.pool().setActive("LYO", false);
        });

        assertThat(check(rule, topology)).isEmpty();
    }

    @Test
    void twoNamesOfOneTimeZonePassT7() {
        Topology topology = Contoso.with(d -> {
            d.sites.replaceAll(site -> new Site(site.id(), site.name(), "Asia/Calcutta"));
            d.pool().nextHopPool = new NextHopPool("fepool-par.contoso.local", "Asia/Kolkata");
        });

        assertThat(check(rule, topology)).isEmpty();
    }
}
