package org.pchatdr.portal.procedure;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.topology.Topology;

/**
 * Writes the steps of one procedure for one pool. Implementations are pure: the same topology, pool,
 * variant and language always give the same steps. Step numbers are assigned by the caller.
 */
public interface ProcedureGenerator {

    /** As the API names it: {@code configure-mirroring}, {@code site-failover} … */
    String name();

    /** The variants it accepts, the first being the default ({@code unplanned}…); empty when none. */
    default List<String> variants() {
        return List.of();
    }

    /** Warnings that apply to the whole procedure. */
    List<Procedure.Note> warnings(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts);

    /** The steps in order, numbered 0: the caller numbers them. */
    List<Procedure.Step> steps(Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts);

    /**
     * The steps, for a procedure generated at {@code generatedAt}: what {@link Procedures#generate}
     * calls, so that one-off files can be named after the generation instant (C-1). Generators that
     * name none keep the four-argument form.
     */
    default List<Procedure.Step> steps(
            Topology topology, Topology.Pool pool, String variant, ProcedureTexts texts, Instant generatedAt) {
        return steps(topology, pool, variant, texts);
    }

    /**
     * Whether the procedure can be written for the pool in this variant. A generator that knows it
     * cheaply says so; by default the steps are written once, in English, to find out.
     */
    default boolean appliesTo(Topology topology, Topology.Pool pool, String variant) {
        try {
            steps(topology, pool, variant, ProcedureTexts.of(Locale.ROOT));
            return true;
        } catch (NotApplicable e) {
            return false;
        } catch (Quote.UnsafeValueException e) {
            // It applies; writing it is refused with the value's reason when asked for.
            return true;
        }
    }

    /**
     * The procedure makes no sense for this pool (no mirror to fail over to, no backup to ship logs
     * to): {@code reasonKey} is the procedure text saying why, {@code ruleId} the rule it rests on.
     */
    final class NotApplicable extends RuntimeException {

        private final String ruleId;
        private final String reasonKey;

        public NotApplicable(String ruleId, String reasonKey) {
            super(reasonKey + " (" + ruleId + ")");
            this.ruleId = ruleId;
            this.reasonKey = reasonKey;
        }

        public String ruleId() {
            return ruleId;
        }

        public String reasonKey() {
            return reasonKey;
        }
    }
}
