package org.pchatdr.portal.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Issue 16, decision 022: where and how the audit trail is forwarded ({@code PORTAL_AUDIT_FORWARD_*},
 * README "Audit forwarding"). {@code url} empty: forwarding is off and no outbox row is written.
 *
 * @param url {@code syslog://host:port} (RFC 5424 over TCP), {@code syslog+tls://host:port} (RFC 5425),
 *     or an {@code http://} / {@code https://} address that takes NDJSON
 * @param token sent as {@code Authorization: Bearer} to an HTTP collector, when not empty
 * @param truststore the collector's certificate (or its CA) for TLS, as the directory's is read: a
 *     PEM file, or a PKCS#12 or JKS trust store; empty: the JVM's trusted authorities
 * @param batchSize records sent at most per connection or request
 * @param interval how often each instance looks for unsent records
 * @param timeout connecting to, and waiting for, the collector
 * @param backoffInitial the wait after a first failure; it doubles with each further one
 * @param backoffMax the longest wait between two attempts
 * @param lagAlert how old the oldest unsent record may grow before health says DOWN
 */
@Validated
@ConfigurationProperties("portal.audit.forward")
public record AuditForwardSettings(
        @DefaultValue("") String url,
        @DefaultValue("") String token,
        @DefaultValue("") String truststore,
        @DefaultValue("") String truststorePassword,
        @DefaultValue("200") @Min(1) int batchSize,
        @DefaultValue("1s") @NotNull Duration interval,
        @DefaultValue("10s") @NotNull Duration timeout,
        @DefaultValue("1s") @NotNull Duration backoffInitial,
        @DefaultValue("5m") @NotNull Duration backoffMax,
        @DefaultValue("15m") @NotNull Duration lagAlert) {

    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    URI uri() {
        return URI.create(url.strip());
    }

    /** The wait before attempt {@code failures + 1}: doubling from the initial wait up to the maximum. */
    Duration backoff(int failures) {
        Duration wait = backoffInitial;
        for (int i = 1; i < failures && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
