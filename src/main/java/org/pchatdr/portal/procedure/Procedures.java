package org.pchatdr.portal.procedure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.pchatdr.portal.procedure.ProcedureException.Reason;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyRules;
import org.pchatdr.portal.topology.Violation;

/**
 * Every procedure the portal writes, and the one place that assembles a {@link Procedure}: checks
 * the request and the topology, runs the generator, numbers the steps. Generators are found with
 * {@link ServiceLoader} ({@code META-INF/services/org.pchatdr.portal.procedure.ProcedureGenerator}),
 * so that each group of procedures registers its own and this works without Spring, for the
 * command line as for the portal.
 */
public final class Procedures {

    /** The procedures of the domain reference, in the order an operator meets them. */
    static final List<String> ORDER = List.of(
            "configure-mirroring",
            "configure-log-shipping",
            "configure-log-shipping-from-mirror",
            "mirroring-failover",
            "site-failover",
            "site-failback");

    private Procedures() {}

    /** The procedures of {@link #ORDER} that have a generator, in that order. */
    public static List<String> names() {
        return ORDER.stream().filter(Registry.GENERATORS::containsKey).toList();
    }

    /** The generator registered as {@code name}, including any that is not one of {@link #names()}. */
    public static Optional<ProcedureGenerator> generator(String name) {
        return Optional.ofNullable(name).map(Registry.GENERATORS::get);
    }

    /**
     * The procedure {@code name} for the pool {@code poolFqdn} (case-insensitive) of the topology.
     * {@code variant} {@code null} or blank means the generator's default.
     *
     * @throws ProcedureException for an unknown procedure, variant or pool, a topology with
     *     error-level rule violations, or a value no quoting makes safe
     */
    public static Procedure generate(
            Topology topology,
            Procedure.TopologyRef ref,
            String poolFqdn,
            String name,
            String variant,
            Locale locale,
            Instant generatedAt) {
        return generate(
                        topology,
                        TopologyRules.check(topology),
                        ref,
                        poolFqdn,
                        name,
                        variant,
                        List.of(locale),
                        generatedAt)
                .getFirst();
    }

    /**
     * The same procedure in each of {@code locales}, in that order, generated at one instant, for a
     * topology whose rules were already checked ({@code violations}, as a stored
     * {@code TopologyVersion} carries them): freezing a run's procedure in every language checks
     * the rules once, not once per language and again for the version it read.
     *
     * @throws ProcedureException as {@link #generate(Topology, Procedure.TopologyRef, String, String,
     *     String, Locale, Instant)}
     */
    public static List<Procedure> generate(
            Topology topology,
            List<Violation> violations,
            Procedure.TopologyRef ref,
            String poolFqdn,
            String name,
            String variant,
            List<Locale> locales,
            Instant generatedAt) {
        ProcedureGenerator generator =
                generator(name).orElseThrow(() -> new ProcedureException(Reason.UNKNOWN_PROCEDURE, List.of(), name));
        String chosen = variant(generator, variant);
        Topology.Pool pool = pool(topology, poolFqdn);
        requireUsable(topology, violations);
        List<Procedure> written = new ArrayList<>();
        for (Locale locale : locales) {
            ProcedureTexts texts = ProcedureTexts.of(locale);
            try {
                List<Procedure.Note> warnings = generator.warnings(topology, pool, chosen, texts);
                List<Procedure.Step> steps = number(generator.steps(topology, pool, chosen, texts, generatedAt));
                written.add(new Procedure(generator.name(), chosen, pool.fqdn(), ref, generatedAt, warnings, steps));
            } catch (Quote.UnsafeValueException e) {
                throw new ProcedureException(Reason.UNSAFE_VALUE, List.of(), e.shown());
            } catch (ProcedureGenerator.NotApplicable e) {
                throw new ProcedureException(
                        Reason.NOT_APPLICABLE,
                        List.of(),
                        generator.name(),
                        pool.fqdn(),
                        texts.text(e.reasonKey()),
                        e.ruleId());
            }
        }
        return written;
    }

