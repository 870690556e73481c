package org.pchatdr.portal.topology;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One version of a topology with the rule results of its content and the warnings accepted so far. */
public record TopologyVersion(
        long topologyId,
        int number,
        int latestVersion,
        Integer publishedVersion,
        Topology topology,
        String document,
        String sha256,
        String author,
        Instant createdAt,
        String comment,
        List<Violation> violations,
        List<Acknowledgement> acknowledgements) {

    public TopologyVersion {
        violations = List.copyOf(violations);
        acknowledgements = List.copyOf(acknowledgements);
    }

    /**
     * A warning someone accepted, and why: rule {@code ruleId} for {@code element} (a key of {@link
     * TopologyElements}) and nothing else; {@code path} is where the element was when accepted.
     */
    public record Acknowledgement(String ruleId, String element, String path, String reason, String by, Instant at) {}

    public boolean isPublished() {
        return publishedVersion != null && publishedVersion == number;
    }

    public boolean hasErrors() {
        return violations.stream().anyMatch(violation -> violation.severity() == Severity.ERROR);
    }

    public Optional<Acknowledgement> acknowledgementOf(Violation violation) {
        return acknowledgements.stream()
                .filter(ack ->
                        ack.ruleId().equals(violation.ruleId()) && ack.element().equals(violation.element()))
                .findFirst();
    }
}
