package org.pchatdr.portal.topology.rules;

import java.util.Arrays;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Violation;

/**
 * A translated text a rule can produce: its key {@code rule.<rule id>.<what>} in
 * {@code i18n/topology-rules} and how many arguments its pattern takes.
 */
record Message(String key, int arity) {

    /** The rule id is part of the key, so a violation can never cite one rule with another's text. */
    String ruleId() {
        return key.split("\\.")[1];
    }

    Violation at(Severity severity, String path, String... arguments) {
        assert arguments.length == arity : key + " takes " + arity + " arguments, not " + arguments.length;
        return new Violation(
                ruleId(),
                severity,
                path,
                key,
                Arrays.stream(arguments).map(Texts::shown).toList());
    }
}
