package org.pchatdr.portal.topology;

import java.util.List;

/** What {@link TopologyFormat#read(String)} made of a document: a topology, or every reason it has none. */
public sealed interface ReadResult {

    record Read(Topology topology) implements ReadResult {}

    /** Never empty. */
    record Unreadable(List<StructuralError> errors) implements ReadResult {
        public Unreadable {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("An unreadable document has at least one error");
            }
        }
    }
}
