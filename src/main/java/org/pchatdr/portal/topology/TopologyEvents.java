package org.pchatdr.portal.topology;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/** What happens to topologies, for the audit trail and for later features. */
public final class TopologyEvents {

    private TopologyEvents() {}

    /** An event about one version, which the audit trail names {@code topology 3 (Contoso) v2}. */
    interface OfVersion extends AuditableEvent {

        long topologyId();

        String name();

        int number();

        @Override
        default String target() {
            return "topology " + topologyId() + " (" + name() + ") v" + number();
        }
    }

    /** A new version was saved; {@code changes} is the readable diff against the one before. */
    public record VersionSaved(String actor, long topologyId, String name, int number, String comment, String changes)
            implements OfVersion {

        @Override
        public String action() {
            return "TOPOLOGY_VERSION_SAVED";
        }

        @Override
        public AuditMessage message() {
            return changes == null
                    ? AuditMessage.of("audit.details.TOPOLOGY_VERSION_SAVED.first", comment)
                    : AuditMessage.of("audit.details.TOPOLOGY_VERSION_SAVED", comment, changes);
        }
    }

    public record Published(String actor, long topologyId, String name, int number, Integer previous)
            implements OfVersion {

        @Override
        public String action() {
            return "TOPOLOGY_PUBLISHED";
        }

        @Override
        public AuditMessage message() {
            return AuditMessage.of("audit.details.TOPOLOGY_PUBLISHED", previous == null ? 0 : previous, number);
        }
    }

    /**
     * A warning was accepted for one element: {@code element} is its key, {@code covers} says in
     * words what the acceptance covers (rule and element), so the audit record needs no decoding.
     */
    public record WarningAcknowledged(
            String actor, long topologyId, String ruleId, String element, String covers, String reason)
            implements AuditableEvent {

        @Override
        public String action() {
            return "TOPOLOGY_WARNING_ACKNOWLEDGED";
        }

        @Override
        public String target() {
            return "topology " + topologyId + " " + ruleId + " for " + element;
        }

        @Override
        public AuditMessage message() {
            return AuditMessage.of("audit.details.TOPOLOGY_WARNING_ACKNOWLEDGED", covers, reason);
        }
    }
}
