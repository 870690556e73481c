import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 11, against a running portal (bench/api-tokens.sh starts it): GET /api/v1/me as alice
 * (demo profile) with HTTP Basic, then with an API token, CLIENTS threads each for PHASE_SECONDS;
 * then one token client and one Basic client measured while FLOODERS threads send wrong Basic
 * credentials for random usernames from FLOOD_ADDRESSES other addresses (X-Forwarded-For
 * 127.0.0.2 …, honoured with PORTAL_FORWARD_HEADERS=native). Plain JDK, nothing else. Every phase
 * stops after PHASE_SECONDS or MAX_REQUESTS requests, whichever comes first. Prints figures.
 */
public class ApiTokenBenchmark {

    private static final int CLIENTS = setting("CLIENTS", 8);
    private static final int FLOODERS = setting("FLOODERS", 16);
    private static final int FLOOD_ADDRESSES = setting("FLOOD_ADDRESSES", 4);
    private static final int PHASE_SECONDS = setting("PHASE_SECONDS", 10);
    private static final int WARMUP_SECONDS = setting("WARMUP_SECONDS", 30);
    private static final int BASIC_WARMUP_SECONDS = 3;
    private static final int FLOOD_START_SECONDS = setting("FLOOD_START_SECONDS", 10);
    private static final long MAX_REQUESTS = setting("MAX_REQUESTS", 200_000);
    private static final double THROUGHPUT_GOAL_FACTOR = 20;
    private static final double BASIC_REFERENCE = 27;
    private static final double FLOOD_P95_GOAL_MS = 100;
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static String base;
    private static java.nio.file.Path portalStat;
    private static double clockTicks;

    record Result(long requests, double seconds, long[] sortedNanos, Map<Integer, Long> statuses, double cpuSeconds) {

        /** The portal's CPU time per request, in milliseconds. */
        double cpuMsPerRequest() {
            return cpuSeconds * 1000 / requests;
        }

        double perSecond() {
            return requests / seconds;
        }

