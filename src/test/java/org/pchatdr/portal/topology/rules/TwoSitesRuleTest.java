package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pchatdr.portal.topology.Contoso.POOL;
import static org.pchatdr.portal.topology.Severity.ERROR;
import static org.pchatdr.portal.topology.rules.Checks.check;
import static org.pchatdr.portal.topology.rules.Checks.violation;

import org.junit.jupiter.api.Test;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Site;

class TwoSitesRuleTest {

    private final TwoSitesRule rule = new TwoSitesRule();

    @Test
    void aPoolStretchedOverTwoSitesWithServersInBothPassesT3() {
        assertThat(check(rule, Contoso.topology())).isEmpty();
    }

    @Test
    void theSameSiteAsPrimaryAndSecondaryBreaksT3() {
        Topology topology = Contoso.with(d -> d.pool().secondarySite = "PAR");

        assertThat(check(rule, topology))
                .containsExactly(violation("T-3", ERROR, "pools[0].secondarySite", "rule.T-3.same-site", POOL, "PAR"));
    }

    @Test
    void missingSitesBreakT3() {
        Topology topology = Contoso.with(d -> {
            d.pool().primarySite = null;
            d.pool().secondarySite = " ";
        });

        assertThat(check(rule, topology))
                .containsExactly(
                        violation("T-3", ERROR, "pools[0].primarySite", "rule.T-3.primary-site-missing", POOL),
                        violation("T-3", ERROR, "pools[0].secondarySite", "rule.T-3.secondary-site-missing", POOL));
    }

    @Test
    void aSiteTheTopologyDoesNotDefineBreaksT3() {
        Topology topology = Contoso.with(d -> d.sites.removeIf(site -> site.id().equals("LYO")));

        assertThat(check(rule, topology))
                .containsExactly(
                        violation("T-3", ERROR, "pools[0].secondarySite", "rule.T-3.unknown-site", POOL, "LYO"));
    }

    @Test
    void noServerInTheSecondarySiteBreaksT3() {
        Topology topology = Contoso.with(d -> d.pool().servers.removeIf(server -> server.site.equals("LYO")));

        assertThat(check(rule, topology))
                .containsExactly(
                        violation("T-3", ERROR, "pools[0].servers", "rule.T-3.no-server-in-site", POOL, "LYO"));
    }

    @Test
    void aServerInAThirdSiteBreaksT3() {
        Topology topology = Contoso.with(d -> {
            d.sites.add(new Site("MRS", "Marseille", "Europe/Paris"));
            d.pool().server("pc14.contoso.local").site = "MRS";
        });

        assertThat(check(rule, topology))
                .containsExactly(violation(
                        "T-3",
                        ERROR,
                        "pools[0].servers[7].site",
                        "rule.T-3.server-outside-sites",
                        "pc14.contoso.local",
                        "MRS",
                        POOL,
                        "PAR",
                        "LYO"));
    }
}
