package org.pchatdr.portal.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A syslog collector a test starts and stops on a fixed local port: it reads RFC 6587 octet-counted
 * RFC 5424 messages (over TLS when given a context), keeps them, and closes each connection once the
 * sender closed its side, as a collector that has read everything does.
 */
public class SyslogCollector implements AutoCloseable {

    private static final Pattern SEQUENCE_ID = Pattern.compile("\\[meta sequenceId=\"(\\d+)\"\\]");

    private final int port;
    private final SSLContext tls;
    private final List<String> messages = new ArrayList<>();
    private volatile ServerSocket server;

    public SyslogCollector(int port, SSLContext tls) {
        this.port = port;
        this.tls = tls;
    }

    /** A free local port, for a collector that is not listening yet. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized SyslogCollector start() throws IOException {
        ServerSocket socket =
                tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread.ofPlatform().daemon().name("syslog-collector").start(() -> accept(socket));
        return this;
    }

    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** Every message received, in arrival order, repeats included. */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    /** The audit sequence of every message received, in arrival order, repeats included. */
    public List<Long> sequences() {
        return messages().stream()
                .map(message -> {
                    Matcher matcher = SEQUENCE_ID.matcher(message);
                    if (!matcher.find()) {
                        throw new AssertionError("no sequenceId in " + message);
                    }
                    return Long.parseLong(matcher.group(1));
                })
                .toList();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                read(connection);
            } catch (IOException e) {
                // Stopped, or a sender that went away: nothing to keep.
            }
        }
    }

    private void read(Socket connection) throws IOException {
        InputStream in = new BufferedInputStream(connection.getInputStream());
        while (true) {
            StringBuilder length = new StringBuilder();
            int c;
            while ((c = in.read()) != ' ') {
                if (c == -1) {
                    return;
                }
                length.append((char) c);
            }
            byte[] frame = in.readNBytes(Integer.parseInt(length.toString()));
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            text.write(frame);
            synchronized (this) {
                messages.add(text.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