        double percentileMs(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, index)] / 1e6;
        }
    }

    interface Request {
        HttpRequest next(int thread);
    }

    public static void main(String[] args) throws Exception {
        base = args[0];
        portalStat = args.length > 1 ? java.nio.file.Path.of("/proc", args[1], "stat") : null;
        clockTicks = args.length > 2 ? Double.parseDouble(args[2]) : 100;
        String basic = basic("alice", "demo");
        String token = createToken(basic);
        String bearer = "Bearer " + token;
        System.out.printf(
                Locale.ROOT,
                "%d clients, %d s per phase (at most %d requests), %d flooders from %d addresses%n",
                CLIENTS,
                PHASE_SECONDS,
                MAX_REQUESTS,
                FLOODERS,
                FLOOD_ADDRESSES);

        // The JIT needs thousands of calls of the token path; bcrypt's cost is the same from the first.
        Result warmup = run(WARMUP_SECONDS, CLIENTS, thread -> me(bearer, null));
        System.out.printf(Locale.ROOT, "warm-up: %d token requests in %.0f s%n", warmup.requests(), warmup.seconds());
        run(BASIC_WARMUP_SECONDS, CLIENTS, thread -> me(basic, null));
        Result withBasic = run(PHASE_SECONDS, CLIENTS, thread -> me(basic, null));
        Result withToken = run(PHASE_SECONDS, CLIENTS, thread -> me(bearer, null));
        print("HTTP Basic (bcrypt every call)", withBasic);
        print("API token", withToken);
        double factor = withToken.perSecond() / withBasic.perSecond();
        // What two cores given to the portal alone would serve, from the CPU each request cost it.
        System.out.printf(
                Locale.ROOT,
                "portal CPU per request: Basic %.2f ms, token %.2f ms (%.0f × less); two dedicated cores would serve"
                        + " about %.0f Basic and %.0f token requests/s%n",
                withBasic.cpuMsPerRequest(),
                withToken.cpuMsPerRequest(),
                withBasic.cpuMsPerRequest() / withToken.cpuMsPerRequest(),
                2000 / withBasic.cpuMsPerRequest(),
                2000 / withToken.cpuMsPerRequest());
        System.out.printf(
                Locale.ROOT,
                "tokens: %.0f requests/s = %.1f × Basic measured here, %.1f × the 27 requests/s of the issue;"
                        + " goal ≥ %.0f × 27 = %.0f requests/s: %s%n",
                withToken.perSecond(),
                factor,
                withToken.perSecond() / BASIC_REFERENCE,
                THROUGHPUT_GOAL_FACTOR,
                THROUGHPUT_GOAL_FACTOR * BASIC_REFERENCE,
                withToken.perSecond() >= THROUGHPUT_GOAL_FACTOR * BASIC_REFERENCE ? "met" : "NOT met");

        // The flood and the two legitimate clients run at once; each legitimate client is one thread.
        // Until each flooding address has used up its failures (each one a bcrypt), the flood costs
        // CPU; after that it gets 429 for almost nothing. The legitimate clients are measured over the
        // first FLOOD_START_SECONDS and over the rest of the flood, separately.
        Result[] during = new Result[5];
        Thread flood = Thread.ofPlatform()
                .start(() -> during[0] = run(FLOOD_START_SECONDS + PHASE_SECONDS, FLOODERS, thread -> me(
                        basic("intruder-" + ThreadLocalRandom.current().nextLong(1_000_000_000L), "wrong-password-1"),
                        "127.0.0." + (2 + thread % FLOOD_ADDRESSES))));
        Thread tokenClient = Thread.ofPlatform().start(() -> {
            during[1] = run(FLOOD_START_SECONDS, 1, thread -> me(bearer, null));
            during[2] = run(PHASE_SECONDS, 1, thread -> me(bearer, null));
        });
        Thread basicClient = Thread.ofPlatform().start(() -> {
            during[3] = run(FLOOD_START_SECONDS, 1, thread -> me(basic, "127.0.0.100"));
            during[4] = run(PHASE_SECONDS, 1, thread -> me(basic, "127.0.0.100"));
        });
        flood.join();
        tokenClient.join();
        basicClient.join();
        print("flood (wrong Basic, random names)", during[0]);
        print("token client, flood's first " + FLOOD_START_SECONDS + " s", during[1]);
        print("token client, the " + PHASE_SECONDS + " s after", during[2]);
        print("Basic client, flood's first " + FLOOD_START_SECONDS + " s", during[3]);
        print("Basic client, the " + PHASE_SECONDS + " s after", during[4]);
        for (int i = 1; i <= 2; i++) {
            System.out.printf(
                    Locale.ROOT,
                    "token client p95 %s: %.1f ms; goal ≤ %.0f ms: %s%n",
                    i == 1 ? "in the flood's first " + FLOOD_START_SECONDS + " s" : "afterwards",
                    during[i].percentileMs(95),
                    FLOOD_P95_GOAL_MS,
                    during[i].percentileMs(95) <= FLOOD_P95_GOAL_MS ? "met" : "NOT met");
        }
    }

    private static Result run(int seconds, int threads, Request request) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong budget = new AtomicLong(MAX_REQUESTS);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        double cpuBefore = portalCpuSeconds();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            long[][] slot = new long[1][];
            synchronized (perThread) {
                perThread.add(null);
            }
            workers.add(Thread.ofPlatform().start(() -> {
                long[] nanos = new long[1024];
                int count = 0;
                while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                    long start = System.nanoTime();
                    int status = send(request.next(thread));
                    long took = System.nanoTime() - start;
                    statuses.merge(status, 1L, Long::sum);
                    if (count == nanos.length) {
                        nanos = java.util.Arrays.copyOf(nanos, count * 2);
                    }
                    nanos[count++] = took;
                }
                slot[0] = java.util.Arrays.copyOf(nanos, count);
                synchronized (perThread) {
                    perThread.set(thread, slot[0]);
                }
            }));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perThread.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        return new Result(all.length, elapsed, all, statuses, portalCpuSeconds() - cpuBefore);
    }

    /** utime + stime of the portal (fields 14 and 15 of /proc/<pid>/stat), in seconds; 0 without it. */
    private static double portalCpuSeconds() {
        if (portalStat == null) {
            return 0;
        }
        try {
            String stat = java.nio.file.Files.readString(portalStat);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / clockTicks;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void print(String what, Result result) {
        System.out.printf(
                Locale.ROOT,
                "%-36s %7d requests %8.1f /s  portal CPU %6.2f ms/request  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms"
                        + "  statuses %s%n",
                what,
                result.requests(),
                result.perSecond(),
                result.cpuMsPerRequest(),
                result.percentileMs(50),
                result.percentileMs(95),
                result.percentileMs(99),
                new java.util.TreeMap<>(result.statuses()));
    }

    private static HttpRequest me(String authorization, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .GET();
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return request.build();
    }

    private static int send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String createToken(String basic) throws Exception {
        HttpResponse<String> created = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
                        .header("Authorization", basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\",\"expiresAt\":\""
                                + Instant.now().plus(Duration.ofDays(1)) + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(created.body());
        if (created.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("Could not create a token: " + created.statusCode() + " " + created.body());
        }
        return token.group(1);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
