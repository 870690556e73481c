import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.PortalApplication;
import org.pchatdr.portal.audit.AuditExportFormat;
import org.pchatdr.portal.audit.AuditQuery;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.audit.ChainVerification;
import org.pchatdr.portal.base.Role;
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
 * straight into a fresh embedded H2 file database (batched JDBC; the chain is computed here exactly
 * as AuditRecord does), then measures through the real services: the first page of the grid/API,
 * a filtered page, the CSV export of all records (time and heap growth), the chain verification,
 * and the evidence pack of a walked run. Run by bench/audit.sh. Figures, not a test.
 */
public class AuditBenchmark {

    private static final int EVENTS = Integer.parseInt(System.getenv().getOrDefault("EVENTS", "1000000"));
    private static final int REPEAT = 15;
    private static final String[] ACTIONS = {"SIGNED_IN", "STEP_DONE", "STEP_STARTED", "RUN_REQUESTED", "ROLES_CHANGED"};

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("audit-bench");
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
            seed(context.getBean(JdbcTemplate.class));
            signIn("bench-frank", Role.MANAGER, Role.AUDITOR);
            AuditService audit = context.getBean(AuditService.class);

            report("first page (100, newest)", repeat(() -> audit.page(AuditQuery.none(), null, 100)), 100);
            AuditQuery filtered = new AuditQuery("user-7", "ROLES_CHANGED", null, null, null, null, null);
            report("filtered page (actor + action)", repeat(() -> audit.page(filtered, null, 100)), 200);
            AuditQuery subject = new AuditQuery(null, null, null, "run 4242", null, null, null);
            report("subject page (run 4242)", repeat(() -> audit.page(subject, null, 100)), 200);

            System.gc();
            long heapBefore = heapUsed();
            resetPeaks();
            long t0 = System.nanoTime();
            long[] bytes = {0};
            long rows = audit.export(AuditQuery.none(), AuditExportFormat.CSV, new OutputStream() {
                @Override
                public void write(int b) {
                    bytes[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes[0] += len;
                }
            });
            double exportSeconds = (System.nanoTime() - t0) / 1e9;
            long peak = peakHeap();
            System.out.printf(
                    Locale.ROOT,
                    "CSV export of %,d records: %.1f s, %,d MB written, heap peak %,d MB over the %,d MB before (goal ≤ 15 s, < 64 MB)%n",
                    rows,
                    exportSeconds,
                    bytes[0] >> 20,
                    Math.max(0, peak - heapBefore) >> 20,
                    heapBefore >> 20);

            t0 = System.nanoTime();
            ChainVerification verified = audit.verifyChain();
            System.out.printf(
                    Locale.ROOT,
                    "Chain verification of %,d records: %.1f s, intact %s, complete %s%n",
                    verified.recordsChecked(),
                    (System.nanoTime() - t0) / 1e9,
                    verified.isIntact(),
                    verified.completeness().isComplete());

            long run = walkedRun(context);
            signIn("bench-frank", Role.MANAGER, Role.AUDITOR);
            EvidenceService evidence = context.getBean(EvidenceService.class);
            evidence.runPack(run, Locale.ENGLISH);
            double[] packs = repeat(() -> evidence.runPack(run, Locale.FRENCH));
            RunView shown = context.getBean(RunService.class).run(run);
            report("evidence pack of a " + shown.steps().size() + "-step run", packs, 2000);
        }
    }

    /** EVENTS records, a valid chain, committed in batches; the head row moved to the last one. */
    private static void seed(JdbcTemplate jdbc) throws Exception {
        long t0 = System.nanoTime();
        long last = jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
        String previous = jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", String.class);
        Instant time = Instant.now().minus(EVENTS, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Object[]> batch = new ArrayList<>();
        for (long i = 1; i <= EVENTS; i++) {
            long seq = last + i;
            Instant at = time.plusSeconds(i);
            String actor = "user-" + (i % 50);
            String action = ACTIONS[(int) (i % ACTIONS.length)];
            String target = "run " + (i % 5000) + " (pchat.contoso.local)";
            String details = "step " + (i % 20) + ": seeded record " + i;
            String client = "10.0." + (i % 200) + ".7";
            String hash = hash(sha, seq, at, actor, action, target, details, client, previous);
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

    /** The canonical form of AuditRecord.computeHash, written again so that the seed is checked by it. */
    private static String hash(MessageDigest sha, long seq, Instant at, String... fields) {
        StringBuilder canonical = new StringBuilder();
        List<String> all = new ArrayList<>(List.of(Long.toString(seq), at.toString()));
        all.addAll(Arrays.asList(fields));
        for (String field : all) {
            canonical.append(field == null ? "-1" : Integer.toString(field.length())).append(':');
            canonical.append(field == null ? "" : field).append('|');
        }
        return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A site-failover drill of the largest topology walked to its end, for the evidence pack. */
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
        String pool = sample.pools().getFirst().fqdn();
        // A run is requested only while someone else could approve it (decision 014).
        signIn("admin", Role.ADMIN);
        context.getBean(UserAccountService.class)
                .createUser("bench-publisher", java.util.Set.of(Role.APPROVER), "Bench-Known-Pass-1");
        signIn("bench-requester", Role.OPERATOR);
        RunView run = runs.request(
                new RunRequest(topology, pool, "site-failover", "planned", RunKind.PLANNED, "bench", null),
                Locale.ENGLISH);
        signIn("bench-publisher", Role.APPROVER);
        run = runs.approve(run.id(), run.version(), null);
        signIn("bench-requester", Role.OPERATOR);
        run = runs.start(run.id(), run.version());
        for (RunView.Step step : run.steps()) {
            if (run.dataLoss() != null && step.number() == run.dataLoss().gateStep()) {
                Instant now = Instant.now();
                run = runs.recordDataLoss(run.id(), run.version(), "mgc.trn", now.minusSeconds(300), now.minusSeconds(60));
                signIn("bench-publisher", Role.APPROVER);
                run = runs.acceptDataLoss(run.id(), run.version(), "bench");
                signIn("bench-requester", Role.OPERATOR);
            }
            run = runs.startStep(run.id(), run.version(), step.number());
            run = runs.completeStep(run.id(), run.version(), step.number(), null, "Commands completed successfully.");
        }
        return run.id();
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static double[] repeat(Work work) throws Exception {
        work.run();
        double[] millis = new double[REPEAT];
        for (int i = 0; i < REPEAT; i++) {
            long t0 = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void report(String what, double[] millis, int goal) {
        System.out.printf(
                Locale.ROOT,
                "%-40s median %7.1f ms, worst %7.1f ms (goal ≤ %d ms)%n",
                what,
                millis[millis.length / 2],
                millis[millis.length - 1],
                goal);
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

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the reset: an upper bound of the heap in use. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
