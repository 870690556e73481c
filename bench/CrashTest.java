import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipFile;

/**
 * Kills the packaged portal with SIGKILL at random moments while a client walks site-failover drills
 * through the REST API, restarts it on the same H2 file database, and checks that every transition
 * the client saw acknowledged (a 2xx answer) is still there, that the runs are consistent and that
 * the audit chain verifies. A call whose answer was lost in the kill may or may not have been applied:
 * the client reads the run and carries on from what it finds.
 *
 * <p>Run by bench/crash.sh: {@code java bench/CrashTest.java <jar> <topology.json> <work folder>}.
 * Prints figures; exits 1 when an acknowledged transition was lost, a run is inconsistent or the
 * audit chain does not verify.
 */
public class CrashTest {

    static final String POOL = "pchat.contoso.local";
    static final String PASSWORD = "demo";
    // The demo users: bob asks, carol approves (and accepts data loss), alice executes, erin audits.
    static final String REQUESTER = "bob";
    static final String EXECUTOR = "alice";
    static final String APPROVER = "carol";
    static final String AUDITOR = "erin";
    static final List<String> USERS = List.of(REQUESTER, EXECUTOR, APPROVER, AUDITOR);
    static final List<String> PROGRESS = List.of("REQUESTED", "APPROVED", "IN_PROGRESS", "COMPLETED");
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /** What the client knows of one run: what was acknowledged, and what it last saw. */
    static final class Tracked {
        final long id;
        /** Versions of the run in every 2xx answer to a change of it. */
        final List<Long> ackVersions = new ArrayList<>();
        /** The run in the latest 2xx answer to a change; null when the client only read it. */
        Map<String, Object> ackView;
        /** The latest version the client saw, acknowledged or read after a restart. */
        long seenVersion = -1;
        /** A change of this run whose answer was lost since the client last saw it. */
        boolean inDoubt;

        Tracked(long id) {
            this.id = id;
        }
    }

    /** The portal stopped under the driver's feet: the kill. */
    static final class PortalDown extends RuntimeException {
        PortalDown() {
            super(null, null, false, false);
        }
    }

    record Response(int status, String body, Object json) {
        boolean ok() {
            return status / 100 == 2;
        }

        String error() {
            return json instanceof Map<?, ?> map && map.get("error") instanceof String code ? code : null;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return (Map<String, Object>) json;
        }
    }

    private final Path jar;
    private final Path topologyFile;
    private final Path work;
    private final int kills;
    private final int runsWanted;
    private final int minDelayMillis;
    private final int maxDelayMillis;
    private final long seed;
    private final Random random;
    private final List<String> javaOptions;
    private final String databaseUrl;
    private final int port;

    private Process process;
    private HttpClient client;
    private volatile boolean killing;
    private final List<Double> readySeconds = new ArrayList<>();

    private long topologyId;
    private final Map<Long, Tracked> runs = new LinkedHashMap<>();
    private Tracked current;
    private Map<String, Object> view;
    /** The call whose answer the last kill swallowed, if any; and whether it asked for a new run. */
    private String lastInDoubt;

    private boolean lastInDoubtRequested;

    private int survived;
    private int acknowledged;
    private int acknowledgedSinceKill;
    private int inDoubtCalls;
    private int inDoubtApplied;
    private int refusedWhileDown;
    private int staleResyncs;
    private int gatesPassed;
    private int lost;
    private final List<String> problems = new ArrayList<>();

    CrashTest(Path jar, Path topologyFile, Path work) throws IOException {
        this.jar = jar;
        this.topologyFile = topologyFile;
        this.work = work;
        this.kills = intEnv("CRASH_KILLS", 25);
        this.runsWanted = intEnv("CRASH_RUNS", 10);
        this.minDelayMillis = intEnv("CRASH_MIN_DELAY_MS", 200);
        this.maxDelayMillis = Math.max(minDelayMillis, intEnv("CRASH_MAX_DELAY_MS", 3000));
        this.seed =
                System.getenv("CRASH_SEED") != null ? Long.parseLong(System.getenv("CRASH_SEED")) : System.nanoTime();
        this.random = new Random(seed);
        String options = System.getenv().getOrDefault("JAVA_OPTS", "").strip();
        this.javaOptions = options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
        String url = System.getenv("CRASH_DB_URL");
        this.databaseUrl = url != null && !url.isBlank() ? url : defaultDatabaseUrl(jar);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java bench/CrashTest.java <portal jar> <topology.json> <work folder>");
            System.exit(64);
        }
        CrashTest test = new CrashTest(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        boolean passed;
        try {
            passed = test.run();
        } finally {
            test.stop();
        }
        System.exit(passed ? 0 : 1);
    }

