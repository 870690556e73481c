package org.pchatdr.portal.topology.rules;

import java.util.ArrayList;
import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Violation;

/** A rule checked pool by pool, as every rule of the reference is. */
abstract class PoolRule extends TopologyRule {

    PoolRule(String id, Message... messages) {
        super(id, messages);
    }

    @Override
    public final List<Violation> check(Topology topology, CheckPhase phase) {
        List<Violation> violations = new ArrayList<>();
        for (int index = 0; index < topology.pools().size(); index++) {
            check(new PoolContext(topology, index, topology.pools().get(index)), phase, violations);
        }
        return violations;
    }

    abstract void check(PoolContext pool, CheckPhase phase, List<Violation> violations);
}
