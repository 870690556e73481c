package org.pchatdr.portal.topology;

import java.util.Optional;

/** Characters a topology never carries, and how to show a hostile value in a message. */
public final class HostileText {

    /** At most this many characters of a value appear in a message. */
    public static final int EXCERPT_CODE_POINTS = 60;

    private HostileText() {}

    /**
     * Control characters (C0, DEL, C1), line and paragraph separators, unpaired surrogates and the
     * bidirectional overrides that make a text read differently from what it holds.
     */
    public static boolean isForbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || isBidiControl(codePoint);
    }

    private static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C
                || codePoint == 0x200E
                || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** The first forbidden character, written as {@code \u0000}. */
    public static Optional<String> firstForbidden(String value) {
        return value.codePoints()
                .filter(HostileText::isForbidden)
                .mapToObj(HostileText::escape)
                .findFirst();
    }

    public static String escape(int codePoint) {
        return codePoint > 0xFFFF ? String.format("\\u{%X}", codePoint) : String.format("\\u%04X", codePoint);
    }

    /**
     * The value as a message may show it: forbidden and other invisible characters escaped, cut after
     * {@value #EXCERPT_CODE_POINTS} characters with an ellipsis.
     */
    public static String excerpt(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int index = 0; index < value.length(); ) {
            int codePoint = value.codePointAt(index);
            index += Character.charCount(codePoint);
            if (count == EXCERPT_CODE_POINTS) {
                shown.append('…');
                break;
            }
            if (isForbidden(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
                shown.append(escape(codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
            count++;
        }
        return shown.toString();
    }
}
