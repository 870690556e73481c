package org.pchatdr.portal.topology.rules;

import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Violation;

/**
 * T-1: a pool has at most 8 servers, at most 4 of them active. Too many active servers is reported
 * once, on the fifth active server: the first one to make idle.
 */
final class ServerCountRule extends PoolRule {

    static final int MAX_SERVERS = 8;
    static final int MAX_ACTIVE = 4;
    static final Message TOO_MANY_SERVERS = new Message("rule.T-1.too-many-servers", 3);
    static final Message TOO_MANY_ACTIVE = new Message("rule.T-1.too-many-active", 4);

    ServerCountRule() {
        super("T-1", TOO_MANY_SERVERS, TOO_MANY_ACTIVE);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        int servers = pool.servers().size();
        if (servers > MAX_SERVERS) {
            violations.add(TOO_MANY_SERVERS.at(
                    Severity.ERROR,
                    pool.path("servers"),
                    pool.name(),
                    String.valueOf(servers),
                    String.valueOf(MAX_SERVERS)));
        }
        int active = 0;
        int firstTooMany = -1;
        for (int index = 0; index < servers; index++) {
            if (pool.servers().get(index).active() && ++active == MAX_ACTIVE + 1) {
                firstTooMany = index;
            }
        }
        if (firstTooMany >= 0) {
            violations.add(TOO_MANY_ACTIVE.at(
                    Severity.ERROR,
                    pool.serverPath(firstTooMany, "active"),
                    pool.name(),
                    String.valueOf(active),
                    String.valueOf(MAX_ACTIVE),
                    pool.serverName(firstTooMany)));
        }
    }
}
