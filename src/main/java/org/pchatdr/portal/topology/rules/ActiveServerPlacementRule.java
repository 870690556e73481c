package org.pchatdr.portal.topology.rules;

import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.Violation;

/**
 * T-6: active servers sit in the data center of the live database, or in one joined to it by a
 * high-bandwidth, low-latency link. The live site is the pool's primarySite in DESIGN and FAILBACK,
 * its secondarySite at FAILOVER (the backup database is live then); the pool's siteLink describes the
 * link between those two sites only, so a server in any other site is always too far. An error at
 * FAILOVER and FAILBACK, when servers are (de)activated, a warning at DESIGN time.
 */
final class ActiveServerPlacementRule extends PoolRule {

    static final Message FAR_FROM_PRIMARY = new Message("rule.T-6.active-far-from-primary", 4);
    static final Message FAR_FROM_BACKUP = new Message("rule.T-6.active-far-from-backup", 4);

    ActiveServerPlacementRule() {
        super("T-6", FAR_FROM_PRIMARY, FAR_FROM_BACKUP);
    }

    /** The site whose database is live in the phase, or {@code null} when the pool names none. */
    static String liveSite(Pool pool, CheckPhase phase) {
        String site = phase == CheckPhase.FAILOVER ? pool.secondarySite() : pool.primarySite();
        return Texts.isBlank(site) ? null : site;
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        Pool p = pool.pool();
        String live = liveSite(p, phase);
        if (live == null) {
            return;
        }
        Severity severity = phase == CheckPhase.DESIGN ? Severity.WARNING : Severity.ERROR;
        Message message = phase == CheckPhase.FAILOVER ? FAR_FROM_BACKUP : FAR_FROM_PRIMARY;
        for (int index = 0; index < pool.servers().size(); index++) {
            Server server = pool.servers().get(index);
            if (server.active() && !Texts.isBlank(server.site()) && !closeEnough(p, server.site(), live)) {
                violations.add(message.at(
                        severity,
                        pool.serverPath(index, "active"),
                        pool.serverName(index),
                        server.site(),
                        live,
                        pool.name()));
            }
        }
    }

    private static boolean closeEnough(Pool pool, String site, String live) {
        if (site.equals(live)) {
            return true;
        }
        boolean otherPoolSite = site.equals(pool.primarySite()) || site.equals(pool.secondarySite());
        return otherPoolSite && pool.siteLink() == SiteLink.HIGH_BANDWIDTH;
    }
}
