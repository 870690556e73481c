package org.pchatdr.portal.topology.rules;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Violation;

/**
 * T-2: at least one server of the pool is active. The finding points at the server to activate
 * first: the first one in the site whose database is live in the phase (rule T-6), else the first.
 */
final class ActiveServerRule extends PoolRule {

    static final Message NO_SERVER = new Message("rule.T-2.no-server", 1);
    static final Message NO_ACTIVE_SERVER = new Message("rule.T-2.no-active-server", 2);

    ActiveServerRule() {
        super("T-2", NO_SERVER, NO_ACTIVE_SERVER);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        if (pool.servers().isEmpty()) {
            violations.add(NO_SERVER.at(Severity.ERROR, pool.path("servers"), pool.name()));
            return;
        }
        if (pool.servers().stream().anyMatch(server -> server.active())) {
            return;
        }
        String liveSite = ActiveServerPlacementRule.liveSite(pool.pool(), phase);
        int candidate = IntStream.range(0, pool.servers().size())
                .filter(index -> liveSite != null
                        && Objects.equals(liveSite, pool.servers().get(index).site()))
                .findFirst()
                .orElse(0);
        violations.add(NO_ACTIVE_SERVER.at(
                Severity.ERROR, pool.serverPath(candidate, "active"), pool.name(), pool.serverName(candidate)));
    }
}
