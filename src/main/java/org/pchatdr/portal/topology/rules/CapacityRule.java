package org.pchatdr.portal.topology.rules;

import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Violation;

/**
 * T-13: 20,000 concurrent users per active server, 80,000 per pool at most. Always reported, as
 * information: active servers × 20,000, capped at 80,000.
 */
final class CapacityRule extends PoolRule {

    static final int USERS_PER_ACTIVE_SERVER = 20_000;
    static final int USERS_PER_POOL = 80_000;
    static final Message CAPACITY = new Message("rule.T-13.capacity", 5);

    CapacityRule() {
        super("T-13", CAPACITY);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        long active = pool.servers().stream().filter(server -> server.active()).count();
        long capacity = Math.min(active * USERS_PER_ACTIVE_SERVER, USERS_PER_POOL);
        violations.add(CAPACITY.at(
                Severity.INFO,
                pool.path("servers"),
                pool.name(),
                String.valueOf(active),
                String.valueOf(capacity),
                String.valueOf(USERS_PER_ACTIVE_SERVER),
                String.valueOf(USERS_PER_POOL)));
    }
}
