import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.procedure.ProcedureJson;
import org.pchatdr.portal.procedure.Procedures;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyFormat;

/**
 * Median time to generate each procedure Procedures.names() lists, every variant, for the first pool
 * of the largest legal topology; goal under 5 ms per procedure. Generation includes the rule check
 * Procedures.generate makes. Run by bench/procedures.sh; prints figures, asserts nothing.
 */
public class ProcedureBenchmark {

    private static final double GOAL_MILLIS = 5.0;

    public static void main(String[] args) throws Exception {
        String document = Files.readString(Path.of(args.length > 0 ? args[0] : "bench/largest-topology.json"));
        Topology topology = switch (TopologyFormat.read(document)) {
            case ReadResult.Read read -> read.topology();
            case ReadResult.Unreadable unreadable -> throw new IllegalStateException(unreadable.errors().toString());
        };
        String pool = topology.pools().getFirst().fqdn();
        Procedure.TopologyRef ref = new Procedure.TopologyRef(topology.name(), 1, TopologyFormat.sha256(topology));
        List<String> names = Procedures.names();
        System.out.printf("largest legal topology, pool %s; %d procedures registered: %s%n", pool, names.size(), names);
        if (names.isEmpty()) {
            System.out.println("No generator is registered yet: nothing to measure.");
            return;
        }
        for (String name : names) {
            ProcedureGenerator generator = Procedures.generator(name).orElseThrow();
            List<String> variants = generator.variants().isEmpty() ? Arrays.asList((String) null) : generator.variants();
            for (String variant : variants) {
                Supplier<Procedure> generate = () -> Procedures.generate(
                        topology, ref, pool, name, variant, Locale.ENGLISH, Instant.EPOCH);
                Procedure sample = generate.get();
                String label = name + (variant == null ? "" : " (" + variant + ")");
                report(label + ", " + sample.steps().size() + " steps", generate);
                report("  + JSON", () -> ProcedureJson.write(generate.get()));
            }
        }
    }

    private static void report(String name, Supplier<?> operation) {
        for (int i = 0; i < 5_000; i++) {
            operation.get();
        }
        int rounds = 41;
        int perRound = 200;
        double[] micros = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                operation.get();
            }
            micros[round] = (System.nanoTime() - start) / 1_000.0 / perRound;
        }
        Arrays.sort(micros);
        double median = micros[rounds / 2];
        System.out.printf("%-52s median %8.1f µs (fastest round %.1f, slowest %.1f)  (goal < %.0f ms: %s)%n",
                name, median, micros[0], micros[rounds - 1], GOAL_MILLIS,
                median / 1000 < GOAL_MILLIS ? "met" : "NOT met");
    }
}
