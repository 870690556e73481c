package org.pchatdr.portal.procedure;

import java.util.Arrays;
import java.util.List;
import org.pchatdr.portal.topology.Violation;

/**
 * Why {@link Procedures#generate} made no procedure: an unknown procedure, variant or pool, a
 * topology that breaks an error-level rule (with those violations), or a value from the topology
 * that no quoting can make safe. {@link Reason#code()} is the stable code the REST API answers with
 * ({@code error.<code>} in {@code i18n/procedure}).
 */
public class ProcedureException extends RuntimeException {

    public enum Reason {
        UNKNOWN_PROCEDURE("procedure_unknown"),
        UNKNOWN_VARIANT("procedure_variant_unknown"),
        UNKNOWN_POOL("procedure_pool_unknown"),
        UNUSABLE_TOPOLOGY("procedure_topology_unusable"),
        UNSAFE_VALUE("procedure_unsafe_value"),
        NOT_APPLICABLE("procedure_not_applicable");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final transient Object[] arguments;
    private final transient List<Violation> violations;

    public ProcedureException(Reason reason, List<Violation> violations, Object... arguments) {
        super(reason.code() + Arrays.toString(arguments));
        this.reason = reason;
        this.arguments = arguments.clone();
        this.violations = List.copyOf(violations);
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return reason.code();
    }

    /** The arguments of the message {@code error.<code>}. */
    public Object[] arguments() {
        return arguments.clone();
    }

    /** The error-level rule violations that make the topology unusable; empty for other reasons. */
    public List<Violation> violations() {
        return violations;
    }
}