    boolean run() throws Exception {
        Instant began = Instant.now();
        System.out.printf(
                "%d kills at %d–%d ms after the portal is ready, then at least %d completed runs; seed %d%n",
                kills, minDelayMillis, maxDelayMillis, runsWanted, seed);
        System.out.printf("database %s (PORTAL_DATA_DIR=%s), port %d%n", databaseUrl, work.resolve("data"), port);
        start();
        importAndPublishContoso();

        for (int kill = 1; kill <= kills; kill++) {
            acknowledgedSinceKill = 0;
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread driver = Thread.ofPlatform().name("driver").start(() -> {
                try {
                    while (true) {
                        advance();
                    }
                } catch (PortalDown expected) {
                    // The kill: the driver stops and the main thread restarts the portal.
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            long delay = minDelayMillis + random.nextInt(maxDelayMillis - minDelayMillis + 1);
            Thread.sleep(delay);
            killing = true;
            if (failure.get() != null) {
                throw new IllegalStateException("the driver failed before kill " + kill, failure.get());
            }
            killPortal();
            driver.join(Duration.ofSeconds(60));
            if (driver.isAlive() || failure.get() != null) {
                throw new IllegalStateException("the driver did not stop after kill " + kill, failure.get());
            }
            String doubt = lastInDoubt;
            start();
            killing = false;
            int problemsBefore = problems.size();
            boolean applied = checkAfterRestart();
            if (problems.size() == problemsBefore) {
                survived++;
            }
            System.out.printf(
                    "kill %2d/%d after %4d ms: %3d transitions acknowledged since the last start; in doubt: %s; ready again after %.1f s; %s%n",
                    kill,
                    kills,
                    delay,
                    acknowledgedSinceKill,
                    doubt == null
                            ? "none"
                            : doubt + (applied ? " (it had been applied)" : " (it had not been applied)"),
                    readySeconds.getLast(),
                    problems.size() == problemsBefore
                            ? "nothing lost"
                            : "PROBLEMS: " + problems.subList(problemsBefore, problems.size()));
            lastInDoubt = null;
            lastInDoubtRequested = false;
        }

        killing = false;
        while (completedRuns() < runsWanted || view == null || !"COMPLETED".equals(view.get("state"))) {
            advance();
        }
        for (Tracked run : runs.values()) {
            Response fresh = send("GET", "/api/v1/runs/" + run.id, AUDITOR, null);
            if (fresh.ok()) {
                checkRun(run, fresh.object());
            } else {
                lose(run.ackVersions.size(), "run " + run.id + " answered " + fresh.status());
            }
        }
        Response chain = send("POST", "/api/v1/audit/verification", AUDITOR, null);
        boolean intact = chain.ok() && Boolean.TRUE.equals(chain.object().get("intact"));
        long records = chain.ok() ? ((Number) chain.object().get("recordsChecked")).longValue() : -1;
        long atLeast = acknowledged + completedRuns();
        if (intact && records < atLeast) {
            problems.add("the audit chain holds " + records + " records, fewer than the " + atLeast
                    + " acknowledged transitions and run completions");
        }

        Duration total = Duration.between(began, Instant.now());
        List<Double> sorted = readySeconds.stream().sorted().toList();
        System.out.println();
        System.out.printf(
                "kills survived: %d of %d (restarted with nothing lost; each kill a SIGKILL: the JVM ended with status 137)%n",
                survived, kills);
        System.out.printf(
                "runs: %d requested, %d completed (site-failover, unplanned, DRILL)%n", runs.size(), completedRuns());
        System.out.printf("transitions acknowledged: %d (data-loss gates passed: %d)%n", acknowledged, gatesPassed);
        System.out.printf("transitions lost: %d%n", lost);
        System.out.printf(
                "in-doubt calls: %d (%d had been applied before the kill, %d had not); calls refused while the portal was down: %d; stale versions resynchronised: %d%n",
                inDoubtCalls, inDoubtApplied, inDoubtCalls - inDoubtApplied, refusedWhileDown, staleResyncs);
        System.out.printf(
                "audit chain: %s%n",
                chain.ok()
                        ? chain.object().get("message") + " (at least " + atLeast
                                + " expected from the acknowledged transitions)"
                        : chain.status() + " " + chain.body());
        System.out.println("audit entries per transition: not matched one by one, as no API reads the audit trail"
                + " (only the Audit trail page); each transition's record commits in its transaction");
        System.out.printf(
                "start-up to ready (health UP and the users signed in): median %.1f s, min %.1f s, max %.1f s over %d starts%n",
                sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), sorted.size());
        System.out.printf("total time: %d min %02d s%n", total.toMinutes(), total.toSecondsPart());
        problems.forEach(problem -> System.out.println("PROBLEM: " + problem));
        boolean passed = lost == 0 && problems.isEmpty() && intact;
        System.out.println(passed ? "PASSED" : "FAILED");
        return passed;
    }

    // ---------------------------------------------------------------- the driver

    /** One change of the current run, or a new run once the last one completed. */
    private void advance() {
        if (current == null || "COMPLETED".equals(view.get("state"))) {
            requestRun();
            return;
        }
        String state = (String) view.get("state");
        String path = "/api/v1/runs/" + current.id;
        switch (state) {
            case "REQUESTED" -> settle(change("approve", path + "/approve", APPROVER, "\"comment\":\"crash test\""));
            case "APPROVED" -> settle(change("start", path + "/start", EXECUTOR, null));
            case "IN_PROGRESS" -> {
                Map<String, Object> step = steps(view).stream()
                        .filter(s -> !"DONE".equals(s.get("state")))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "run " + current.id + " is in progress with every step done"));
                int number = ((Number) step.get("number")).intValue();
                String stepPath = path + "/steps/" + number;
                switch ((String) step.get("state")) {
                    case "NOT_STARTED" -> settle(change("start step " + number, stepPath + "/start", EXECUTOR, null));
                    case "IN_PROGRESS" ->
                        settle(change(
                                "complete step " + number, stepPath + "/complete", EXECUTOR, "\"note\":\"done\""));
                    default ->
                        throw new IllegalStateException(
                                "run " + current.id + ": step " + number + " is " + step.get("state"));
                }
            }
            default -> throw new IllegalStateException("run " + current.id + " is " + state);
        }
    }

