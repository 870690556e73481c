package org.pchatdr.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatdr.portal.testsupport.SyslogCollector;

/**
 * Issue 16: the two ways to the collector, each against a collector the test starts: syslog over
 * TLS with a certificate the test makes, and NDJSON over HTTP with its token and its answers.
 */
class AuditTransportTest {

    private static final String STORE_PASSWORD = "collector-store-pass";

    @TempDir
    Path folder;

    private final List<AuditEntry> entries = List.of(
            new AuditEntry(
                    41,
                    Instant.parse("2026-01-05T08:00:00Z"),
                    "alice",
                    "RUN_STARTED",
                    "run 7 (p)",
                    null,
                    null,
                    null,
                    "a"),
            new AuditEntry(
                    42,
                    Instant.parse("2026-01-05T08:00:01.250Z"),
                    "bob",
                    "STEP_DONE",
                    "run 7 (p)",
                    "é",
                    null,
                    null,
                    "b"));

    @Test
    void syslogOverTlsReachesACollectorWhoseCertificateTheTrustStoreHolds() throws Exception {
        Path keyStore = certificateFor("localhost");
        Path trustStore = trustStoreOf(keyStore);
        int port = SyslogCollector.freePort();
        try (SyslogCollector collector = new SyslogCollector(port, serverContext(keyStore)).start()) {
            AuditTransport.of(settings("syslog+tls://localhost:" + port, trustStore.toString()))
                    .send(entries);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> collector.sequences().size() == 2);
            assertThat(collector.sequences()).containsExactly(41L, 42L);
            assertThat(collector.messages().get(1))
                    .startsWith("<110>1 2026-01-05T08:00:01.250Z ")
                    .contains(" pchat-dr-portal - STEP_DONE [meta sequenceId=\"42\"] \uFEFF{\"seq\":42,")
                    .contains("\"details\":\"é\"");
        }
    }

    @Test
    void syslogOverTlsTrustsACollectorCertificateGivenAsAPemFileAsTheDirectoryDoes() throws Exception {
        Path keyStore = certificateFor("localhost");
        Path pem = pemOf(keyStore);
        int port = SyslogCollector.freePort();
        try (SyslogCollector collector = new SyslogCollector(port, serverContext(keyStore)).start()) {
            AuditTransport.of(settings("syslog+tls://localhost:" + port, pem.toString()))
                    .send(entries);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> collector.sequences().size() == 2);
            assertThat(collector.sequences()).containsExactly(41L, 42L);
        }
    }

    @Test
    void aCollectorWhoseCertificateIsNotTrustedGetsNothing() throws Exception {
        Path keyStore = certificateFor("localhost");
        int port = SyslogCollector.freePort();
        try (SyslogCollector collector = new SyslogCollector(port, serverContext(keyStore)).start()) {
            // No trust store configured: the JVM's authorities, which never signed the test's certificate.
            AuditTransport transport = AuditTransport.of(settings("syslog+tls://localhost:" + port, ""));

            assertThatThrownBy(() -> transport.send(entries)).isInstanceOf(SSLHandshakeException.class);
            assertThat(collector.messages()).isEmpty();
        }
    }

    @Test
    void anHttpCollectorReceivesNdjsonWithTheTokenAndARefusalIsAFailure() throws Exception {
        List<String> bodies = new ArrayList<>();
        List<String> authorizations = new ArrayList<>();
        List<String> types = new ArrayList<>();
        AtomicInteger answer = new AtomicInteger(204);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/siem", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            types.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            AuditTransport transport = AuditTransport.of(new AuditForwardSettings(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/siem",
                    "siem-token",
                    "",
                    "",
                    100,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(15)));

            transport.send(entries);
            answer.set(503);

            assertThatThrownBy(() -> transport.send(entries))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("503");
            assertThat(bodies.getFirst().lines().toList())
                    .hasSize(2)
                    .first()
                    .asString()
                    .startsWith("{\"seq\":41,\"occurredAt\":\"2026-01-05T08:00:00Z\",\"actor\":\"alice\"");
            assertThat(authorizations).containsOnly("Bearer siem-token");
            assertThat(types).containsOnly("application/x-ndjson");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theWaitDoublesAfterEachFailureUpToItsCeiling() {
        AuditForwardSettings settings = settings("syslog://localhost:514", "");

        assertThat(List.of(1, 2, 3, 4, 9, 10, 50).stream().map(settings::backoff))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(256),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(5));
    }

    private static AuditForwardSettings settings(String url, String trustStore) {
        return new AuditForwardSettings(
                url,
                "",
                trustStore,
                trustStore.isEmpty() ? "" : STORE_PASSWORD,
                100,
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofMinutes(15));
    }

    /** A key pair and self-signed certificate for {@code host}, made with the JDK's keytool. */
    private Path certificateFor(String host) throws Exception {
        Path store = folder.resolve("collector.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "collector",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + host,
                "-ext",
                "SAN=dns:" + host + ",ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                STORE_PASSWORD);
        return store;
    }

    /** The certificate alone, as a PEM file: what an operator may give the portal instead of a store. */
    private Path pemOf(Path keyStore) throws Exception {
        Path certificate = folder.resolve("collector.crt");
        keytool(
                "-exportcert",
                "-alias",
                "collector",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-rfc",
                "-file",
                certificate.toString());
        return certificate;
    }

    /** The certificate alone, in a PKCS#12 trust store: what an operator gives the portal. */
    private Path trustStoreOf(Path keyStore) throws Exception {
        Path certificate = pemOf(keyStore);
        Path trustStore = folder.resolve("truststore.p12");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "collector",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                STORE_PASSWORD);
        return trustStore;
    }

    private static SSLContext serverContext(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("keytool.log").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(() -> {
                    try {
                        return Files.readString(folder.resolve("keytool.log"));
                    } catch (IOException e) {
                        return e.toString();
                    }
                })
                .isZero();
    }
}
