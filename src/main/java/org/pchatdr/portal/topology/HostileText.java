package org.pchatdr.portal.topology;

import java.util.List;
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

    /**
     * How a document format escapes text: each of {@code specials} is written as its replacement
     * (same index), a surrogate pair as it is, and any other character, an unpaired surrogate
     * included, as {@code other} writes it. The walk the SVG and the JSON writers share.
     */
    public record Escapes(String specials, List<String> replacements, CharWriter other) {

        public Escapes {
            replacements = List.copyOf(replacements);
            if (replacements.size() != specials.length()) {
                throw new IllegalArgumentException("one replacement for each of " + specials);
            }
        }

        public void append(StringBuilder out, String text) {
            for (int index = 0; index < text.length(); index++) {
                char c = text.charAt(index);
                int special = specials.indexOf(c);
                if (special >= 0) {
                    out.append(replacements.get(special));
                } else if (Character.isHighSurrogate(c)
                        && index + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(index + 1))) {
                    out.append(c).append(text.charAt(++index));
                } else {
                    other.write(out, c);
                }
            }
        }
    }

    /** Writes one character that is neither special nor part of a surrogate pair. */
    @FunctionalInterface
    public interface CharWriter {
        void write(StringBuilder out, char c);
    }
}
