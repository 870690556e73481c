package org.pchatdr.portal.topology;

import org.pchatdr.portal.base.Sha256;
import org.pchatdr.portal.topology.format.JsonText;
import org.pchatdr.portal.topology.format.TopologyReader;
import org.pchatdr.portal.topology.format.TopologyTree;

/**
 * Reads and writes the {@code pchat-dr-topology/1} document ({@code shared/samples/README.md}).
 * Reading checks structure and values only; Microsoft's rules (T-1…T-16) are checked elsewhere, on
 * the topology this returns.
 */
public final class TopologyFormat {

    /** Longer texts are refused unread; the REST layer answers 413 above it. */
    public static final int MAX_DOCUMENT_CHARS = 1_048_576;

    private TopologyFormat() {}

    /**
     * The topology, or every structural error found: bad JSON, unknown format, wrong type, missing or
     * unknown field, unknown enum value, dangling reference, duplicate, malformed value. Never throws.
     */
    public static ReadResult read(String json) {
        return TopologyReader.read(json, MAX_DOCUMENT_CHARS);
    }

    /**
     * The document of a topology: fields in the order of the sample, two-space indentation,
     * {@code \n} line ends, the same text for equal topologies.
     */
    public static String write(Topology topology) {
        return JsonText.pretty(TopologyTree.of(topology), TopologyTree.INLINE);
    }

    /** Lower-case hex SHA-256 of {@link #write(Topology)} in UTF-8: identifies a version's content. */
    public static String sha256(Topology topology) {
        return Sha256.hex(write(topology));
    }
}
