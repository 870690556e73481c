import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.PortalApplication;
import org.pchatdr.portal.audit.AuditExportFormat;
import org.pchatdr.portal.audit.AuditQuery;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.audit.ChainVerification;
import org.pchatdr.portal.audit.internal.AuditRecord;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.procedure.ProcedureService;
import org.pchatdr.portal.review.EvidenceService;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The audit trail at a million events (issue 14): seeds EVENTS records with a valid hash chain
 * straight into an embedded H2 file database (batched JDBC; each hash is computed by the portal's
 * own AuditRecord, so the chain verification below checks a real chain), then measures through the
 * real services: the first page of the grid/API, a page for every filter the API offers, the CSV
 * export of all records (time and heap growth after GC), the chain verification, and the evidence
 * pack of a walked run. Every figure is given as wall time and as the CPU time of the measuring
 * thread (H2 is embedded, so the query runs on it): on a shared machine the wall time grows with
 * the load, the CPU time hardly does. Run by bench/audit.sh. Figures, not a test.
 */
public class AuditBenchmark {

    private static final int EVENTS = Integer.parseInt(System.getenv().getOrDefault("EVENTS", "1000000"));
    private static final int REPEAT = 15;
    /** The step executions of the evidence pack's run: the 30-step run. */
    private static final int EXECUTIONS = 30;
    private static final String[] ACTIONS = {"SIGNED_IN", "STEP_DONE", "STEP_STARTED", "RUN_REQUESTED", "ROLES_CHANGED"};

