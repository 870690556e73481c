import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.pchatdr.portal.PortalApplication;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ProcedureGenerator;
import org.pchatdr.portal.procedure.ProcedureService;
import org.pchatdr.portal.procedure.Procedures;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Latency of every run transition through RunService while OPERATORS operators (50 by default) each
 * walk a run of their own at the same moment: request, approve (by an approver), start, then
 * startStep and completeStep for every step. The real application context runs on a fresh H2 file
 * database with Flyway, method security and the audit trail as in production; the accounts are
 * created through UserAccountService and signed in with their password. Goal: p95 under 25 ms per
 * transition on 2 cores. Run by bench/runs.sh; prints figures, asserts nothing, and exits non-zero
 * only when a call fails (a refusal is a bug of the benchmark).
 */
public class RunBenchmark {

    private static final double GOAL_MILLIS = 25.0;
    private static final int OPERATORS = setting("OPERATORS", 50);
    private static final int APPROVERS = setting("APPROVERS", 10);
    private static final int WARMUP_ROUNDS = setting("WARMUP_ROUNDS", 10);
    private static final int ROUNDS = setting("ROUNDS", 10);
    private static final int THINK_MILLIS = setting("THINK_MS", 0);
    private static final boolean PROFILE = setting("PROFILE", 0) == 1;
    private static final String ADMIN_PASSWORD = "Bench-Initial-Setup-1";
    private static final String PASSWORD = "Bench-Known-Pass-1";
    // Site failover stops at this step for the data-loss gate; a procedure with it would measure the gate.
    private static final String GATED_RULE = "F-4";
    private static final String OUTPUT = "Commands completed successfully.\r\n";

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final List<String> TRANSITIONS =
            List.of("request", "approve", "start", "startStep", "completeStep", "all");

    public static void main(String[] args) throws Exception {
        Topology sample = read(Path.of(args.length > 0 ? args[0] : "bench/largest-topology.json"));
        Path dataDir = Files.createTempDirectory("run-bench");
        String load = loadAverage();
        int failures;
        try {
            failures = boot(dataDir, load, sample);
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int boot(Path dataDir, String load, Topology sample) throws Exception {
        long start = System.nanoTime();
        // Command-line arguments, because they override application.properties (builder properties do not).
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalApplication.class)
                .run(
                        "--portal.data-dir=" + dataDir,
                        "--portal.admin-password=" + ADMIN_PASSWORD,
                        // Vaadin's security setup needs a servlet context: a server on a free port, never called.
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn",
                        "--spring.jpa.properties.hibernate.generate_statistics=" + PROFILE)) {
            System.out.printf(
                    "Context up in %.1f s on %s; connection pool %s%n",
                    (System.nanoTime() - start) / 1e9,
                    context.getEnvironment().getProperty("spring.datasource.url"),
                    poolSize(context));
            return new RunBenchmark(context, sample).measure(load);
        }
    }

    private final ConfigurableApplicationContext context;
    private final Topology sample;
    private final RunService runs;
    private final DaoAuthenticationProvider signIn;
    private final Map<String, Authentication> signedIn = new ConcurrentHashMap<>();

    private RunBenchmark(ConfigurableApplicationContext context, Topology sample) {
        this.context = context;
        this.sample = sample;
        this.runs = context.getBean(RunService.class);
        this.signIn = new DaoAuthenticationProvider(context.getBean(UserDetailsService.class));
        this.signIn.setPasswordEncoder(context.getBean(PasswordEncoder.class));
    }

    private int measure(String loadBefore) throws Exception {
        List<String> operators = names("bench-operator-", OPERATORS);
        List<String> approvers = names("bench-approver-", APPROVERS);
        createAccounts(operators, approvers);
        long[] topologies = publishCopies(operators, approvers);
        String pool = sample.pools().getFirst().fqdn();
        Chosen chosen = choose(topologies[0], pool, operators.getFirst());
        System.out.printf(
                "%d operators, each on its own published copy of \"%s\" (pool %s); %d approvers; %s%s, kind %s:"
                        + " %d steps, %d calls per run; think time %d ms; %d warm-up rounds, %d measured%n",
                OPERATORS,
                sample.name(),
                pool,
                APPROVERS,
                chosen.name(),
                chosen.variant() == null ? "" : " (" + chosen.variant() + ")",
                chosen.kind(),
                chosen.steps(),
                3 + 2 * chosen.steps(),
                THINK_MILLIS,
                WARMUP_ROUNDS,
                ROUNDS);

        ExecutorService threads = Executors.newFixedThreadPool(OPERATORS);
        try {
            Statistics statistics = statistics();
            Map<String, List<Call>> byTransition = new LinkedHashMap<>();
            TRANSITIONS.forEach(transition -> byTransition.put(transition, new ArrayList<>()));
            long wall = 0;
            long processCpuBefore = 0;
            for (int round = 1; round <= WARMUP_ROUNDS + ROUNDS; round++) {
                boolean warmUp = round <= WARMUP_ROUNDS;
                if (round == WARMUP_ROUNDS + 1) {
                    statistics.clear();
                    processCpuBefore = processCpuNanos();
                }
                Round result = round(
                        threads,
                        operators,
                        approvers,
                        topologies,
                        pool,
                        chosen,
                        warmUp ? 0 : THINK_MILLIS,
                        warmUp ? "warm-up " + round : "round " + (round - WARMUP_ROUNDS));
                if (result.failures() > 0) {
                    // A failed run still holds its pool: the next rounds would only fail on it.
                    return result.failures();
                }
                if (!warmUp) {
                    wall += result.wallNanos();
                    result.latencies().forEach((transition, list) -> {
                        byTransition.get(transition).addAll(list);
                        byTransition.get("all").addAll(list);
                    });
                }
            }
            report(byTransition, wall, loadBefore, processCpuNanos() - processCpuBefore);
            if (PROFILE) {
                profile(statistics, byTransition.get("all").size());
            }
            return 0;
        } finally {
            threads.shutdownNow();
        }
    }