    /**
     * The procedures, each with the variants of it, that can be written for the pool: a site
     * failover needs a backup database, a mirroring failover a mirror. The topology's rules are
     * checked once; none applies to a topology that breaks an error-level rule.
     *
     * @throws ProcedureException for an unknown pool
     */
    public static List<Applicable> applicable(Topology topology, String poolFqdn) {
        return applicable(topology, TopologyRules.check(topology), poolFqdn);
    }

    /** As {@link #applicable(Topology, String)}, for a topology whose rules were already checked. */
    public static List<Applicable> applicable(Topology topology, List<Violation> violations, String poolFqdn) {
        Topology.Pool pool = pool(topology, poolFqdn);
        if (!errors(violations).isEmpty()) {
            return List.of();
        }
        List<Applicable> found = new ArrayList<>();
        for (String name : names()) {
            ProcedureGenerator generator = Registry.GENERATORS.get(name);
            List<String> variants =
                    generator.variants().isEmpty() ? Collections.singletonList(null) : generator.variants();
            List<String> usable = variants.stream()
                    .filter(variant -> generator.appliesTo(topology, pool, variant))
                    .toList();
            if (!usable.isEmpty()) {
                found.add(new Applicable(name, generator.variants().isEmpty() ? List.of() : usable));
            }
        }
        return found;
    }

    /** A procedure that applies to a pool, with the variants that do (empty when it has none). */
    public record Applicable(String procedure, List<String> variants) {

        public Applicable {
            variants = List.copyOf(variants);
        }
    }

    private static Topology.Pool pool(Topology topology, String poolFqdn) {
        return topology.pool(poolFqdn == null ? "" : poolFqdn)
                .orElseThrow(() -> new ProcedureException(Reason.UNKNOWN_POOL, List.of(), poolFqdn, topology.name()));
    }

    private static void requireUsable(Topology topology, List<Violation> violations) {
        List<Violation> errors = errors(violations);
        if (!errors.isEmpty()) {
            throw new ProcedureException(Reason.UNUSABLE_TOPOLOGY, errors, topology.name(), errors.size());
        }
    }

    private static List<Violation> errors(List<Violation> violations) {
        return violations.stream()
                .filter(violation -> violation.severity() == Severity.ERROR)
                .toList();
    }

    private static String variant(ProcedureGenerator generator, String variant) {
        List<String> variants = generator.variants();
        if (variant == null || variant.isBlank()) {
            return variants.isEmpty() ? null : variants.getFirst();
        }
        if (!variants.contains(variant)) {
            String allowed = variants.isEmpty() ? "—" : String.join(", ", variants);
            throw new ProcedureException(Reason.UNKNOWN_VARIANT, List.of(), variant, generator.name(), allowed);
        }
        return variant;
    }

    private static List<Procedure.Step> number(List<Procedure.Step> steps) {
        List<Procedure.Step> numbered = new ArrayList<>(steps.size());
        for (Procedure.Step step : steps) {
            numbered.add(step.numbered(numbered.size() + 1));
        }
        return numbered;
    }

    /** Loaded once, on first use. */
    private static final class Registry {

        static final Map<String, ProcedureGenerator> GENERATORS = load();

        private static Map<String, ProcedureGenerator> load() {
            Map<String, ProcedureGenerator> generators = new LinkedHashMap<>();
            for (ProcedureGenerator generator :
                    ServiceLoader.load(ProcedureGenerator.class, Procedures.class.getClassLoader())) {
                ProcedureGenerator other = generators.putIfAbsent(generator.name(), generator);
                if (other != null && other.getClass() != generator.getClass()) {
                    throw new IllegalStateException("Two generators are named " + generator.name() + ": "
                            + other.getClass().getName() + " and "
                            + generator.getClass().getName());
                }
            }
            return Collections.unmodifiableMap(generators);
        }
    }
}
