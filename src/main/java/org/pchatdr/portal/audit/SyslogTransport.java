package org.pchatdr.portal.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * RFC 5424 messages over TCP with octet-counting framing (RFC 6587 §3.4.1, the framing RFC 5425
 * prescribes for TLS). One connection per batch: the records are written, the portal closes its
 * side and waits for the collector to close its own, which a collector does once it has read
 * everything. Syslog over TCP has no acknowledgement beyond that; a collector that keeps the
 * connection open past the timeout is taken to have received what was written without error.
 */
final class SyslogTransport implements AuditTransport {

    /** Facility 13 "log audit", severity 6 "informational" (RFC 5424 §6.2.1). */
    static final int PRIORITY = 13 * 8 + 6;

    static final String APP_NAME = "pchat-dr-portal";

    private final String host;
    private final int port;
    private final SSLContext tls;
    private final int timeoutMillis;
    private final String hostname;

    SyslogTransport(URI uri, SSLContext tls, Duration timeout) {
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : tls == null ? 514 : 6514;
        this.tls = tls;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.hostname = localHostname();
    }

    @Override
    public void send(List<AuditEntry> entries) throws IOException {
        try (Socket socket = open()) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            for (AuditEntry entry : entries) {
                byte[] message = message(entry, hostname);
                out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(message);
            }
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            try {
                while (in.read() != -1) {
                    // The collector says nothing over syslog; anything it sends is ignored.
                }
            } catch (SocketTimeoutException stillOpen) {
                // Written without error and not refused: see the class comment.
            }
        }
    }

    private Socket open() throws IOException {
        Socket socket = tls == null ? new Socket() : tls.getSocketFactory().createSocket();
        try {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            if (socket instanceof SSLSocket ssl) {
                SSLParameters parameters = ssl.getSSLParameters();
                // The certificate must name the host the portal was told to reach.
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(parameters);
                ssl.startHandshake();
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * {@code <110>1 TIMESTAMP HOSTNAME pchat-dr-portal - ACTION [meta sequenceId="SEQ"] BOM JSON}: the
     * audit sequence is the standard {@code meta} element's {@code sequenceId} (RFC 5424 §7.3.1) and
     * the JSON line's {@code seq}; the JSON is the export's line for the record.
     */
    static byte[] message(AuditEntry entry, String hostname) {
        String header = "<" + PRIORITY + ">1 " + entry.occurredAt() + " " + hostname + " " + APP_NAME + " - "
                + printable(entry.action(), 32) + " [meta sequenceId=\"" + entry.seq() + "\"] ";
        return (header + "\uFEFF" + AuditService.JSON.writeValueAsString(AuditService.exportLine(entry)))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 5424's header fields are printable US-ASCII without spaces, of bounded length, or "-". */
    private static String printable(String value, int max) {
        if (value == null) {
            return "-";
        }
        String cleaned = value.replaceAll("[^\\x21-\\x7e]", "_");
        cleaned = cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
        return cleaned.isEmpty() ? "-" : cleaned;
    }

    private static String localHostname() {
        try {
            return printable(InetAddress.getLocalHost().getHostName(), 255);
        } catch (IOException e) {
            return "-";
        }
    }
}
