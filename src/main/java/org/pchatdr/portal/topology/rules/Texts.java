package org.pchatdr.portal.topology.rules;

import java.util.Optional;
import org.pchatdr.portal.topology.HostileText;
import org.pchatdr.portal.topology.UncPaths;

/** Null-safe helpers for the free-text fields of the format. */
final class Texts {

    private Texts() {}

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * How a value appears in a rule's message: {@code ?} when the document left it out, otherwise
     * the one excerpt the importer shows too (invisible characters escaped, long values cut).
     */
    static String shown(String value) {
        return isBlank(value) ? "?" : HostileText.excerpt(value);
    }

    static String or(String value, String fallback) {
        return isBlank(value) ? fallback : value;
    }

    static boolean isUnc(String path) {
        return UncPaths.isUnc(path);
    }

    static Optional<String> uncHost(String path) {
        return UncPaths.host(path);
    }

    static boolean sameHost(String a, String b) {
        return UncPaths.sameHost(a, b);
    }
}
