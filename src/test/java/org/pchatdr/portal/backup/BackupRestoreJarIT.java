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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, as an operator does it with the packaged jar: a running portal with data on its embedded
 * database is backed up with {@code java -jar … backup --to FILE}; the ZIP is unzipped into a new data
 * folder (README, "Backups"); a portal started on that folder has the data of the moment of the
 * backup, not what came after, and its audit chain verifies. Failsafe runs this after
 * {@code package}, so the jar exists.
 */
class BackupRestoreJarIT {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    /** The demo profile's administrator; the data is on a file database all the same. */
    private static final String ADMIN = basic("admin", "demo");

    @TempDir
    Path folder;

    private final HttpClient client = HttpClient.newHttpClient();
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
    void aBackupOfARunningPortalRestoresIntoANewDataFolderWithItsDataAndAVerifiedAuditChain() throws Exception {
        Path original = folder.resolve("original");
        int port = start(original);
        assertThat(send(port, "POST", "/api/v1/users", ADMIN, """
                        {"username": "before-backup", "roles": ["OPERATOR"], "temporaryPassword": "Restore-Check-Pass-7"}""").statusCode()).isEqualTo(201);
        Matcher token = TOKEN.matcher(send(port, "POST", "/api/v1/me/tokens", ADMIN, "{\"name\": \"backups\"}")
                .body());
        assertThat(token.find()).isTrue();

        Path backup = folder.resolve("portal-backup.zip");
        ProcessBuilder command = new ProcessBuilder(
                        java(), "-jar", jar().toString(), "backup", "--to", backup.toString(), "--url", base(port))
                .directory(folder.toFile())
                .redirectOutput(folder.resolve("backup-out.txt").toFile())
                .redirectError(folder.resolve("backup-err.txt").toFile());
        command.environment().put("PORTAL_API_TOKEN", token.group(1));
        Process backingUp = command.start();
        assertThat(backingUp.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(backingUp.exitValue())
                .as(Files.readString(folder.resolve("backup-err.txt")))
                .isZero();
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
        assertThat(send(port, "POST", "/api/v1/users", ADMIN, """
                        {"username": "after-backup", "roles": ["OPERATOR"], "temporaryPassword": "Restore-Check-Pass-7"}""").statusCode()).isEqualTo(201);
        stopPortals();
        portals.clear();

        Path restored = folder.resolve("restored");
        unzip(backup, restored);
        int restoredPort = start(restored);

        assertThat(send(restoredPort, "GET", "/api/v1/users/before-backup", ADMIN, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(restoredPort, "GET", "/api/v1/users/after-backup", ADMIN, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(restoredPort, "POST", "/api/v1/audit/verification", ADMIN, null)
                        .body())
                .contains("\"intact\":true");
    }

    /** Starts the packaged portal on {@code data} (demo users, file database) and waits until ready. */
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
                        return send(port, "GET", "/actuator/health/readiness", null, null)
                                .body()
                                .contains("\"status\":\"UP\"");
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
                assertThat(target).startsWith(into);
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
