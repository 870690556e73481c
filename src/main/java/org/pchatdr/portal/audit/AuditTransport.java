package org.pchatdr.portal.audit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.pchatdr.portal.base.TrustStores;

/** How records reach the collector (decision 022): one call sends a batch, in sequence order, or throws. */
interface AuditTransport {

    void send(List<AuditEntry> entries) throws IOException;

    static AuditTransport of(AuditForwardSettings settings) {
        URI uri = settings.uri();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        return switch (scheme) {
            case "syslog", "syslog+tcp" -> new SyslogTransport(uri, null, settings.timeout());
            case "syslog+tls" -> new SyslogTransport(uri, sslContext(settings), settings.timeout());
            case "http", "https" -> new HttpTransport(uri, settings.token(), sslContext(settings), settings.timeout());
            default ->
                throw new IllegalArgumentException("PORTAL_AUDIT_FORWARD_URL must start with syslog://, syslog+tls://,"
                        + " http:// or https://, not " + uri);
        };
    }

    /** The configured trust store's authorities, or the JVM's when none is configured. */
    private static SSLContext sslContext(AuditForwardSettings settings) {
        try {
            if (settings.truststore().isBlank()) {
                return SSLContext.getDefault();
            }
            return TrustStores.trusting(
                    Path.of(settings.truststore()),
                    settings.truststorePassword().toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "PORTAL_AUDIT_FORWARD_TRUSTSTORE cannot be read: " + settings.truststore(), e);
        }
    }
}