    public static void main(String[] args) throws Exception {
        // AUDIT_BENCH_DATA keeps the seeded database for the next run (seeding is most of the time).
        String kept = System.getenv("AUDIT_BENCH_DATA");
        Path dataDir = kept == null ? Files.createTempDirectory("audit-bench") : Files.createDirectories(Path.of(kept));
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalApplication.class)
                .run(
                        "--portal.data-dir=" + dataDir,
                        "--portal.admin-password=Bench-Initial-Setup-1",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn",
                        "--portal.sweep.interval-ms=86400000",
                        "--portal.audit.checkpoint-interval-ms=86400000")) {
            System.out.printf("Context up in %.1f s%n", (System.nanoTime() - start) / 1e9);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long records = jdbc.queryForObject("select count(*) from audit_record", Long.class);
            if (records < EVENTS) {
                seed(jdbc);
            } else {
                System.out.printf(Locale.ROOT, "Reusing %,d seeded audit events in %s%n", records, dataDir);
            }
            // H2 hands back the last result of an identical query while nothing was written: each
            // measured call is preceded by a write, as on a live trail, so that every figure is a real read.
            jdbc.execute("create table if not exists bench_scratch (n bigint)");
            Runnable write = () -> jdbc.update("insert into bench_scratch (n) values (?)", System.nanoTime());
            signIn("bench-frank", Role.MANAGER, Role.AUDITOR);
            AuditService audit = context.getBean(AuditService.class);
            long head = audit.head().seq();
            java.util.Random random = new java.util.Random(14);

            report("first page (100, newest)", repeat(write, () -> audit.page(AuditQuery.none(), null, 100)), 100);
            report(
                    "a page at a random depth",
                    repeat(write, () -> audit.page(AuditQuery.none(), 1 + (long) (random.nextDouble() * head), 100)),
                    100);
            filtered(audit, write, "actor", new AuditQuery("user-7", null, null, null, null, null, null));
            filtered(audit, write, "action", new AuditQuery(null, "ROLES_CHANGED", null, null, null, null, null));
            filtered(
                    audit,
                    write,
                    "target",
                    new AuditQuery(null, null, "run 4242 (pchat.contoso.local)", null, null, null, null));
            filtered(audit, write, "subject (run 4242)", new AuditQuery(null, null, null, "run 4242", null, null, null));
            filtered(
                    audit,
                    write,
                    "actor + action (none match)",
                    new AuditQuery("user-7", "ROLES_CHANGED", null, null, null, null, null));
            Instant newest = audit.page(AuditQuery.none(), null, 1).events().getFirst().occurredAt();
            filtered(
                    audit,
                    write,
                    "from (last 24 h)",
                    new AuditQuery(null, null, null, null, newest.minus(1, ChronoUnit.DAYS), null, null));
            filtered(
                    audit,
                    write,
                    "from + to (a day, a week ago)",
                    new AuditQuery(
                            null,
                            null,
                            null,
                            null,
                            newest.minus(8, ChronoUnit.DAYS),
                            newest.minus(7, ChronoUnit.DAYS),
                            null));
            filtered(
                    audit,
                    write,
                    "q (a rare word)",
                    new AuditQuery(null, null, null, null, null, null, "seeded record 777777"));
            filtered(audit, write, "q (a common word)", new AuditQuery(null, null, null, null, null, null, "step 7:"));

            write.run();
            double[] counting = timed(() -> audit.count(AuditQuery.none(), null));
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %8.1f ms wall, %8.1f ms CPU (once per filter, before an export)%n",
                    "count of all records",
                    counting[0],
                    counting[1]);

            // The export twice: once timed, untouched; once with a full collection every twentieth of
            // its bytes, whose heap in use afterwards is what the stream keeps alive at that point.
            // (The heap after an ordinary young collection also counts old garbage not yet collected.)
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            LiveHeap timed = new LiveHeap(Long.MAX_VALUE);
            long rows = audit.export(AuditQuery.none(), AuditExportFormat.CSV, timed);
            double exportSeconds = (System.nanoTime() - t0) / 1e9;
            double exportCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            LiveHeap sampled = new LiveHeap(Math.max(1, timed.bytes / 20));
            long heapBefore = sampled.live();
            audit.export(AuditQuery.none(), AuditExportFormat.CSV, sampled);
            System.out.printf(
                    Locale.ROOT,
                    "CSV export of %,d records: %.1f s wall, %.1f s CPU, %,d MB written (goal ≤ 15 s); live heap"
                            + " at most %,d MB during the export against %,d MB before: growth %,d MB, %d samples"
                            + " (goal < 64 MB)%n",
                    rows,
                    exportSeconds,
                    exportCpu,
                    timed.bytes >> 20,
                    sampled.maxLive >> 20,
                    heapBefore >> 20,
                    Math.max(0, sampled.maxLive - heapBefore) >> 20,
                    sampled.samples);

            cpu0 = threads.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            ChainVerification verified = audit.verifyChain();
            System.out.printf(
                    Locale.ROOT,
                    "Chain verification of %,d records: %.1f s wall, %.1f s CPU, intact %s, complete %s"
                            + " (goal: its time reported, no limit set)%n",
                    verified.recordsChecked(),
                    (System.nanoTime() - t0) / 1e9,
                    (threads.getCurrentThreadCpuTime() - cpu0) / 1e9,
                    verified.isIntact(),
                    verified.completeness().isComplete());

            long run = walkedRun(context);
            signIn("bench-frank", Role.MANAGER, Role.AUDITOR);
            EvidenceService evidence = context.getBean(EvidenceService.class);
            evidence.runPack(run, Locale.ENGLISH);
            double[][] packs = repeat(() -> {}, () -> evidence.runPack(run, Locale.FRENCH));
            RunView shown = context.getBean(RunService.class).run(run);
            int executions = shown.steps().stream().mapToInt(RunView.Step::attempts).sum();
            report(
                    "evidence pack (" + shown.steps().size() + " steps, " + executions + " executions)",
                    packs,
                    2000);
        }
    }

    /**
     * EVENTS records, a valid chain, committed in batches; the head row moved to the last one. Each
     * hash is the portal's own AuditRecord.computeHash (its constructor is package-private: reached
     * by reflection), so the verification below walks exactly the chain the portal would have written.
     */
    private static void seed(JdbcTemplate jdbc) throws Exception {
        long t0 = System.nanoTime();
        long last = jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
        String previous = jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", String.class);
        Instant time = Instant.now().minus(EVENTS, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);
        // seq, occurredAt, actor, action, target, details, message (none: plain details), clientAddress, previousHash
        java.lang.reflect.Constructor<AuditRecord> link = AuditRecord.class.getDeclaredConstructor(
                long.class,
                Instant.class,
                String.class,
                String.class,
                String.class,
                String.class,
                String.class,
                String.class,
                String.class);
        link.setAccessible(true);
        List<Object[]> batch = new ArrayList<>();
        for (long i = 1; i <= EVENTS; i++) {
            long seq = last + i;
            Instant at = time.plusSeconds(i);
            String actor = "user-" + (i % 50);
            String action = ACTIONS[(int) (i % ACTIONS.length)];
            String target = "run " + (i % 5000) + " (pchat.contoso.local)";
            String details = "step " + (i % 20) + ": seeded record " + i;
            String client = "10.0." + (i % 200) + ".7";
            String hash = link.newInstance(seq, at, actor, action, target, details, null, client, previous)
                    .getHash();
            batch.add(new Object[] {seq, Timestamp.from(at), actor, action, target, details, client, previous, hash});
            previous = hash;
            if (batch.size() == 10_000 || i == EVENTS) {
                jdbc.batchUpdate(
                        "insert into audit_record (seq, occurred_at, actor, action, target, details, client_address,"
                                + " previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        batch);
                batch.clear();
            }
        }
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", last + EVENTS, previous);
        System.out.printf(Locale.ROOT, "Seeded %,d audit events in %.1f s%n", EVENTS, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The longest procedure of the largest legal topology (configure-mirroring in T-SQL, 28 steps, on
     * the pool where it has the most) walked to its end, its first steps failed once and retried until the pack
     * holds EXECUTIONS step executions: no procedure of a legal topology has 30 steps.
     */
    private static long walkedRun(ConfigurableApplicationContext context) throws Exception {
        TopologyService topologies = context.getBean(TopologyService.class);
        RunService runs = context.getBean(RunService.class);
        signIn("bench-editor", Role.OPERATOR);
        var sample = switch (TopologyFormat.read(Files.readString(Path.of("bench/largest-topology.json")))) {
            case ReadResult.Read read -> read.topology();
            case ReadResult.Unreadable unreadable -> throw new IllegalStateException(unreadable.errors().toString());
        };
        long topology = topologies.create(sample, null).topologyId();
        signIn("bench-publisher", Role.APPROVER);
        topologies.publish(topology, 1);
        ProcedureService procedures = context.getBean(ProcedureService.class);
        String pool = null;
        int longest = 0;
        for (var each : sample.pools()) {
            try {
                int steps = procedures
                        .generate(topology, each.fqdn(), "configure-mirroring", "tsql", null, Locale.ENGLISH)
                        .steps()
                        .size();
                if (steps > longest) {
                    longest = steps;
                    pool = each.fqdn();
                }
            } catch (org.pchatdr.portal.base.PortalException e) {
                // No mirroring on this pool.
            }
        }
        // A run is requested only while someone else could approve it (decision 014).
        signIn("admin", Role.ADMIN);
        try {
            context.getBean(UserAccountService.class)
                    .createUser("bench-publisher", java.util.Set.of(Role.APPROVER), "Bench-Known-Pass-1");
        } catch (org.pchatdr.portal.base.PortalException e) {
            // AUDIT_BENCH_DATA kept the database of an earlier run: the approver is there already.
            if (!"username_taken".equals(e.code())) {
                throw e;
            }
        }
        signIn("bench-requester", Role.OPERATOR);
        RunView run = runs.request(
                new RunRequest(topology, pool, "configure-mirroring", "tsql", RunKind.CONFIGURATION, "bench", null),
                Locale.ENGLISH);
        signIn("bench-publisher", Role.APPROVER);
        run = runs.approve(run.id(), run.version(), null);
        signIn("bench-requester", Role.OPERATOR);
        run = runs.start(run.id(), run.version());
        int retried = Math.max(0, EXECUTIONS - run.steps().size());
        for (RunView.Step step : run.steps()) {
            if (run.dataLoss() != null && step.number() == run.dataLoss().gateStep()) {
                Instant now = Instant.now();
                run = runs.recordDataLoss(run.id(), run.version(), "mgc.trn", now.minusSeconds(300), now.minusSeconds(60));
                signIn("bench-publisher", Role.APPROVER);
                run = runs.acceptDataLoss(run.id(), run.version(), "bench");
                signIn("bench-requester", Role.OPERATOR);
            }
            run = runs.startStep(run.id(), run.version(), step.number());
            if (step.number() <= retried) {
                run = runs.failStep(run.id(), run.version(), step.number(), "bench: failed once");
                run = runs.retryStep(run.id(), run.version(), step.number());
            }
            run = runs.completeStep(run.id(), run.version(), step.number(), null, "Commands completed successfully.");
        }
        return run.id();
    }

    private interface Work {
        Object run() throws Exception;
    }

    /** One page of {@code query}'s first page and of a page below a random cursor, timed. */
    private static void filtered(AuditService audit, Runnable write, String what, AuditQuery query) throws Exception {
        double[][] first = repeat(write, () -> audit.page(query, null, 100));
        report("filtered: " + what, first, 200);
    }

    /** {@code [wall ms, CPU ms]} of one call. */
    private static double[] timed(Work work) throws Exception {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        work.run();
        return new double[] {(System.nanoTime() - t0) / 1e6, (threads.getCurrentThreadCpuTime() - cpu0) / 1e6};
    }

    /** Wall and CPU milliseconds of REPEAT calls (after one warm-up), each sorted; {@code before} runs untimed. */
    private static double[][] repeat(Runnable before, Work work) throws Exception {
        before.run();
        work.run();
        double[] wall = new double[REPEAT];
        double[] cpu = new double[REPEAT];
        for (int i = 0; i < REPEAT; i++) {
            before.run();
            double[] one = timed(work);
            wall[i] = one[0];
            cpu[i] = one[1];
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[][] {wall, cpu};
    }

    private static void report(String what, double[][] millis, int goal) {
        double[] wall = millis[0];
        double[] cpu = millis[1];
        System.out.printf(
                Locale.ROOT,
                "%-44s median %7.1f ms wall (worst %7.1f), %7.1f ms CPU (worst %7.1f)  goal ≤ %d ms%n",
                what,
                wall[wall.length / 2],
                wall[wall.length - 1],
                cpu[cpu.length / 2],
                cpu[cpu.length - 1],
                goal);
    }

    /**
     * A sink that counts the bytes of an export and, every {@code every} bytes, collects the whole
     * heap and keeps the most still in use: what the export holds on to, not garbage yet to collect.
     */
    private static final class LiveHeap extends OutputStream {
        private final long every;
        private long bytes;
        private long sinceSample;
        private long maxLive;
        private int samples;

        LiveHeap(long every) {
            this.every = every;
        }

        long live() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            sinceSample += len;
            if (sinceSample >= every) {
                sinceSample = 0;
                samples++;
                maxLive = Math.max(maxLive, live());
            }
        }
    }

    private static void signIn(String name, Role... roles) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        name,
                        null,
                        Arrays.stream(roles)
                                .map(role -> new SimpleGrantedAuthority(role.authority()))
                                .toList()));
    }

}
