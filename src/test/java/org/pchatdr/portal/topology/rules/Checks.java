package org.pchatdr.portal.topology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Violation;

/** Runs one rule and proves that whatever it found cites it, with one of its messages. */
final class Checks {

    private Checks() {}

    static List<Violation> check(TopologyRule rule, Topology topology) {
        return check(rule, topology, CheckPhase.DESIGN);
    }

    static List<Violation> check(TopologyRule rule, Topology topology, CheckPhase phase) {
        List<Violation> found = rule.check(topology, phase);
        assertThat(found).allSatisfy(violation -> {
            assertThat(violation.ruleId()).isEqualTo(rule.id());
            assertThat(rule.messages())
                    .as("declared messages of %s", rule.id())
                    .contains(new Message(
                            violation.messageKey(), violation.arguments().size()));
        });
        return found;
    }

    static Violation violation(String ruleId, Severity severity, String path, String key, String... arguments) {
        return new Violation(ruleId, severity, path, key, List.of(arguments));
    }
}
