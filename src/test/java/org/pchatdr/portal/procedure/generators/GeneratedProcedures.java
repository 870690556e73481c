package org.pchatdr.portal.procedure.generators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.topology.Topology;

/** Builds a numbered procedure straight from a generator, without the registry. */
final class GeneratedProcedures {

    /** The generation instant of every procedure built here: one-off file names carry it (C-1). */
    static final Instant GENERATED_AT = Instant.parse("2026-12-01T09:30:00Z");

    private GeneratedProcedures() {}

    /** The generator's default variant. */
    static Procedure of(ProcedureGenerator generator, Topology topology, Locale locale) {
        return of(generator, topology, topology.pools().getFirst(), null, locale);
    }

    static Procedure of(ProcedureGenerator generator, Topology topology, String variant, Locale locale) {
        return of(generator, topology, topology.pools().getFirst(), variant, locale);
    }

    static Procedure of(ProcedureGenerator generator, Topology topology, Topology.Pool pool, Locale locale) {
        return of(generator, topology, pool, null, locale);
    }

    static Procedure of(
            ProcedureGenerator generator, Topology topology, Topology.Pool pool, String variant, Locale locale) {
        ProcedureTexts texts = ProcedureTexts.of(locale);
        String chosen = variant != null
                ? variant
                : generator.variants().isEmpty() ? null : generator.variants().getFirst();
        List<Procedure.Step> numbered = new ArrayList<>();
        List<Procedure.Step> steps = generator.steps(topology, pool, chosen, texts, GENERATED_AT);
        for (int i = 0; i < steps.size(); i++) {
            Procedure.Step s = steps.get(i);
            numbered.add(new Procedure.Step(
                    i + 1,
                    s.ruleId(),
                    s.title(),
                    s.purpose(),
                    s.target(),
                    s.language(),
                    s.script(),
                    s.expected(),
                    s.verify(),
                    s.warnings(),
                    s.undo()));
        }
        return new Procedure(
                generator.name(),
                chosen,
                pool.fqdn(),
                new Procedure.TopologyRef(topology.name(), 1, "sha"),
                GENERATED_AT,
                generator.warnings(topology, pool, chosen, texts),
                numbered);
    }

    static List<ProcedureGenerator> all() {
        return List.of(
                new ConfigureMirroring(),
                new ConfigureLogShipping(),
                new ConfigureLogShippingFromMirror(),
                new MirroringFailover());
    }
}
