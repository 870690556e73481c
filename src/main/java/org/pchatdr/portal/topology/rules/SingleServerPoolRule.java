package org.pchatdr.portal.topology.rules;

import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Violation;

/**
 * T-4: a single-server pool can never be extended, so it cannot be stretched for DR. Read as: a pool
 * with exactly one server (an empty pool is left to T-2 and T-3).
 */
final class SingleServerPoolRule extends PoolRule {

    static final Message SINGLE_SERVER = new Message("rule.T-4.single-server", 2);

    SingleServerPoolRule() {
        super("T-4", SINGLE_SERVER);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        if (pool.servers().size() == 1) {
            violations.add(SINGLE_SERVER.at(Severity.ERROR, pool.path("servers"), pool.name(), pool.serverName(0)));
        }
    }
}
