package org.pchatdr.portal.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * One POST per batch, one JSON line per record ({@code application/x-ndjson}), the export's line;
 * a 2xx answer is the collector's acknowledgement, anything else a failure to retry.
 */
final class HttpTransport implements AuditTransport {

    private final URI uri;
    private final String token;
    private final Duration timeout;
    private final HttpClient client;

    HttpTransport(URI uri, String token, SSLContext tls, Duration timeout) {
        this.uri = uri;
        this.token = token == null ? "" : token.strip();
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(List<AuditEntry> entries) throws IOException {
        String body = entries.stream()
                .map(entry -> AuditService.JSON.writeValueAsString(AuditService.exportLine(entry)) + "\n")
                .collect(Collectors.joining());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("the collector answered " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
