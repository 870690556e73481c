package org.pchatdr.portal.base;

import org.pchatdr.portal.base.PortalException.Kind;

/**
 * Comments, reasons, notes and pasted output as people type them, checked the same way by every
 * feature: stripped, bounded, and free of control characters other than line breaks and tabs.
 */
public final class TypedText {

    private TypedText() {}

    /** The stripped text, or {@code null} when nothing but blanks was typed. */
    public static String optional(String text, int max) {
        String stripped = blankToNull(text);
        return stripped == null ? null : checked(stripped, max);
    }

    /**
     * A filter value as typed (a pool, a requester, an actor): stripped, or {@code null}, which
     * filters nothing, when blank. Not bounded: a filter is only compared, never stored.
     */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The stripped text; nothing typed is refused with {@code code}. */
    public static String required(String text, int max, String code) {
        if (text == null || text.isBlank()) {
            throw new PortalException(Kind.INVALID, code);
        }
        return checked(text.strip(), max);
    }

    /**
     * Pasted command output keeps its layout (tabs, new lines, carriage returns) but not its
     * trailing blanks; anything else is refused with {@code code}.
     */
    public static String output(String text, int max, String code) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String pasted = text.stripTrailing();
        if (pasted.length() > max || hasControl(pasted, "\n\t\r")) {
            throw new PortalException(Kind.INVALID, code, max);
        }
        return pasted;
    }

    private static String checked(String text, int max) {
        if (text.length() > max || hasControl(text, "\n\t")) {
            throw new PortalException(Kind.INVALID, "text_invalid", max);
        }
        return text;
    }

    private static boolean hasControl(String text, String allowed) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && allowed.indexOf(c) < 0);
    }
}
