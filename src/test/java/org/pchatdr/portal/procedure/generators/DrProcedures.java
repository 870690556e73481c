package org.pchatdr.portal.procedure.generators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.topology.Topology;

/** Builds a whole procedure from one generator, numbering its steps, without the registry. */
final class DrProcedures {

    /** A fixed generation time, so that the one-off file names (C-1) in the goldens stay the same. */
    static final Instant GENERATED_AT = Instant.parse("2026-12-01T09:30:00Z");

    private DrProcedures() {}

    static Procedure generate(ProcedureGenerator generator, Topology topology, String variant, Locale locale) {
        Topology.Pool pool = topology.pools().getFirst();
        ProcedureTexts texts = ProcedureTexts.of(locale);
        String chosen = variant != null
                ? variant
                : generator.variants().isEmpty() ? null : generator.variants().getFirst();
        List<Procedure.Step> numbered = new ArrayList<>();
        for (Procedure.Step step : generator.steps(topology, pool, chosen, texts, GENERATED_AT)) {
            numbered.add(new Procedure.Step(
                    numbered.size() + 1,
                    step.ruleId(),
                    step.title(),
                    step.purpose(),
                    step.target(),
                    step.language(),
                    step.script(),
                    step.expected(),
                    step.verify(),
                    step.warnings(),
                    step.undo()));
        }
        return new Procedure(
                generator.name(),
                chosen,
                pool.fqdn(),
                new Procedure.TopologyRef(topology.name(), 1, "0".repeat(64)),
                GENERATED_AT,
                generator.warnings(topology, pool, chosen, texts),
                numbered);
    }

    static Procedure english(ProcedureGenerator generator, Topology topology, String variant) {
        return generate(generator, topology, variant, Locale.ENGLISH);
    }

    /** The rule ids of the steps, in order. */
    static List<String> ruleIds(Procedure procedure) {
        return procedure.steps().stream().map(Procedure.Step::ruleId).toList();
    }

    /** The number of the first step whose script contains {@code text}; fails when there is none. */
    static int firstStepWith(Procedure procedure, String text) {
        return procedure.steps().stream()
                .filter(step -> step.script() != null && step.script().contains(text))
                .mapToInt(Procedure.Step::number)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No step runs " + text));
    }

    /** The number of the last step whose script contains {@code text}; fails when there is none. */
    static int lastStepWith(Procedure procedure, String text) {
        return procedure.steps().stream()
                .filter(step -> step.script() != null && step.script().contains(text))
                .mapToInt(Procedure.Step::number)
                .max()
                .orElseThrow(() -> new AssertionError("No step runs " + text));
    }
}
