package org.pchatdr.portal.topology;

import java.util.List;

/**
 * A topology that breaks one of Microsoft's rules. {@code path} points at the offending element in
 * the format's notation ({@code pools[0].servers[2].active}); the message is the translation key
 * {@code messageKey} with {@code arguments}, which says what is wrong and how to fix it.
 */
public record Violation(String ruleId, Severity severity, String path, String messageKey, List<String> arguments) {

    public Violation {
        arguments = List.copyOf(arguments);
    }
}
