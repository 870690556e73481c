package org.pchatdr.portal.run.internal;

import java.util.Arrays;

/** A transition the run refused, with the rule and the facts that explain it. */
public class RunRuleException extends RuntimeException {

    private final RunRule rule;
    private final transient Object[] arguments;

    public RunRuleException(RunRule rule, Object... arguments) {
        super(rule.code() + Arrays.toString(arguments));
        this.rule = rule;
        this.arguments = arguments.clone();
    }

    public RunRule rule() {
        return rule;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
