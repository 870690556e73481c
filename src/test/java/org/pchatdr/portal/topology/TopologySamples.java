package org.pchatdr.portal.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The valid documents under {@code src/test/resources/topologies}, as text and as topologies. */
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

    public static Topology contoso() {
        return topology(CONTOSO);
    }

    /** The sample's text with {@code from} replaced once; fails when {@code from} is not there. */
    public static String contosoWith(String from, String to) {
        String sample = text(CONTOSO);
        assertThat(sample).contains(from);
        return sample.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    /**
     * Contoso with names that Windows and Active Directory accept and that older versions of the
     * portal refused (C-11): shares with an apostrophe, a space, {@code &} and {@code $}, accented
     * letters, and an account with an apostrophe.
     */
    public static String contosoWithLegalNames() {
        String document = text(CONTOSO);
        for (String[] change : new String[][] {
            {"\\\\\\\\fs01.contoso.local\\\\pchat-logship", "\\\\\\\\fs01\\\\o'brien-logship"},
            {"\\\\\\\\fs01.contoso.local\\\\pchat-files", "\\\\\\\\fs01\\\\Logs & Backups$"},
            {"\\\\\\\\fs01.contoso.local\\\\pchat-mirror-seed", "\\\\\\\\fs01\\\\Journaux d'expédition"},
            {"CONTOSO\\\\svc-sqlpc", "FABRIKAM\\\\o'neill"}
        }) {
            assertThat(document).contains(change[0]);
            document = document.replace(change[0], change[1]);
        }
        return document;
    }

    /** Contoso with every server active: eight active servers break T-1. */
    public static Topology contosoWithErrors() {
        return read(text(CONTOSO).replace("\"active\": false", "\"active\": true"));
    }

    /** Contoso declared on a low-bandwidth link while keeping active servers in Lyon: T-5 warns. */
    public static Topology contosoOnALowBandwidthLink() {
        return read(contosoWith("HIGH_BANDWIDTH", "LOW_BANDWIDTH"));
    }

    /** Contoso renamed, so that a save has something to show in its diff. */
    public static Topology contosoRenamed(String name) {
        return read(contosoWith("\"Contoso production\"", "\"" + name.replace("\"", "\\\"") + "\""));
    }
}
