package org.pchatdr.portal.approval;

import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;

/** Comments as people type them: stripped, bounded, no control characters but new lines and tabs. */
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

    private static String checked(String text, int max) {
        if (text.length() > max || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new PortalException(Kind.INVALID, "text_invalid", max);
        }
        return text;
    }
}
