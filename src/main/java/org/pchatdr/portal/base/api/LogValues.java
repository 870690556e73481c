package org.pchatdr.portal.base.api;

/**
 * Request-supplied text made safe for a log line: control characters (ESC, NUL, line breaks, which
 * could colour a terminal or forge a line) become {@code \\uXXXX}, and the length is bounded.
 */
public final class LogValues {

    private static final int MAX_LENGTH = 200;

    private LogValues() {}

    public static String escape(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder escaped = new StringBuilder();
        int i = 0;
        for (; i < value.length() && escaped.length() < MAX_LENGTH; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return i < value.length() ? escaped.append('…').toString() : escaped.toString();
    }
}
