package org.pchatdr.portal.topology;

import java.util.List;
import java.util.Map;
import org.pchatdr.portal.topology.rules.RuleBook;

/**
 * Microsoft's topology rules T-1…T-18 and the monitor-server advice L-4, checked on a whole
 * topology. Each rule is a small class of {@code topology.rules}; this is their only entry point.
 *
 * <p>Results come in a stable order: document-level findings ({@code sqlInstances[…]}) first, then
 * pool by pool; within a pool by rule (T-1 … T-18, then L-4), then by path, numeric indexes compared
 * as numbers. The rules never throw on odd input: a reference to an unknown site or instance, a
 * {@code null} optional field or an empty list only makes the checks that need it skip; the importer
 * reports such structural problems itself.
 */
public final class TopologyRules {

    private TopologyRules() {}

    /** The design-time check. */
    public static List<Violation> check(Topology topology) {
        return check(topology, CheckPhase.DESIGN);
    }

    public static List<Violation> check(Topology topology, CheckPhase phase) {
        return check(topology, phase, Map.of());
    }

    /**
     * The check that also knows the pools of the portal's other topologies, for T-17:
     * {@code poolsElsewhere} maps a lower-case pool FQDN to the name of another topology holding it.
     */
    public static List<Violation> check(Topology topology, CheckPhase phase, Map<String, String> poolsElsewhere) {
        if (topology == null) {
            return List.of();
        }
        return RuleBook.check(
                topology,
                phase == null ? CheckPhase.DESIGN : phase,
                poolsElsewhere == null ? Map.of() : poolsElsewhere);
    }
}
