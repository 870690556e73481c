package org.pchatdr.portal.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample documents under {@code src/test/resources/topologies}, as text and as topologies. */
public final class TopologySamples {

    private TopologySamples() {}

    public static String text(String name) {
        try (InputStream in = TopologySamples.class.getResourceAsStream("/topologies/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Topology topology(String text) {
        return switch (TopologyFormat.read(text)) {
            case ReadResult.Read read -> read.topology();
            case ReadResult.Unreadable unreadable ->
                throw new IllegalArgumentException("Not a topology: " + unreadable.errors());
        };
    }

    public static Topology contoso() {
        return topology(text("contoso-stretched"));
    }

    /** Contoso with every server active: eight active servers break T-1. */
    public static Topology contosoWithErrors() {
        return topology(text("contoso-stretched").replace("\"active\": false", "\"active\": true"));
    }

    /** Contoso declared on a low-bandwidth link while keeping active servers in Lyon: T-5 warns. */
    public static Topology contosoOnALowBandwidthLink() {
        return topology(text("contoso-stretched").replace("HIGH_BANDWIDTH", "LOW_BANDWIDTH"));
    }

    /** Contoso renamed, so that a save has something to show in its diff. */
    public static Topology contosoRenamed(String name) {
        return topology(text("contoso-stretched").replace("\"Contoso production\"", "\"" + name + "\""));
    }
}
