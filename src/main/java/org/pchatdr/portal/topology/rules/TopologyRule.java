package org.pchatdr.portal.topology.rules;

import java.util.List;
import java.util.Map;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Violation;

/** One rule of the domain reference. Never throws on odd input: what it cannot resolve, it skips. */
interface TopologyRule {

    /** {@code T-1} … {@code T-18}, {@code L-4}. */
    String id();

    /** Every message this rule can produce. */
    List<Message> messages();

    List<Violation> check(Topology topology, CheckPhase phase);

    /**
     * The check with the pools of the portal's other topologies ({@code poolsElsewhere}: lower-case
     * pool FQDN to the name of a topology holding it). Only T-17 looks at them.
     */
    default List<Violation> check(Topology topology, CheckPhase phase, Map<String, String> poolsElsewhere) {
        return check(topology, phase);
    }
}
