package org.pchatdr.portal.topology.rules;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.NextHopPool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Violation;

/**
 * T-7: active servers are in the time zone of the pool's next-hop Front End pool. A server's time
 * zone is its site's; two IANA ids are the same time zone when they are equal or are aliases with
 * identical rules ({@code Asia/Calcutta} and {@code Asia/Kolkata}).
 */
final class TimeZoneRule extends PoolRule {

    static final Message TIME_ZONE_DIFFERS = new Message("rule.T-7.time-zone-differs", 5);

    TimeZoneRule() {
        super("T-7", TIME_ZONE_DIFFERS);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        NextHopPool nextHop = pool.pool().nextHopPool();
        if (nextHop == null || Texts.isBlank(nextHop.timeZone())) {
            return;
        }
        for (int index = 0; index < pool.servers().size(); index++) {
            Server server = pool.servers().get(index);
            if (!server.active()) {
                continue;
            }
            String zone = pool.site(server.site()).map(Site::timeZone).orElse(null);
            if (!Texts.isBlank(zone) && !sameTimeZone(zone, nextHop.timeZone())) {
                violations.add(TIME_ZONE_DIFFERS.at(
                        Severity.ERROR,
                        pool.serverPath(index, "active"),
                        pool.serverName(index),
                        server.site(),
                        zone,
                        Texts.or(nextHop.fqdn(), pool.path("nextHopPool")),
                        nextHop.timeZone()));
            }
        }
    }

    static boolean sameTimeZone(String a, String b) {
        if (a.strip().equalsIgnoreCase(b.strip())) {
            return true;
        }
        try {
            return ZoneId.of(a.strip()).getRules().equals(ZoneId.of(b.strip()).getRules());
        } catch (DateTimeException unknownZone) {
            return false;
        }
    }
}
