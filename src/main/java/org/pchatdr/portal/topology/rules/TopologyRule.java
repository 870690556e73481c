package org.pchatdr.portal.topology.rules;

import java.util.List;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyRules.Phase;
import org.pchatdr.portal.topology.Violation;

/** One rule of the domain reference. Never throws on odd input: what it cannot resolve, it skips. */
interface TopologyRule {

    /** {@code T-1} … {@code T-16}, {@code L-4}. */
    String id();

    /** Every message this rule can produce. */
    List<Message> messages();

    List<Violation> check(Topology topology, Phase phase);
}