    private void requestRun() {
        String body = "{\"topologyId\":" + topologyId + ",\"pool\":\"" + POOL + "\",\"procedure\":\"site-failover\","
                + "\"variant\":\"unplanned\",\"kind\":\"DRILL\",\"reason\":\"Crash test drill\"}";
        Response response = transition("request a run", null, "/api/v1/runs", REQUESTER, body);
        if (response.status() != 201) {
            throw new IllegalStateException("requesting a run answered " + response.status() + ": " + response.body());
        }
        current = new Tracked(number(response.object(), "id"));
        runs.put(current.id, current);
        acknowledge(response.object());
    }

    /** A change of the current run, quoting the version the client last saw. */
    private Response change(String what, String path, String user, String extra) {
        String body = "{\"version\":" + number(view, "version") + (extra == null ? "" : "," + extra) + "}";
        return transition(what + " of run " + current.id, current, path, user, body);
    }

    private void settle(Response response) {
        if (response.ok()) {
            acknowledge(response.object());
        } else if (response.status() == 409 && "run_data_loss_gate".equals(response.error())) {
            passDataLossGate();
        } else if (response.status() == 409 && "run_stale".equals(response.error())) {
            staleResyncs++;
            resync();
        } else {
            throw new IllegalStateException(response.status() + ": " + response.body());
        }
    }

