package org.pchatdr.portal.base;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The details of an audit record as words of the bundles: a message {@code key} and its
 * arguments, so that each reader sees them in their own language rather than in the one they were
 * written in (issue 12). An argument is a number, a text as someone typed it (shown as typed), or
 * a message of its own (a state, a system comment), translated in turn; {@code null} shows as "-".
 */
public record AuditMessage(String key, List<Object> arguments) {

    /** The words the message and its nested messages are said in. */
    public interface Texts {

        /** The message {@code key} with {@code arguments}, in the reader's language. */
        String text(String key, Object... arguments);

        /** A text someone typed, as it is shown (system comments are translated). */
        default String typed(String text) {
            return text;
        }
    }

    public AuditMessage {
        for (Object argument : arguments) {
            if (argument != null
                    && !(argument instanceof String)
                    && !(argument instanceof Number)
                    && !(argument instanceof AuditMessage)) {
                throw new IllegalArgumentException("not an audit message argument: " + argument.getClass());
            }
        }
        arguments = java.util.Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    public static AuditMessage of(String key, Object... arguments) {
        return new AuditMessage(key, Arrays.asList(arguments));
    }

    /** The message said with {@code texts}. */
    public String render(Texts texts) {
        Object[] shown = new Object[arguments.size()];
        for (int index = 0; index < shown.length; index++) {
            Object argument = arguments.get(index);
            shown[index] = switch (argument) {
                case null -> "-";
                case AuditMessage nested -> nested.render(texts);
                case String text -> texts.typed(text);
                default -> argument;
            };
        }
        return texts.text(key, shown);
    }
}
