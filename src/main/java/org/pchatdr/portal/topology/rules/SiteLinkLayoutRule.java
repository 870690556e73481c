package org.pchatdr.portal.topology.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.Violation;

/**
 * T-5: the layout Microsoft documents for the link between the sites. High bandwidth: 2 active and 2
 * idle servers in each site, one warning per site that differs. Low bandwidth: every active server
 * in the site of the live database, none in the other site; as after a failover the backup is live,
 * the FAILOVER phase expects the mirror image (all active servers in the secondary site).
 */
final class SiteLinkLayoutRule extends PoolRule {

    static final int ACTIVE_PER_SITE = 2;
    static final int IDLE_PER_SITE = 2;
    static final Message HIGH_BANDWIDTH_LAYOUT = new Message("rule.T-5.high-bandwidth-layout", 4);
    static final Message LOW_BANDWIDTH_LAYOUT = new Message("rule.T-5.low-bandwidth-layout", 4);

    SiteLinkLayoutRule() {
        super("T-5", HIGH_BANDWIDTH_LAYOUT, LOW_BANDWIDTH_LAYOUT);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        Pool p = pool.pool();
        if (p.siteLink() == SiteLink.HIGH_BANDWIDTH) {
            Set<String> sites = new LinkedHashSet<>();
            for (String site : new String[] {p.primarySite(), p.secondarySite()}) {
                if (!Texts.isBlank(site)) {
                    sites.add(site);
                }
            }
            for (String site : sites) {
                long active = count(pool, site, true);
                long idle = count(pool, site, false);
                if (active != ACTIVE_PER_SITE || idle != IDLE_PER_SITE) {
                    violations.add(HIGH_BANDWIDTH_LAYOUT
                            .at(
                                    Severity.WARNING,
                                    pool.path("servers"),
                                    pool.name(),
                                    site,
                                    String.valueOf(active),
                                    String.valueOf(idle))
                            // One finding per site on the same path: each is accepted on its own.
                            .concerning(pool.path("sites[" + site + "]")));
                }
            }
        } else if (p.siteLink() == SiteLink.LOW_BANDWIDTH) {
            String live = ActiveServerPlacementRule.liveSite(p, phase);
            String other = phase == CheckPhase.FAILOVER ? p.primarySite() : p.secondarySite();
            if (Texts.isBlank(live) || Texts.isBlank(other) || live.equals(other)) {
                return;
            }
            long activeElsewhere = count(pool, other, true);
            if (activeElsewhere > 0) {
                violations.add(LOW_BANDWIDTH_LAYOUT
                        .at(
                                Severity.WARNING,
                                pool.path("servers"),
                                pool.name(),
                                other,
                                String.valueOf(activeElsewhere),
                                live)
                        .concerning(pool.path("sites[" + other + "]")));
            }
        }
    }

    private static long count(PoolContext pool, String site, boolean active) {
        return pool.servers().stream()
                .filter(server -> site.equals(server.site()))
                .filter(server -> server.active() == active)
                .count();
    }
}
