import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologyRules;

/**
 * Median time per operation on the largest legal topology: rule validation, import (read) and export
 * (write). Run by bench/topology.sh; prints figures, asserts nothing.
 */
public class TopologyBenchmark {

    public static void main(String[] args) throws Exception {
        String document = Files.readString(Path.of(args.length > 0 ? args[0] : "bench/largest-topology.json"));
        Topology topology = switch (TopologyFormat.read(document)) {
            case ReadResult.Read read -> read.topology();
            case ReadResult.Unreadable unreadable -> throw new IllegalStateException(unreadable.errors().toString());
        };
        System.out.printf("largest legal topology: %d servers, %d databases, %d SQL instances, %d rule findings%n",
                topology.pools().getFirst().servers().size(),
                topology.pools().getFirst().databases().size(),
                topology.sqlInstances().size(),
                TopologyRules.check(topology).size());
        report("validate (TopologyRules.check)", () -> TopologyRules.check(topology), 2.0);
        report("import (TopologyFormat.read)", () -> TopologyFormat.read(document), null);
        report("export (TopologyFormat.write)", () -> TopologyFormat.write(topology), null);
    }

    private static void report(String name, Supplier<?> operation, Double goalMillis) {
        for (int i = 0; i < 20_000; i++) {
            operation.get();
        }
        int rounds = 41;
        int perRound = 500;
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
        String goal = goalMillis == null
                ? ""
                : String.format("  (goal < %.0f ms: %s)", goalMillis, median / 1000 < goalMillis ? "met" : "NOT met");
        System.out.printf("%-32s median %8.1f µs per operation (fastest round %.1f, slowest %.1f)%s%n",
                name, median, micros[0], micros[rounds - 1], goal);
    }
}
