package org.pchatdr.portal.topology;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which machine a {@code \\host\share…} path lives on: the topology rules and the procedures judge
 * share placement (T-15, C-10) the same way.
 */
public final class UncPaths {

    /** {@code \\host\share…}: two backslashes, a host, a backslash and a share name. */
    private static final Pattern UNC = Pattern.compile("^\\\\\\\\([^\\\\/]+)\\\\[^\\\\/]+.*$");

    private UncPaths() {}

    public static boolean isUnc(String path) {
        return path != null && UNC.matcher(path.strip()).matches();
    }

    /** The host of a UNC path; empty for a local path or no path. */
    public static Optional<String> host(String path) {
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
    public static boolean sameHost(String a, String b) {
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
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

    /** Whether the UNC path {@code path} is a share on {@code host}. */
    public static boolean isOn(String path, String host) {
        return host(path).map(shareHost -> sameHost(shareHost, host)).orElse(false);
    }

    private static String firstLabel(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }
}
