package org.pchatdr.portal.topology;

import java.util.List;

/**
 * A topology that breaks one of Microsoft's rules. {@code path} points at the offending element in
 * the format's notation ({@code pools[0].servers[2].active}); the message is the translation key
 * {@code messageKey} with {@code arguments}, which says what is wrong and how to fix it.
 * {@code element} is the key of what the finding concerns ({@link TopologyElements}): usually the
 * element at {@code path}, more precise where one path carries several findings of a rule (T-5:
 * the servers of a pool, once per site). A warning is accepted for its rule id and element.
 */
public record Violation(
        String ruleId, Severity severity, String path, String messageKey, List<String> arguments, String element) {

    public Violation {
        arguments = List.copyOf(arguments);
        if (element == null) {
            element = path;
        }
    }

    /** A finding about the element at {@code path} itself. */
    public Violation(String ruleId, Severity severity, String path, String messageKey, List<String> arguments) {
        this(ruleId, severity, path, messageKey, arguments, null);
    }

    /** The same finding, about {@code element} (a key, or a path still to be turned into one). */
    public Violation concerning(String element) {
        return new Violation(ruleId, severity, path, messageKey, arguments, element);
    }

    /** How people name the element, in the reader's language. */
    public String describeElement(Topology topology, TopologyElements.Texts texts) {
        return TopologyElements.describe(element, topology, texts);
    }
}
