package org.pchatdr.portal.topology.diagram;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.pchatdr.portal.topology.Violation;

/** The translated texts of one drawing: the diagram's labels and the findings' messages. */
final class DiagramTexts {

    private final Function<String, String> text;

    DiagramTexts(Function<String, String> text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    String t(Label label, Object... arguments) {
        return format(label.key(), arguments);
    }

    String message(Violation violation) {
        return format(violation.messageKey(), violation.arguments().toArray());
    }

    /**
     * {@code text} gives the pattern of a key (the UI's translator returns it with its placeholders
     * untouched when called without arguments); the arguments are filled in here, as plain strings
     * so that a port reads 5022 and not 5,022.
     */
    private String format(String key, Object... arguments) {
        String pattern = key == null ? null : text.apply(key);
        if (pattern == null) {
            pattern = Objects.toString(key, "");
        }
        if (arguments.length == 0) {
            return pattern;
        }
        Object[] strings = Arrays.stream(arguments).map(String::valueOf).toArray();
        try {
            return new MessageFormat(pattern, Locale.ROOT).format(strings);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }
}
