package org.pchatdr.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: two packaged portals (the jar {@code package} built, demo profile) on one H2 database in
 * server mode that the test starts, proven over HTTP: one active run per pool across the instances,
 * a linear audit chain while both write, each lapse recorded once by their sweeps, lockout counting
 * failures on either, a change made on one seen by the next read on the other, and an API that needs
 * no stickiness (every walk alternates the instances call by call).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String DEMO = "demo";
    private static final String POOL = "pchat.contoso.local";
    /** The same topology with its pool renamed: a second pool, for the run whose approval lapses. */
    private static final String LAPSE_POOL = "pchat-lapse.contoso.local";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    static Path folder;

    private static Object h2;
    private static Portal a;
    private static Portal b;
    private static long topologyId;
    private static long lapseTopologyId;
    private static long lapsingRun;
    private static long raceWinner;

    /** One packaged portal: its process, port and log. */
    record Portal(String name, Process process, int port, Path log) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    record Answer(int status, JsonNode json, String body) {}

    @BeforeAll
    static void startTheDatabaseAndTwoPortals() throws Exception {
        int databasePort = freePort();
        // H2 is a runtime dependency of the portal: the test reaches its server class by name.
        h2 = Class.forName("org.h2.tools.Server")
                .getMethod("createTcpServer", String[].class)
                .invoke(null, (Object) new String[] {
                    "-tcpPort", String.valueOf(databasePort), "-ifNotExists", "-baseDir", folder.toString()
                });
        h2.getClass().getMethod("start").invoke(h2);
        // As the portal's own default URL (decision 011: WRITE_DELAY=0), only over TCP.
        String url = "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/portal;MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;WRITE_DELAY=0";
        Path jar = jar();
        // One after the other: the first migrates the empty database and creates the demo users.
        a = start("a", jar, url);
        awaitReady(a);
        b = start("b", jar, url);
        awaitReady(b);

        topologyId =
                importAndPublish(Files.readString(Path.of("src/test/resources/topologies/contoso-stretched.json")));
        lapseTopologyId =
                importAndPublish(Files.readString(Path.of("src/test/resources/topologies/contoso-stretched.json"))
                        .replace("\"" + POOL + "\"", "\"" + LAPSE_POOL + "\""));
        // Approvals of drills lapse after a minute: the sweeps must record the lapse while the test runs.
        assertThat(send(a, "PUT", "/api/v1/approval-policies/run:DRILL", "admin", "{\"validityMinutes\":1}")
                        .status())
                .isEqualTo(200);
        Answer requested = send(b, "POST", "/api/v1/runs", "bob", request(lapseTopologyId, LAPSE_POOL));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        lapsingRun = requested.json().get("id").asLong();
        Answer approved = send(
                a,
                "POST",
                "/api/v1/runs/" + lapsingRun + "/approve",
                "carol",
                "{\"version\":" + requested.json().get("version").asLong() + ",\"comment\":\"lapses\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Portal portal : Stream.of(a, b).filter(p -> p != null).toList()) {
            portal.process().destroy();
            if (!portal.process().waitFor(30, TimeUnit.SECONDS)) {
                portal.process().destroyForcibly().waitFor();
            }
        }
        if (h2 != null) {
            h2.getClass().getMethod("stop").invoke(h2);
        }
    }

    @Test
    @Order(1)
    void twoSimultaneousRequestsForOnePoolOnTwoInstancesGiveOneRunAndOneConflict() throws Exception {
        String body = request(topologyId, POOL);
        List<Answer> answers = together(
                () -> send(a, "POST", "/api/v1/runs", "bob", body),
                () -> send(b, "POST", "/api/v1/runs", "alice", body));

        assertThat(answers.stream().map(Answer::status).sorted().toList()).containsExactly(201, 409);
        Answer conflict =
                answers.stream().filter(x -> x.status() == 409).findFirst().orElseThrow();
        assertThat(conflict.json().get("error").asString()).isEqualTo("run_pool_busy");
        raceWinner = answers.stream()
                .filter(x -> x.status() == 201)
                .findFirst()
                .orElseThrow()
                .json()
                .get("id")
                .asLong();
        Answer listed = send(a, "GET", "/api/v1/runs?pool=" + POOL, "erin", null);
        assertThat(listed.json().toString()).contains("\"id\":" + raceWinner);
    }

    @Test
    @Order(2)
    void aStepCompletedOnOneInstanceIsWhatTheOtherReadsNextWithoutStickiness() {
        String path = "/api/v1/runs/" + raceWinner;
        Answer run = send(b, "GET", path, "erin", null);
        run = change(a, path + "/approve", "carol", run, "\"comment\":\"go\"");
        run = change(b, path + "/start", "alice", run, null);
        run = change(a, path + "/steps/1/start", "alice", run, null);
        long before = send(a, "GET", path, "erin", null).json().get("version").asLong();

        Answer done = change(b, path + "/steps/1/complete", "alice", run, "\"note\":\"done on b\"");

        // The run page on A polls the version every second (decision 012): its very next read already
        // sees B's change, so the page shows it within that second. No cache stands between.
        Answer seen = send(a, "GET", path, "erin", null);
        assertThat(seen.json().get("version").asLong())
                .isGreaterThan(before)
                .isEqualTo(done.json().get("version").asLong());
        assertThat(seen.json().get("steps").get(0).get("state").asString()).isEqualTo("DONE");
        assertThat(seen.json().get("steps").get(0).get("note").asString()).isEqualTo("done on b");
    }

    @Test
    @Order(3)
    void wrongPasswordsOnEitherInstanceCountTowardsOneLockout() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            Portal portal = attempt % 2 == 1 ? a : b;
            assertThat(send(portal, "GET", "/api/v1/me", "dave", null, "wrong-" + attempt)
                            .status())
                    .as("wrong password %d", attempt)
                    .isEqualTo(401);
        }

        // The fifth (on A) locked the account: B refuses the right password too.
        assertThat(send(b, "GET", "/api/v1/me", "dave", null, DEMO).status()).isEqualTo(401);
        assertThat(events("ACCOUNT_LOCKED", null, "dave")).hasSize(1);
    }

    @Test
    @Order(4)
    void theAuditChainStaysLinearWhileBothInstancesWriteAtOnce() throws Exception {
        long before = head();
        List<Callable<Answer>> writers = new ArrayList<>();
        for (int writer = 0; writer < 6; writer++) {
            Portal portal = writer % 2 == 0 ? a : b;
            // A wrong password for the only administrator: recorded each time, never a lockout.
            writers.add(() -> {
                Answer last = null;
                for (int i = 0; i < 8; i++) {
                    last = send(portal, "GET", "/api/v1/me", "admin", null, "not-the-password");
                }
                return last;
            });
        }

        List<Answer> answers = together(writers.toArray(Callable[]::new));

        assertThat(answers).extracting(Answer::status).containsOnly(401);
        Answer verification = send(b, "POST", "/api/v1/audit/verification", "erin", null);
        assertThat(verification.json().get("intact").asBoolean())
                .as(verification.body())
                .isTrue();
        // The check covered every record before its own, which it then appended.
        long checked = verification.json().get("recordsChecked").asLong();
        assertThat(head()).isEqualTo(checked + 1);
        // 48 failures, each its own record: nothing lost, nothing overwritten by the other instance.
        assertThat(checked - before).isGreaterThanOrEqualTo(48);
    }

    @Test
    @Order(5)
    void bothInstancesSweepYetEachLapseIsRecordedOnce() throws Exception {
        String target = "run " + lapsingRun + " (" + LAPSE_POOL + ")";
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !events("RUN_APPROVAL_EXPIRED", null, target).isEmpty());
        // Both sweep every 500 ms: several more rounds on each find nothing left to record.
        Thread.sleep(3000);

        assertThat(events("RUN_APPROVAL_EXPIRED", null, target)).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    private static Answer change(Portal portal, String path, String user, Answer run, String extra) {
        String body = "{\"version\":" + run.json().get("version").asLong() + (extra == null ? "" : "," + extra) + "}";
        Answer answer = send(portal, "POST", path, user, body);
        assertThat(answer.status())
                .as(path + " on " + portal.name() + ": " + answer.body())
                .isEqualTo(200);
        return answer;
    }

    private static String request(long topology, String pool) {
        return "{\"topologyId\":" + topology + ",\"pool\":\"" + pool + "\",\"procedure\":\"site-failover\","
                + "\"variant\":\"unplanned\",\"kind\":\"DRILL\",\"reason\":\"Two instances\"}";
    }

    /** Imported on A by alice, published on B by carol. */
    private static long importAndPublish(String topology) {
        Answer created = send(a, "POST", "/api/v1/topologies", "alice", topology);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        long version = created.json().get("version").asLong();
        Answer published =
                send(b, "POST", "/api/v1/topologies/" + id + "/versions/" + version + "/publish", "carol", null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    private static long head() {
        return send(a, "GET", "/api/v1/audit/events?limit=1", "erin", null)
                .json()
                .get("events")
                .get(0)
                .get("seq")
                .asLong();
    }

    private static List<JsonNode> events(String action, String actor, String target) {
        String query = "/api/v1/audit/events?limit=1000&action=" + action
                + (actor == null ? "" : "&actor=" + actor)
                + (target == null ? "" : "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        List<JsonNode> found = new ArrayList<>();
        send(b, "GET", query, "erin", null).json().get("events").forEach(found::add);
        return found;
    }

    @SafeVarargs
    private static List<Answer> together(Callable<Answer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (Callable<Answer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer send(Portal portal, String method, String path, String user, String body) {
        return send(portal, method, path, user, body, DEMO);
    }

    private static Answer send(Portal portal, String method, String path, String user, String body, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path)))
                .timeout(Duration.ofSeconds(60))
                .header("Accept-Language", "en")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!method.equals("GET")) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            boolean json =
                    response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Answer(response.statusCode(), json && !text.isEmpty() ? JSON.readTree(text) : null, text);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " on " + portal.name() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Portal start(String name, Path jar, String databaseUrl) throws IOException {
        int port = freePort();
        // Kept after the run, for a look when it fails.
        Path log = Path.of("target", "two-instances-portal-" + name + ".log").toAbsolutePath();
        Path dataDir = folder.resolve("data-" + name);
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--spring.profiles.active=demo",
                "--spring.datasource.url=" + databaseUrl);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORTAL_PORT", String.valueOf(port));
        builder.environment().put("PORTAL_DATA_DIR", dataDir.toString());
        builder.environment().put("PORTAL_SWEEP_INTERVAL_MS", "500");
        // Every test call comes from 127.0.0.1: the per-address limit would answer 429 to the chain test.
        builder.environment().put("PORTAL_AUTH_FAILURES_PER_ADDRESS", "1000000");
        return new Portal(name, builder.start(), port, log);
    }

    /** Health UP, then the demo users there (created by the first instance after it reports healthy). */
    private static void awaitReady(Portal portal) {
        // Generous: a start takes seconds alone, minutes on a shared and busy build machine.
        await().atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!portal.process().isAlive()) {
                        throw new AssertionError("portal " + portal.name() + " stopped:\n" + tail(portal.log()));
                    }
                    try {
                        HttpResponse<String> health = CLIENT.send(
                                HttpRequest.newBuilder(URI.create(portal.url("/actuator/health/readiness")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        return health.statusCode() == 200
                                && Stream.of("admin", "alice", "bob", "carol", "dave", "erin")
                                        .allMatch(user -> send(portal, "GET", "/api/v1/me", user, null)
                                                        .status()
                                                == 200);
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("pchat-dr-portal-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No target/pchat-dr-portal-*.jar: run mvn verify"))
                    .toAbsolutePath();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
