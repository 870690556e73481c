package org.pchatdr.portal.topology.rules;

import java.util.List;
import java.util.Map;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Violation;

/** One rule of the domain reference. Never throws on odd input: what it cannot resolve, it skips. */
abstract class TopologyRule {

    private final String id;
    private final List<Message> messages;

    /** @param messages every message the rule can produce */
    TopologyRule(String id, Message... messages) {
        this.id = id;
        this.messages = List.of(messages);
    }

    /** {@code T-1} … {@code T-18}, {@code L-4}. */
    public final String id() {
        return id;
    }

    /** Every message this rule can produce. */
    public final List<Message> messages() {
        return messages;
    }

    public abstract List<Violation> check(Topology topology, CheckPhase phase);

    /**
     * The check with the pools of the portal's other topologies ({@code poolsElsewhere}: lower-case
     * pool FQDN to the name of a topology holding it). Only T-17 looks at them.
     */
    public List<Violation> check(Topology topology, CheckPhase phase, Map<String, String> poolsElsewhere) {
        return check(topology, phase);
    }
}
