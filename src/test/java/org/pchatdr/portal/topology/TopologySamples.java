package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The valid documents under {@code src/test/resources/topologies}, as text and as topologies. The
 * Contoso sample and its variants are {@link Contoso}.
 */
public final class TopologySamples {

    public static final String CONTOSO = "contoso-stretched.json";
    public static final String FABRIKAM = "fabrikam-low-bandwidth.json";
    public static final String NORTHWIND = "northwind-compliance.json";
    public static final String TAILSPIN = "tailspin-default-instances.json";
    public static final List<String> NAMES = List.of(CONTOSO, FABRIKAM, NORTHWIND, TAILSPIN);

    private TopologySamples() {}

    public static String text(String name) {
        try (InputStream in = TopologySamples.class.getResourceAsStream("/topologies/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Topology topology(String name) {
        return read(text(name));
    }

    /** The topology a document describes; fails the test when it is none. */
    public static Topology read(String document) {
        ReadResult result = TopologyFormat.read(document);
        assertThat(result).as("a readable topology").isInstanceOf(ReadResult.Read.class);
        return ((ReadResult.Read) result).topology();
    }
}
