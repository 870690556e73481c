package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.Severity.WARNING;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Topology.SiteLink;

class ActiveServerPlacementRuleTest {

    private final ActiveServerPlacementRule rule = new ActiveServerPlacementRule();

    @Test
    void activeServersInBothSitesPassT6InEveryPhaseOnAHighBandwidthLink() {
        for (CheckPhase phase : CheckPhase.values()) {
            assertThat(check(rule, Contoso.topology(), phase)).as(phase.name()).isEmpty();
        }
    }

    @Test
    void activeServersFarFromThePrimaryWarnT6AtDesignTime() {
        Topology topology = Contoso.with(d -> d.pool().siteLink = SiteLink.LOW_BANDWIDTH);

        assertThat(check(rule, topology))
                .containsExactly(
                        violation(
                                "T-6",
                                WARNING,
                                "pools[0].servers[4].active",
                                "rule.T-6.active-far-from-primary",
                                "pc11.contoso.local",
                                "LYO",
                                "PAR",
                                POOL),
                        violation(
                                "T-6",
                                WARNING,
                                "pools[0].servers[5].active",
                                "rule.T-6.active-far-from-primary",
                                "pc12.contoso.local",
                                "LYO",
                                "PAR",
                                POOL));
    }

    @Test
    void activeServersFarFromThePrimaryBreakT6AtFailback() {
        Topology topology = Contoso.with(d -> d.pool().siteLink = SiteLink.LOW_BANDWIDTH);

        assertThat(check(rule, topology, CheckPhase.FAILBACK))
                .extracting(violation -> violation.severity() + " " + violation.path())
                .containsExactly("ERROR pools[0].servers[4].active", "ERROR pools[0].servers[5].active");
    }

    @Test
    void activeServersFarFromTheBackupBreakT6AtFailover() {
        Topology topology = Contoso.with(d -> {
            d.pool().siteLink = SiteLink.LOW_BANDWIDTH;
            d.pool().setActive("LYO", false);
            d.pool().server("pc12.contoso.local").active = true;
        });

        assertThat(check(rule, topology, CheckPhase.FAILOVER))
                .containsExactly(
                        violation(
                                "T-6",
                                ERROR,
                                "pools[0].servers[0].active",
                                "rule.T-6.active-far-from-backup",
                                "pc01.contoso.local",
                                "PAR",
                                "LYO",
                                POOL),
                        violation(
                                "T-6",
                                ERROR,
                                "pools[0].servers[1].active",
                                "rule.T-6.active-far-from-backup",
                                "pc02.contoso.local",
                                "PAR",
                                "LYO",
                                POOL));
    }

    @Test
    void anActiveServerInAThirdSiteIsFarEvenOnAHighBandwidthLink() {
        Topology topology = Contoso.with(d -> {
            d.sites.add(new Site("MRS", "Marseille", "Europe/Paris"));
            d.pool().server("pc12.contoso.local").site = "MRS";
        });

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-6",
                        WARNING,
                        "pools[0].servers[5].active",
                        "rule.T-6.active-far-from-primary",
                        "pc12.contoso.local",
                        "MRS",
                        "PAR",
                        POOL));
    }
}
