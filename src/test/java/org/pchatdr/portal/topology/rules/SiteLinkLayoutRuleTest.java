package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.WARNING;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.SiteLink;

class SiteLinkLayoutRuleTest {

    private final SiteLinkLayoutRule rule = new SiteLinkLayoutRule();

    @Test
    void twoActiveAndTwoIdleServersPerSitePassT5OnAHighBandwidthLink() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
        assertThat(check(rule, Contoso.topology(), CheckPhase.FAILOVER)).isEmpty();
    }

    @Test
    void anotherLayoutOnAHighBandwidthLinkWarnsT5ForThatSite() {
        Topology topology = Contoso.with(d -> {
            d.pool().server("pc03.contoso.local").active = true;
            d.pool().server("pc12.contoso.local").active = false;
        });

        assertThat(check(rule, topology))
                .containsExactly(
                        violation(
                                        "T-5",
                                        WARNING,
                                        "pools[0].servers",
                                        "rule.T-5.high-bandwidth-layout",
                                        POOL,
                                        "PAR",
                                        "3",
                                        "1")
                                .concerning("pools[0].sites[PAR]"),
                        violation(
                                        "T-5",
                                        WARNING,
                                        "pools[0].servers",
                                        "rule.T-5.high-bandwidth-layout",
                                        POOL,
                                        "LYO",
                                        "1",
                                        "3")
                                .concerning("pools[0].sites[LYO]"));
    }

    @Test
    void allActiveServersInThePrimarySitePassT5OnALowBandwidthLink() {
        Topology topology = Contoso.with(d -> {
            d.pool().siteLink = SiteLink.LOW_BANDWIDTH;
            d.pool().setActive("PAR", true);
            d.pool().setActive("LYO", false);
        });

        assertThat(check(rule, topology)).isEmpty();
    }

    @Test
    void activeServersInTheSecondarySiteWarnT5OnALowBandwidthLink() {
        Topology topology = Contoso.with(d -> d.pool().siteLink = SiteLink.LOW_BANDWIDTH);

        assertThat(check(rule, topology))
                .containsExactly(violation(
                                "T-5",
                                WARNING,
                                "pools[0].servers",
                                "rule.T-5.low-bandwidth-layout",
                                POOL,
                                "LYO",
                                "2",
                                "PAR")
                        .concerning("pools[0].sites[LYO]"));
    }

    @Test
    void atFailoverT5ExpectsTheActiveServersInTheSecondarySiteOnALowBandwidthLink() {
        Topology normal = Contoso.with(d -> {
            d.pool().siteLink = SiteLink.LOW_BANDWIDTH;
            d.pool().setActive("LYO", false);
        });
        Topology failedOver = Contoso.with(d -> {
            d.pool().siteLink = SiteLink.LOW_BANDWIDTH;
            d.pool().setActive("PAR", false);
        });

        assertThat(check(rule, normal, CheckPhase.FAILOVER))
                .containsExactly(violation(
                                "T-5",
                                WARNING,
                                "pools[0].servers",
                                "rule.T-5.low-bandwidth-layout",
                                POOL,
                                "PAR",
                                "2",
                                "LYO")
                        .concerning("pools[0].sites[PAR]"));
        assertThat(check(rule, failedOver, CheckPhase.FAILOVER)).isEmpty();
    }
}