    private record Chosen(String name, String variant, RunKind kind, int steps) {}

    /** One call: how long it took, and how much of that the calling thread spent on a CPU. */
    private record Call(long wallNanos, long cpuNanos) {}

    private record Round(Map<String, List<Call>> latencies, long wallNanos, int failures) {}

    /** One run per operator, all at once; returns every call's latency by transition. */
    private Round round(
            ExecutorService threads,
            List<String> operators,
            List<String> approvers,
            long[] topologies,
            String pool,
            Chosen chosen,
            int think,
            String label)
            throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Map<String, List<Call>>>> outcomes = new ArrayList<>();
        for (int i = 0; i < OPERATORS; i++) {
            String operator = operators.get(i);
            String approver = approvers.get(i % APPROVERS);
            long topology = topologies[i];
            outcomes.add(threads.submit(() -> {
                go.await();
                return new Walk(think).walk(operator, approver, topology, pool, chosen, label);
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        Map<String, List<Call>> latencies = new LinkedHashMap<>();
        int failures = 0;
        for (Future<Map<String, List<Call>>> outcome : outcomes) {
            try {
                outcome.get().forEach((transition, list) -> latencies
                        .computeIfAbsent(transition, key -> new ArrayList<>())
                        .addAll(list));
            } catch (java.util.concurrent.ExecutionException e) {
                failures++;
                System.out.println("FAILED in " + label + ": " + e.getCause());
                e.getCause().printStackTrace(System.out);
            }
        }
        long wall = System.nanoTime() - start;
        System.out.printf(
                "%-10s %5.1f s, %d runs completed, load average %s%n",
                label, wall / 1e9, OPERATORS - failures, loadAverage());
        return new Round(latencies, wall, failures);
    }

    /** One operator's run in one round, and the latency of each of its calls by transition. */
    private final class Walk {

        private final int think;
        private final Map<String, List<Call>> latencies = new LinkedHashMap<>();

        Walk(int think) {
            this.think = think;
        }

        Map<String, List<Call>> walk(
                String operator, String approver, long topology, String pool, Chosen chosen, String label) {
            RunView run = timed("request", operator, () -> runs.request(
                    new RunRequest(
                            topology, pool, chosen.name(), chosen.variant(), chosen.kind(), "benchmark " + label, null),
                    Locale.ENGLISH));
            RunView requested = run;
            run = timed("approve", approver, () -> runs.approve(requested.id(), requested.version(), "go"));
            RunView approved = run;
            run = timed("start", operator, () -> runs.start(approved.id(), approved.version()));
            for (RunView.Step step : run.steps()) {
                RunView before = run;
                run = timed("startStep", operator, () -> runs.startStep(before.id(), before.version(), step.number()));
                RunView started = run;
                run = timed(
                        "completeStep",
                        operator,
                        () -> runs.completeStep(started.id(), started.version(), step.number(), "done", OUTPUT));
            }
            if (run.state() != RunState.COMPLETED) {
                throw new IllegalStateException("run " + run.id() + " ended " + run.state() + ", not COMPLETED");
            }
            return latencies;
        }

        /** Thinks, signs {@code user} in on this thread (neither is timed), then times {@code call}. */
        private RunView timed(String transition, String user, Supplier<RunView> call) {
            if (think > 0) {
                // Uniform around the mean, so that the operators drift apart as people do.
                sleep(ThreadLocalRandom.current().nextInt(2 * think + 1));
            }
            signIn(user);
            long cpu = CPU.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            RunView result = call.get();
            long wall = System.nanoTime() - start;
            latencies
                    .computeIfAbsent(transition, key -> new ArrayList<>())
                    .add(new Call(wall, CPU.getCurrentThreadCpuTime() - cpu));
            return result;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The accounts are made by the administrator, as in the portal's user administration. */
    private void createAccounts(List<String> operators, List<String> approvers) {
        signIn("admin", ADMIN_PASSWORD);
        UserAccountService accounts = context.getBean(UserAccountService.class);
        operators.forEach(name -> accounts.createUser(name, EnumSet.of(Role.OPERATOR), PASSWORD));
        approvers.forEach(name -> accounts.createUser(name, EnumSet.of(Role.APPROVER), PASSWORD));
        operators.forEach(name -> signIn(name, PASSWORD));
        approvers.forEach(name -> signIn(name, PASSWORD));
    }

    /**
     * One active run per pool: each operator gets a copy of the sample of its own, imported by the
     * operator and published by an approver (four eyes).
     */
    private long[] publishCopies(List<String> operators, List<String> approvers) {
        TopologyService topologies = context.getBean(TopologyService.class);
        long[] ids = new long[OPERATORS];
        for (int i = 0; i < OPERATORS; i++) {
            signIn(operators.get(i));
            Topology copy = new Topology(
                    sample.name() + " " + (i + 1), sample.sites(), sample.sqlInstances(), sample.pools());
            ids[i] = topologies.create(copy, "benchmark copy").topologyId();
            signIn(approvers.get(i % APPROVERS));
            topologies.publish(ids[i], 1);
        }
        return ids;
    }

    /**
     * The procedure with the most steps for the pool and no data-loss gate, unless PROCEDURE (and
     * VARIANT) name one. Prints every procedure's step count, so the choice can be checked.
     */
    private Chosen choose(long topology, String pool, String operator) {
        signIn(operator);
        ProcedureService procedures = context.getBean(ProcedureService.class);
        String wanted = System.getenv("PROCEDURE");
        String wantedVariant = System.getenv("VARIANT");
        Chosen chosen = null;
        for (String name : Procedures.names()) {
            ProcedureGenerator generator = Procedures.generator(name).orElseThrow();
            List<String> variants =
                    generator.variants().isEmpty() ? Arrays.asList((String) null) : generator.variants();
            for (String variant : variants) {
                String label = name + (variant == null ? "" : " (" + variant + ")");
                Procedure procedure;
                try {
                    procedure = procedures.generate(topology, pool, name, variant, null, Locale.ENGLISH);
                } catch (PortalException e) {
                    System.out.printf("  %-40s does not apply: %s%n", label, e.code());
                    continue;
                }
                boolean gated =
                        procedure.steps().stream().anyMatch(step -> GATED_RULE.equals(step.ruleId()));
                System.out.printf(
                        "  %-40s %3d steps%s%n",
                        label,
                        procedure.steps().size(),
                        gated ? ", has the " + GATED_RULE + " data-loss gate" : "");
                boolean named = name.equals(wanted) && (wantedVariant == null || wantedVariant.equals(variant));
                boolean longest = wanted == null
                        && !gated
                        && (chosen == null || procedure.steps().size() > chosen.steps());
                if ((named && chosen == null) || longest) {
                    RunKind kind = name.startsWith("configure-") ? RunKind.CONFIGURATION : RunKind.DRILL;
                    chosen = new Chosen(name, variant, kind, procedure.steps().size());
                }
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException("No procedure " + wanted + " for pool " + pool);
        }
        return chosen;
    }

    private void signIn(String user, String password) {
        Authentication authentication =
                signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
        signedIn.put(user, authentication);
        signIn(user);
    }

    /** Makes {@code user}, signed in once with their password, the current user of this thread. */
    private void signIn(String user) {
        var security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(signedIn.get(user));
        SecurityContextHolder.setContext(security);
    }

    /**
     * CPU time of the whole process (every thread: callers, H2, garbage collector, compiler). Per
     * transition, it does not depend on how busy the rest of the machine is, as latency does.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void report(Map<String, List<Call>> byTransition, long wallNanos, String loadBefore, long processCpu) {
        int calls = byTransition.get("all").size();
        System.out.println();
        System.out.printf(
                "%d cores, load average %s before and %s after; %s %s; %d operators, think time %d ms%n",
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAverage(),
                System.getProperty("java.vm.vendor"),
                Runtime.version(),
                OPERATORS,
                THINK_MILLIS);
        System.out.printf(
                "Throughput: %d calls in %.1f s = %.0f calls/s, %.1f runs/s%n",
                calls, wallNanos / 1e9, calls / (wallNanos / 1e9), OPERATORS * ROUNDS / (wallNanos / 1e9));
        System.out.printf(
                "%-13s %7s %9s %9s %9s %9s %9s  %s%n",
                "transition",
                "count",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "CPU ms",
                "goal p95 < " + (int) GOAL_MILLIS + " ms");
        byTransition.forEach((transition, list) -> {
            long[] sorted = list.stream().mapToLong(Call::wallNanos).sorted().toArray();
            double p95 = percentile(sorted, 95);
            System.out.printf(
                    "%-13s %7d %9.1f %9.1f %9.1f %9.1f %9.2f  %s%n",
                    transition,
                    sorted.length,
                    percentile(sorted, 50),
                    p95,
                    percentile(sorted, 99),
                    sorted[sorted.length - 1] / 1e6,
                    list.stream().mapToLong(Call::cpuNanos).average().orElse(0) / 1e6,
                    p95 < GOAL_MILLIS ? "met" : "NOT met");
        });
        double cpu = byTransition.get("all").stream()
                        .mapToLong(Call::cpuNanos)
                        .average()
                        .orElse(0)
                / 1e6;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("CPU ms: mean CPU time of the calling thread per call (H2 runs in it); the rest is waiting"
                + " for a core, a connection or a lock.");
        long[] all = byTransition.get("all").stream()
                .mapToLong(Call::wallNanos)
                .sorted()
                .toArray();
        System.out.printf(
                "Process CPU per transition: %.3f ms (%.1f s of CPU for %d calls over the measured rounds)%n",
                processCpu / 1e6 / calls, processCpu / 1e9, calls);
        // One line for bench/runs.sh, which sets a baseline beside the current code.
        System.out.printf(
                Locale.ROOT,
                "RESULT process-cpu-ms-per-transition=%.3f thread-cpu-ms-per-transition=%.3f p50-ms=%.1f p95-ms=%.1f"
                        + " request-p95-ms=%.1f calls-per-s=%.0f%n",
                processCpu / 1e6 / calls,
                cpu,
                percentile(all, 50),
                percentile(all, 95),
                percentile(
                        byTransition.get("request").stream()
                                .mapToLong(Call::wallNanos)
                                .sorted()
                                .toArray(),
                        95),
                calls / (wallNanos / 1e9));
        if (THINK_MILLIS == 0) {
            System.out.printf(
                    "Nobody thinks, so the calls queue: the mean latency is at least %d operators x %.2f ms / %d cores"
                            + " = %.1f ms.%n",
                    OPERATORS, cpu, Math.min(OPERATORS, cores), OPERATORS * cpu / Math.min(OPERATORS, cores));
        }
    }

    /** Where the time goes, from Hibernate's statistics over the measured rounds (PROFILE=1). */
    private void profile(Statistics statistics, int calls) {
        System.out.printf(
                "%nPer call: %.1f JDBC statements, %.1f entity loads, %.1f collection loads, %.1f queries;"
                        + " %.1f inserts, %.1f updates, %.1f deletes; %d transactions%n",
                statistics.getPrepareStatementCount() / (double) calls,
                statistics.getEntityLoadCount() / (double) calls,
                statistics.getCollectionLoadCount() / (double) calls,
                statistics.getQueryExecutionCount() / (double) calls,
                statistics.getEntityInsertCount() / (double) calls,
                statistics.getEntityUpdateCount() / (double) calls,
                statistics.getEntityDeleteCount() / (double) calls,
                statistics.getTransactionCount());
        System.out.println("Queries by total time (ms: total, mean, max; executions):");
        Arrays.stream(statistics.getQueries())
                .map(query -> Map.entry(query, statistics.getQueryStatistics(query)))
                .sorted(Comparator.comparingLong(
                        (Map.Entry<String, org.hibernate.stat.QueryStatistics> entry) ->
                                entry.getValue().getExecutionTotalTime())
                        .reversed())
                .limit(8)
                .forEach(entry -> System.out.printf(
                        "  %7d %6.2f %5d %7d  %s%n",
                        entry.getValue().getExecutionTotalTime(),
                        entry.getValue().getExecutionAvgTimeAsDouble(),
                        entry.getValue().getExecutionMaxTime(),
                        entry.getValue().getExecutionCount(),
                        entry.getKey()));
    }

    private Statistics statistics() {
        return context.getBean(jakarta.persistence.EntityManagerFactory.class)
                .unwrap(SessionFactory.class)
                .getStatistics();
    }

    /** Nearest rank, in milliseconds. */
    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static Topology read(Path file) throws Exception {
        return switch (TopologyFormat.read(Files.readString(file))) {
            case ReadResult.Read read -> read.topology();
            case ReadResult.Unreadable unreadable -> throw new IllegalStateException(unreadable.errors().toString());
        };
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(String.format("%s%02d", prefix, i));
        }
        return names;
    }

    private static Object poolSize(ConfigurableApplicationContext context) {
        return context.getBean(DataSource.class) instanceof com.zaxxer.hikari.HikariDataSource hikari
                ? hikari.getMaximumPoolSize() + " connections"
                : "unknown";
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