    /** The operator records the data loss and an approver who neither asked nor recorded accepts it. */
    private void passDataLossGate() {
        Instant lost = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        Instant lastLog = lost.minus(Duration.ofMinutes(5));
        String file = "mgc_"
                + DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(lastLog) + ".trn";
        String path = "/api/v1/runs/" + current.id + "/data-loss";
        Response recorded = change(
                "record data loss",
                path,
                EXECUTOR,
                "\"lastLogBackup\":\"" + file + "\",\"lastLogBackupAt\":\"" + lastLog + "\",\"primaryLostAt\":\"" + lost
                        + "\"");
        if (!recorded.ok()) {
            throw new IllegalStateException(
                    "recording the data loss answered " + recorded.status() + ": " + recorded.body());
        }
        acknowledge(recorded.object());
        Response accepted =
                change("accept data loss", path + "/accept", APPROVER, "\"comment\":\"Drill: the loss is accepted\"");
        if (!accepted.ok()) {
            throw new IllegalStateException(
                    "accepting the data loss answered " + accepted.status() + ": " + accepted.body());
        }
        acknowledge(accepted.object());
        gatesPassed++;
    }

    private void acknowledge(Map<String, Object> run) {
        long version = number(run, "version");
        current.ackVersions.add(version);
        current.ackView = run;
        current.seenVersion = version;
        current.inDoubt = false;
        view = run;
        acknowledged++;
        acknowledgedSinceKill++;
    }

    private void resync() {
        view = get("/api/v1/runs/" + current.id).object();
        current.seenVersion = number(view, "version");
    }

