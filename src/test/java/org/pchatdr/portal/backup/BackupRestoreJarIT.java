package org.pchatdr.portal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, as an operator does it with the packaged jar: a running portal with data on its embedded
 * database is backed up with {@code java -jar … backup --to FILE}; the ZIP is unzipped into a new data
 * folder (README, "Backups"); a portal started on that folder has the data of the moment of the
 * backup, not what came after, and its audit chain verifies. Failsafe runs this after
 * {@code package}, so the jar exists.
 */
class BackupRestoreJarIT {

    /** The demo profile's administrator; the data is on a file database all the same. */
    private static final String ADMIN = basic("admin", "demo");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Process> portals = new ArrayList<>();

    @AfterEach
    void stopPortals() throws InterruptedException {
        for (Process portal : portals) {
            portal.destroy();
            if (!portal.waitFor(60, TimeUnit.SECONDS)) {
                portal.destroyForcibly();
            }
        }
    }

    @Test
    void aBackupTakenWhileThePortalWritesRestoresIntoANewDataFolderWithItsDataAndAVerifiedAuditChain()
            throws Exception {
        Path original = folder.resolve("original");
        int port = start(original);
        assertThat(send(port, "POST", "/api/v1/users", ADMIN, user("before-backup"))
                        .statusCode())
                .isEqualTo(201);
        // An administrator's API token for the command (README, "Backups"); a token must say when it ends.
        HttpResponse<String> created = send(
                port,
                "POST",
                "/api/v1/me/tokens",
                ADMIN,
                "{\"name\": \"backups\", \"expiresAt\": \"" + Instant.now().plus(Duration.ofDays(1)) + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = JSON.readTree(created.body()).get("token").asString();
        String bearer = "Bearer " + token;

        // The portal keeps writing while the backup is taken: users created one after the other, each
        // with its USER_CREATED record in the same transaction, until the backup command has ended
        // (at most 200: the restored users are then read in one page).
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Integer> written = writer.submit(() -> {
            int n = 0;
            while (writing.get() && n < 200) {
                HttpResponse<String> answer = send(port, "POST", "/api/v1/users", bearer, user("writer-" + n));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                n++;
            }
            return n;
        });
        Path backup = folder.resolve("portal-backup.zip");
        int exit;
        try {
            ProcessBuilder command = new ProcessBuilder(
                            java(), "-jar", jar().toString(), "backup", "--to", backup.toString(), "--url", base(port))
                    .directory(folder.toFile())
                    .redirectOutput(folder.resolve("backup-out.txt").toFile())
                    .redirectError(folder.resolve("backup-err.txt").toFile());
            command.environment().put("PORTAL_API_TOKEN", token);
            Process backingUp = command.start();
            assertThat(backingUp.waitFor(10, TimeUnit.MINUTES)).isTrue();
            exit = backingUp.exitValue();
        } finally {
            writing.set(false);
            writer.shutdown();
        }
        int writers = written.get(5, TimeUnit.MINUTES);
        assertThat(exit).as(Files.readString(folder.resolve("backup-err.txt"))).isZero();
        assertThat(Files.readString(folder.resolve("backup-out.txt"))).startsWith("Backup written to " + backup);
        // Also kept in the portal's own backup folder, and on its audit trail.
        try (Stream<Path> kept = Files.list(original.resolve("backups"))) {
            assertThat(kept)
                    .singleElement()
                    .satisfies(
                            file -> assertThat(file.getFileName().toString()).matches("portal-\\d{8}-\\d{6}Z\\.zip"));
        }
        assertThat(send(port, "GET", "/api/v1/audit/events?action=DATABASE_BACKED_UP", ADMIN, null)
                        .body())
                .contains("DATABASE_BACKED_UP");
        assertThat(send(port, "POST", "/api/v1/users", ADMIN, user("after-backup"))
                        .statusCode())
                .isEqualTo(201);
        stopPortals();
        portals.clear();

        // README, "Backups", restore: unzip into a new data folder, copy the evidence key, start on it.
        Path restored = folder.resolve("restored");
        unzip(backup, restored);
        Files.copy(original.resolve("evidence-key.pem"), restored.resolve("evidence-key.pem"));
        int restoredPort = start(restored);

        assertThat(send(restoredPort, "GET", "/api/v1/users/before-backup", ADMIN, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(restoredPort, "GET", "/api/v1/users/after-backup", ADMIN, null)
                        .statusCode())
                .isEqualTo(404);
        // A consistent copy: the writes committed before the backup's moment, all of them (each
        // writer-n was created after writer-(n-1) had been answered), none of a later one, and
        // every restored user with its own record on the restored trail.
        List<String> restoredWriters =
                names(send(restoredPort, "GET", "/api/v1/users?size=500", ADMIN, null), "username");
        assertThat(restoredWriters)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, restoredWriters.size())
                        .mapToObj(n -> "writer-" + n)
                        .toList());
        assertThat(restoredWriters.size()).isLessThanOrEqualTo(writers);
        assertThat(names(
                        send(restoredPort, "GET", "/api/v1/audit/events?action=USER_CREATED&limit=1000", ADMIN, null),
                        "target"))
                .containsExactlyInAnyOrderElementsOf(restoredWriters);
        HttpResponse<String> verification = send(restoredPort, "POST", "/api/v1/audit/verification", ADMIN, null);
        assertThat(JSON.readTree(verification.body()).get("intact").asBoolean())
                .as(verification.body())
                .isTrue();
        // The portal signs with the copied key; it did not make a new one.
        assertThat(Files.readString(restored.resolve("evidence-key.pem")))
                .isEqualTo(Files.readString(original.resolve("evidence-key.pem")));
    }

