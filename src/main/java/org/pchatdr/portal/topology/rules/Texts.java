package org.pchatdr.portal.topology.rules;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Null-safe helpers for the free-text fields of the format. */
final class Texts {

    /** {@code \\host\share…}: two backslashes, a host, a backslash and a share name. */
    private static final Pattern UNC = Pattern.compile("^\\\\\\\\([^\\\\/]+)\\\\[^\\\\/]+.*$");

    private Texts() {}

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** What an argument shows when the document left the value out. */
    static String shown(String value) {
        return isBlank(value) ? "?" : value;
    }

    static String or(String value, String fallback) {
        return isBlank(value) ? fallback : value;
    }

    static boolean isUnc(String path) {
        return path != null && UNC.matcher(path.strip()).matches();
    }

    static Optional<String> uncHost(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher matcher = UNC.matcher(path.strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * Whether two host names name the same machine: equal ignoring case, or equal first labels when
     * one of them is a short (NetBIOS-style) name.
     */
    static boolean sameHost(String a, String b) {
        if (isBlank(a) || isBlank(b)) {
            return false;
        }
        String left = a.strip().toLowerCase(Locale.ROOT);
        String right = b.strip().toLowerCase(Locale.ROOT);
        if (left.equals(right)) {
            return true;
        }
        if (left.contains(".") && right.contains(".")) {
            return false;
        }
        return firstLabel(left).equals(firstLabel(right));
    }

    private static String firstLabel(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }
}
