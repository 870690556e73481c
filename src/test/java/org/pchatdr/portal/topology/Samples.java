package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The valid documents under {@code src/test/resources/topologies}. */
final class Samples {

    static final String CONTOSO = "contoso-stretched.json";
    static final String FABRIKAM = "fabrikam-low-bandwidth.json";
    static final String NORTHWIND = "northwind-compliance.json";
    static final String TAILSPIN = "tailspin-default-instances.json";
    static final List<String> NAMES = List.of(CONTOSO, FABRIKAM, NORTHWIND, TAILSPIN);

    private Samples() {}

    static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/topologies/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Topology topology(String name) {
        ReadResult result = TopologyFormat.read(text(name));
        assertThat(result).as(name).isInstanceOf(ReadResult.Read.class);
        return ((ReadResult.Read) result).topology();
    }

    /** The sample's text with {@code from} replaced once; fails when {@code from} is not there. */
    static String contosoWith(String from, String to) {
        String sample = text(CONTOSO);
        assertThat(sample).contains(from);
        return sample.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }
}
