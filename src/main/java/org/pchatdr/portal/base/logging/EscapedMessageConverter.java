package org.pchatdr.portal.base.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %m} of every log line with control characters escaped (issue 11): whatever a request
 * carried — ESC sequences that recolour or clear a terminal, NUL — never reaches the log raw, even
 * through a framework's message. Line breaks and tabs stay: multi-line reports keep their shape.
 * Registered in {@code logback-spring.xml}.
 */
public class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return escapeControls(super.convert(event));
    }

    /** Control characters other than line breaks and tabs as {@code \\uXXXX}. */
    public static String escapeControls(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
            if (control && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (control) {
                    escaped.append(String.format("\\u%04x", (int) c));
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
