package org.pchatdr.portal.run.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Why an action is refused now: the rule and the facts its translated message quotes. */
public record Refusal(RunRule rule, List<Object> arguments) {

    public Refusal {
        // A run not saved yet has no id: arguments may be null.
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    static Refusal of(RunRule rule, Object... arguments) {
        return new Refusal(rule, Arrays.asList(arguments));
    }

    public RunRuleException exception() {
        return new RunRuleException(rule, arguments.toArray());
    }
}
