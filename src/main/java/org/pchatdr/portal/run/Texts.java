package org.pchatdr.portal.run;

import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;

/** Reasons, notes and pasted output as people type them: stripped, bounded, no stray control characters. */
final class Texts {

    private Texts() {}

    static String optional(String text, int max) {
        return text == null || text.isBlank() ? null : checked(text.strip(), max);
    }

    static String required(String text, int max, String code) {
        if (text == null || text.isBlank()) {
            throw new PortalException(Kind.INVALID, code);
        }
        return checked(text.strip(), max);
    }

    /** Pasted output keeps its layout (tabs, new lines, carriage returns) but not its trailing blanks. */
    static String output(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String pasted = text.stripTrailing();
        if (pasted.length() > max
                || pasted.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
            throw new PortalException(Kind.INVALID, "run_output_invalid", max);
        }
        return pasted;
    }

    private static String checked(String text, int max) {
        if (text.length() > max || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new PortalException(Kind.INVALID, "text_invalid", max);
        }
        return text;
    }
}