    private static String user(String name) {
        return """
                {"username": "%s", "roles": ["OPERATOR"], "temporaryPassword": "Restore-Check-Pass-7"}""".formatted(name);
    }

    /** The {@code field} of every element of a JSON list (or of its {@code events}) that names a writer. */
    private static List<String> names(HttpResponse<String> answer, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(answer.body());
        List<String> names = new ArrayList<>();
        for (JsonNode element : json.isArray() ? json : json.get("events")) {
            String name = element.get(field).asString();
            if (name.startsWith("writer-")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Starts the packaged portal on {@code data} (demo users, file database) and waits until it is ready. */
    private int start(Path data) throws IOException {
        Files.createDirectories(data);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process portal = new ProcessBuilder(
                        java(),
                        "-jar",
                        jar().toString(),
                        "--spring.profiles.active=demo",
                        "--server.port=" + port,
                        "--portal.data-dir=" + data,
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("portal")
                                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;WRITE_DELAY=0")
                .directory(data.toFile())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("portal.log").toFile())
                .start();
        portals.add(portal);
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(portal.isAlive())
                            .as("the portal runs; see " + data.resolve("portal.log"))
                            .isTrue();
                    try {
                        // The group's own status, not a component's: while the demo accounts are
                        // still being created (after "Started", before ready) the database is UP
                        // but the group is OUT_OF_SERVICE (503), and admin's sign-in would get 401.
                        HttpResponse<String> readiness = send(port, "GET", "/actuator/health/readiness", null, null);
                        return readiness.statusCode() == 200
                                && JSON.readTree(readiness.body())
                                        .get("status")
                                        .asString()
                                        .equals("UP");
                    } catch (IOException e) {
                        return false;
                    }
                });
        return port;
    }

    private HttpResponse<String> send(int port, String method, String path, String authorization, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(port) + path))
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What README's restore step does with {@code unzip}. */
    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                // A path of its own, never out of the folder (AssertJ's startsWith needs the file to exist).
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                Files.copy(entries, target);
            }
        }
        assertThat(into.resolve("portal.mv.db")).exists();
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("pchat-dr-portal-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No target/pchat-dr-portal-*.jar: run mvn verify"))
                    .toAbsolutePath();
        }
    }
}
