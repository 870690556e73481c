package org.pchatdr.portal.procedure.generators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.procedure.ProcedureTexts;
import org.pchatdr.portal.procedure.Procedures;
import org.pchatdr.portal.topology.Topology;

/**
 * Builds a numbered procedure straight from a generator, without the registry's checks, and finds
 * steps in it: what every generator test starts from.
 */
final class GeneratedProcedures {

    /** The generation instant of every procedure built here: one-off file names carry it (C-1). */
    static final Instant GENERATED_AT = Instant.parse("2026-12-01T09:30:00Z");

    private GeneratedProcedures() {}

    /**
     * Every registered procedure with each of its variants ({@code null} for one without), in the
     * order an operator meets them: a new generator or variant is covered as soon as it is
     * registered.
     */
    static Stream<Arguments> routes() {
        return Procedures.names().stream().flatMap(name -> {
            List<String> variants = Procedures.generator(name).orElseThrow().variants();
            return (variants.isEmpty() ? Collections.<String>singletonList(null) : variants)
                    .stream().map(variant -> Arguments.of(name, variant));
        });
    }

    /** The registered generator called {@code name}. */
    static ProcedureGenerator generator(String name) {
        return Procedures.generator(name).orElseThrow();
    }

    /** The configuration and mirroring-failover generators (issue 9's routes). */
    static List<ProcedureGenerator> all() {
        return List.of(
                new ConfigureMirroring(),
                new ConfigureLogShipping(),
                new ConfigureLogShippingFromMirror(),
                new MirroringFailover());
    }

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

    static Procedure english(ProcedureGenerator generator, Topology topology, String variant) {
        return of(generator, topology, variant, Locale.ENGLISH);
    }

    /** {@code variant} {@code null} means the generator's default. */
    static Procedure of(
            ProcedureGenerator generator, Topology topology, Topology.Pool pool, String variant, Locale locale) {
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

    /** The rule ids of the steps, in order. */
    static List<String> ruleIds(Procedure procedure) {
        return procedure.steps().stream().map(Procedure.Step::ruleId).toList();
    }

    static Predicate<Procedure.Step> scriptHas(String text) {
        return step -> step.script() != null && step.script().contains(text);
    }

    /** The number of the first step that passes {@code test}; fails when there is none. */
    static int first(Procedure procedure, Predicate<Procedure.Step> test) {
        return numbers(procedure, test).findFirst().orElseThrow(() -> new AssertionError("no such step"));
    }

    /** The number of the last step that passes {@code test}; fails when there is none. */
    static int last(Procedure procedure, Predicate<Procedure.Step> test) {
        return numbers(procedure, test).max().orElseThrow(() -> new AssertionError("no such step"));
    }

    /** The step numbered {@code number}. */
    static Procedure.Step step(Procedure procedure, int number) {
        return procedure.steps().get(number - 1);
    }

    /** The number of the first step whose script contains {@code text}; fails when there is none. */
    static int firstStepWith(Procedure procedure, String text) {
        return numbers(procedure, scriptHas(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No step runs " + text));
    }

    /** The number of the last step whose script contains {@code text}; fails when there is none. */
    static int lastStepWith(Procedure procedure, String text) {
        return numbers(procedure, scriptHas(text)).max().orElseThrow(() -> new AssertionError("No step runs " + text));
    }

    private static IntStream numbers(Procedure procedure, Predicate<Procedure.Step> test) {
        return procedure.steps().stream().filter(test).mapToInt(Procedure.Step::number);
    }
}
