package org.pchatdr.portal.topology.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Violation;

/**
 * T-17: the same pool FQDN in two of the portal's topologies. A pool's FQDN identifies it to every
 * cmdlet the procedures run (the service identity {@code PersistentChatServer:<pool fqdn>} of
 * {@code Set-CsPersistentChatState}, learn.microsoft.com/powershell/module/skypeforbusiness/
 * set-cspersistentchatstate), so two topologies naming one pool give two procedures that act on the
 * same servers and databases, possibly from different layouts. A warning, since a topology may be
 * copied on purpose while a deployment moves; the portal's own consistency check (no Microsoft page
 * forbids it). The only rule that looks beyond one document: it needs the pools of the others.
 */
final class SharedPoolRule extends TopologyRule {

    static final Message IN_ANOTHER_TOPOLOGY = new Message("rule.T-17.pool-in-another-topology", 2);

    SharedPoolRule() {
        super("T-17", IN_ANOTHER_TOPOLOGY);
    }

    @Override
    public List<Violation> check(Topology topology, CheckPhase phase) {
        return List.of();
    }

    @Override
    public List<Violation> check(Topology topology, CheckPhase phase, Map<String, String> poolsElsewhere) {
        List<Violation> violations = new ArrayList<>();
        for (int index = 0; index < topology.pools().size(); index++) {
            String fqdn = topology.pools().get(index).fqdn();
            if (Texts.isBlank(fqdn)) {
                continue;
            }
            String other = poolsElsewhere.get(fqdn.toLowerCase(Locale.ROOT));
            if (other != null) {
                violations.add(IN_ANOTHER_TOPOLOGY.at(Severity.WARNING, "pools[" + index + "].fqdn", fqdn, other));
            }
        }
        return violations;
    }
}
