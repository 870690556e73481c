package org.pchatdr.portal.topology.diagram;

/**
 * Estimates how wide a text is drawn, from the advance widths of DejaVu Sans, the widest common
 * sans-serif: boxes sized this way also hold the text in narrower fonts such as Arial.
 */
final class TextWidth {

    private static final String NARROW = "iljI.,:;|!'’`· ";
    private static final String SMALL = "frt()[]-/\\\"";
    private static final String WIDE = "mwMW@%";
    private static final String SYMBOL = "<>=+#&~^*";

    private TextWidth() {}

    static double of(String text, double fontSize, boolean bold) {
        if (text == null) {
            return 0;
        }
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            em += em(c);
        }
        return em * fontSize * (bold ? 1.1 : 1.0);
    }

    private static double em(int c) {
        if (c < 0x80) {
            char ch = (char) c;
            if (NARROW.indexOf(ch) >= 0) {
                return 0.32;
            }
            if (SMALL.indexOf(ch) >= 0) {
                return 0.42;
            }
            if (WIDE.indexOf(ch) >= 0) {
                return 1.0;
            }
            if (SYMBOL.indexOf(ch) >= 0) {
                return 0.84;
            }
            if (Character.isUpperCase(ch)) {
                return 0.74;
            }
            return 0.64;
        }
        if (Character.isIdeographic(c) || Character.getType(c) == Character.OTHER_SYMBOL) {
            return 1.0;
        }
        return 0.7;
    }
}