    /**
     * A POST that changes {@code run}, or requests a new one when it is null. Once the kill has
     * begun, a refused connection means the call never reached the portal; any other failure leaves
     * it in doubt.
     */
    private Response transition(String what, Tracked run, String path, String user, String body) {
        try {
            return send("POST", path, user, body);
        } catch (IOException e) {
            if (!killing) {
                throw new IllegalStateException(what + " failed while the portal was up", e);
            }
            if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
                refusedWhileDown++;
            } else {
                inDoubtCalls++;
                lastInDoubt = what;
                lastInDoubtRequested = run == null;
                if (run != null) {
                    run.inDoubt = true;
                }
            }
            throw new PortalDown();
        }
    }

    // ---------------------------------------------------------------- the checks

    /** Every acknowledged transition of every run is still there; the client resumes from what it finds. */
    private boolean checkAfterRestart() {
        boolean applied = false;
        List<Map<String, Object>> listed =
                list(get("/api/v1/runs?pool=" + POOL + "&size=500").json());
        Map<Long, Map<String, Object>> found = new LinkedHashMap<>();
        listed.forEach(summary -> found.put(number(summary, "id"), summary));
        for (Tracked run : List.copyOf(runs.values())) {
            Map<String, Object> summary = found.get(run.id);
            if (summary == null) {
                // Its id may be handed out again: forget the run once its loss is counted.
                lose(run.ackVersions.size(), "run " + run.id + " is gone");
                runs.remove(run.id);
            } else if (run != current) {
                checkVersionAndState(run, number(summary, "version"), (String) summary.get("state"));
            }
        }
        List<Long> unknown = new ArrayList<>(found.keySet());
        unknown.removeAll(runs.keySet());
        if (current != null && !runs.containsKey(current.id)) {
            current = null;
            view = null;
        }
        if (!unknown.isEmpty()) {
            long newest =
                    runs.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            if (lastInDoubtRequested && unknown.size() == 1 && unknown.getFirst() > newest) {
                // The request whose answer was lost had been applied: carry on with its run.
                current = new Tracked(unknown.getFirst());
                current.inDoubt = true;
                runs.put(current.id, current);
                applied = true;
            } else {
                problems.add("runs nobody was told about: " + unknown);
            }
        }
        if (current != null) {
            long seen = current.seenVersion;
            Map<String, Object> fresh = get("/api/v1/runs/" + current.id).object();
            checkRun(current, fresh);
            applied |= current.inDoubt && number(fresh, "version") > seen;
            view = fresh;
            current.seenVersion = number(fresh, "version");
            current.inDoubt = false;
        }
        if (applied) {
            inDoubtApplied++;
        }
        return applied;
    }

    /**
     * Counts the acknowledged versions the run fell back behind as lost; after a loss the run's
     * current state becomes the baseline, so that the next check does not count it again.
     */
    private long checkVersionAndState(Tracked run, long version, String state) {
        long gone = run.ackVersions.stream().filter(v -> v > version).count();
        String acknowledgedState = run.ackView == null ? null : (String) run.ackView.get("state");
        if (gone > 0) {
            lose(
                    gone,
                    "run " + run.id + " is back at version " + version + " (" + state + ") although version "
                            + run.ackVersions.getLast() + " (" + acknowledgedState + ") was acknowledged");
        } else if (acknowledgedState != null && PROGRESS.indexOf(state) < PROGRESS.indexOf(acknowledgedState)) {
            lose(1, "run " + run.id + " is " + state + " although " + acknowledgedState + " was acknowledged");
            gone = 1;
        } else if (version < run.seenVersion) {
            problems.add("run " + run.id + " is back at version " + version + " although version " + run.seenVersion
                    + " was read after an earlier restart");
        } else if (!run.inDoubt && version != run.seenVersion) {
            problems.add("run " + run.id + " moved from version " + run.seenVersion + " to " + version
                    + " without a call in doubt");
        }
        if (gone > 0) {
            run.ackVersions.removeIf(v -> v > version);
            run.ackView = null;
            run.seenVersion = version;
        }
        return gone;
    }

    /** The whole run: version and state, every acknowledged step, and steps that make sense together. */
    private void checkRun(Tracked run, Map<String, Object> fresh) {
        Map<String, Object> acknowledgedView = run.ackView;
        long gone = checkVersionAndState(run, number(fresh, "version"), (String) fresh.get("state"));
        List<Map<String, Object>> steps = steps(fresh);
        if (acknowledgedView != null) {
            for (Map<String, Object> acked : steps(acknowledgedView)) {
                Object was = acked.get("state");
                Object is =
                        steps.get(((Number) acked.get("number")).intValue() - 1).get("state");
                boolean kept =
                        was.equals(is) || "NOT_STARTED".equals(was) || ("IN_PROGRESS".equals(was) && "DONE".equals(is));
                if (!kept) {
                    // Already counted when the version fell back.
                    lose(
                            gone > 0 ? 0 : 1,
                            "run " + run.id + ": step " + acked.get("number") + " is " + is + " although " + was
                                    + " was acknowledged");
                    gone = Math.max(gone, 1);
                }
            }
        }
        String state = (String) fresh.get("state");
        String pattern = steps.stream()
                .map(step -> switch ((String) step.get("state")) {
                    case "DONE" -> "D";
                    case "IN_PROGRESS" -> "I";
                    case "NOT_STARTED" -> "N";
                    default -> "?";
                })
                .reduce("", String::concat);
        boolean shaped = switch (state) {
            case "REQUESTED", "APPROVED" -> pattern.matches("N*");
            case "IN_PROGRESS" -> pattern.matches("D*I?N*") && !pattern.matches("D*");
            case "COMPLETED" -> pattern.matches("D+");
            default -> false;
        };
        if (!shaped) {
            problems.add("run " + run.id + " is " + state + " with steps " + pattern
                    + " (D done, I in progress, N not started)");
        }
    }

    private void lose(long transitions, String what) {
        lost += transitions;
        problems.add(what);
    }

    private long completedRuns() {
        return runs.values().stream()
                .filter(run -> run.ackView != null && "COMPLETED".equals(run.ackView.get("state")))
                .count();
    }

    // ---------------------------------------------------------------- the portal process

    private void start() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of(
                "-jar", jar.toString(), "--spring.profiles.active=demo", "--spring.datasource.url=" + databaseUrl));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("portal.log").toFile()));
        builder.environment().put("PORTAL_PORT", String.valueOf(port));
        builder.environment().put("PORTAL_DATA_DIR", work.resolve("data").toString());
        Instant launched = Instant.now();
        process = builder.start();
        if (client != null) {
            client.close();
        }
        // A fresh client: the previous one's pooled connections died with the previous portal.
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        awaitReady(launched);
        readySeconds.add(Duration.between(launched, Instant.now()).toMillis() / 1000.0);
    }

    /**
     * Health UP first; then the demo users, whom the portal creates only after it reports healthy
     * (on the first start only: later starts find them in the database).
     */
    private void awaitReady(Instant launched) throws Exception {
        List<String> waiting = new ArrayList<>(USERS);
        boolean healthy = false;
        while (!waiting.isEmpty()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal stopped during start-up with status " + process.exitValue()
                        + "; see " + work.resolve("portal.log") + ":\n" + tail(work.resolve("portal.log"), 30));
            }
            if (Duration.between(launched, Instant.now()).compareTo(READY_TIMEOUT) > 0) {
                throw new IllegalStateException("the portal was not ready after " + READY_TIMEOUT.toSeconds() + " s");
            }
            try {
                if (!healthy) {
                    Response health = send("GET", "/actuator/health", null, null);
                    healthy = health.ok() && "UP".equals(health.object().get("status"));
                } else if (send("GET", "/api/v1/me", waiting.getFirst(), null).ok()) {
                    waiting.removeFirst();
                    continue;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
    private void killPortal() throws InterruptedException {
        process.destroyForcibly();
        int status = process.waitFor();
        if (status != 128 + 9) {
            throw new IllegalStateException(
                    "the portal ended with status " + status + ", not 137: it was not SIGKILLed");
        }
    }

    private void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private void importAndPublishContoso() throws IOException {
        Response created = send("POST", "/api/v1/topologies", EXECUTOR, Files.readString(topologyFile));
        if (created.status() != 201) {
            throw new IllegalStateException(
                    "importing the topology answered " + created.status() + ": " + created.body());
        }
        topologyId = number(created.object(), "id");
        long version = number(created.object(), "version");
        Response published =
                send("POST", "/api/v1/topologies/" + topologyId + "/versions/" + version + "/publish", APPROVER, null);
        if (!published.ok()) {
            throw new IllegalStateException(
                    "publishing the topology answered " + published.status() + ": " + published.body());
        }
        System.out.printf(
                "Contoso imported by %s and published by %s as topology %d%n", EXECUTOR, APPROVER, topologyId);
    }

    /** The embedded H2 URL the portal uses when PORTAL_DB_URL is not set, read from the jar itself. */
    private static String defaultDatabaseUrl(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile());
                InputStream in = zip.getInputStream(zip.getEntry("BOOT-INF/classes/application.properties"))) {
            Properties properties = new Properties();
            properties.load(in);
            String url = properties.getProperty("spring.datasource.url", "");
            String prefix = "${PORTAL_DB_URL:";
            if (!url.startsWith(prefix) || !url.endsWith("}")) {
                throw new IllegalStateException("unexpected spring.datasource.url in the jar: " + url);
            }
            // ${portal.data-dir} stays: the portal resolves it from PORTAL_DATA_DIR.
            return url.substring(prefix.length(), url.length() - 1);
        }
    }

    // ---------------------------------------------------------------- HTTP and JSON

    private Response get(String path) {
        try {
            Response response = send("GET", path, AUDITOR, null);
            if (!response.ok()) {
                throw new IllegalStateException(
                        "GET " + path + " answered " + response.status() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            if (killing) {
                throw new PortalDown();
            }
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    private Response send(String method, String path, String user, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept-Language", "en")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        // Every state-changing API call says application/json, body or not (decision 015).
        request.header("Content-Type", "application/json");
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            boolean json =
                    response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Response(response.statusCode(), text, json && !text.isEmpty() ? new Json(text).value() : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> run) {
        return (List<Map<String, Object>>) run.get("steps");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object json) {
        return (List<Map<String, Object>>) json;
    }

    private static long number(Map<String, Object> object, String key) {
        return ((Number) object.get(key)).longValue();
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Just enough JSON for the portal's answers: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (text.charAt(at) == '}') {
                at++;
                return object;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                object.put(key, value());
                skipSpace();
                if (text.charAt(at++) == '}') {
                    return object;
                }
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            at++;
            skipSpace();
            if (text.charAt(at) == ']') {
                at++;
                return array;
            }
            while (true) {
                array.add(value());
                skipSpace();
                if (text.charAt(at++) == ']') {
                    return array;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
        }

        private Number number() {
            int from = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String digits = text.substring(from, at);
            return digits.matches("-?\\d+") ? (Number) Long.parseLong(digits) : (Number) Double.parseDouble(digits);
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw new IllegalArgumentException("bad JSON at " + at);
            }
            at += word.length();
            return value;
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (at - 1));
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
