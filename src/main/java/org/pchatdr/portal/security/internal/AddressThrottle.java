package org.pchatdr.portal.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.api.ApiErrors;
import org.pchatdr.portal.security.AccountAction;
import org.pchatdr.portal.security.AccountEvent;
import org.pchatdr.portal.security.AddressThrottleSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed authentications per client address, over fixed windows (issue 11). Past the limit, the
 * API refuses that address's credentials with 429 before any bcrypt runs, so a flood costs the
 * portal almost nothing and cannot crowd out legitimate clients; a valid API token still passes.
 *
 * <p>Failures for unknown usernames (and unknown tokens) are not audited one by one, which would let
 * a flood fill the trail: each address's window becomes one {@code SIGN_IN_FAILED_UNKNOWN_USERS}
 * record with the count, written by the sweep once the window has ended. Failures for existing
 * accounts are still audited each, and count towards that account's lockout as before.
 *
 * <p>The counters live in this instance's memory: behind a load balancer each instance limits on its
 * own, and a restart forgets them (the account lockout, in the database, still holds).
 */
@Component
public class AddressThrottle {

    private static final Logger log = LoggerFactory.getLogger(AddressThrottle.class);
    /** Where addresses beyond {@code maxAddresses} are counted together. */
    static final String OVERFLOW = "(other addresses)";

    private final AddressThrottleSettings settings;
    private final ApiErrors errors;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Queue<Window> ended = new ConcurrentLinkedQueue<>();

    AddressThrottle(
            AddressThrottleSettings settings,
            ApiErrors errors,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock) {
        this.settings = settings;
        this.errors = errors;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Counts one failed authentication from {@code address}; {@code unknownName} when no account had that name. */
    void recordFailure(String address, String unknownName) {
        Instant now = clock.instant();
        String key = windows.containsKey(address) || windows.size() < settings.maxAddresses() ? address : OVERFLOW;
        windows.compute(key, (k, window) -> {
            Window current = window;
            if (current == null || current.hasEndedAt(now)) {
                if (current != null) {
                    ended.add(current);
                }
                current = new Window(k, now, now.plus(settings.window()));
            }
            current.count(unknownName);
            return current;
        });
    }

    /** How long {@code address} must wait before its credentials are examined again, if it must. */
    public Optional<Duration> retryAfter(String address) {
        Instant now = clock.instant();
        Window window = windows.get(address);
        if (window == null && windows.size() >= settings.maxAddresses()) {
            window = windows.get(OVERFLOW);
        }
        if (window == null || window.hasEndedAt(now) || window.failures() < settings.maxFailures()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.end));
    }

    /** The 429 answer, with {@code Retry-After} in whole seconds (rounded up). */
    void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        errors.write(request, response, 429, "too_many_failures");
    }

    /**
     * Forgets ended windows, writing one audit record per address that failed for unknown names in
     * it; returns how many records were written. Runs with the other sweeps.
     */
    @Scheduled(
            fixedDelayString = "${portal.sweep.interval-ms:60000}",
            initialDelayString = "${portal.sweep.interval-ms:60000}")
    public int sweep() {
        Instant now = clock.instant();
        windows.forEach((address, window) -> {
            // Removed only if still the same window: a failure counted meanwhile has opened a new one.
            if (window.hasEndedAt(now) && windows.remove(address, window)) {
                ended.add(window);
            }
        });
        List<Window> toRecord = new ArrayList<>();
        for (Window window = ended.poll(); window != null; window = ended.poll()) {
            if (window.unknownFailures() > 0) {
                toRecord.add(window);
            }
        }
        int written = 0;
        for (Window window : toRecord) {
            try {
                transaction.executeWithoutResult(status -> events.publishEvent(new AccountEvent(
                        AccountAction.SIGN_IN_FAILED_UNKNOWN_USERS,
                        CurrentUser.SYSTEM,
                        null,
                        null,
                        window.describe())));
                written++;
            } catch (RuntimeException e) {
                log.error("Could not record the failed authentications from {}", window.address, e);
            }
        }
        return written;
    }

    /** One address's failures in [start, end). Synchronised: counted from many request threads. */
    private static final class Window {

        private final String address;
        private final Instant start;
        private final Instant end;
        private int failures;
        private int unknownFailures;
        private String firstUnknownName;

        Window(String address, Instant start, Instant end) {
            this.address = address;
            this.start = start;
            this.end = end;
        }

        synchronized void count(String unknownName) {
            failures++;
            if (unknownName != null) {
                unknownFailures++;
                if (firstUnknownName == null) {
                    firstUnknownName = unknownName;
                }
            }
        }

        synchronized int failures() {
            return failures;
        }

        synchronized int unknownFailures() {
            return unknownFailures;
        }

        boolean hasEndedAt(Instant now) {
            return !now.isBefore(end);
        }

        /** In the reader's language, the English stored (issue 12). */
        synchronized AuditMessage describe() {
            return AuditMessage.of(
                    "audit.details.SIGN_IN_FAILED_UNKNOWN_USERS",
                    unknownFailures,
                    address,
                    start.toString(),
                    end.toString(),
                    String.valueOf(firstUnknownName));
        }
    }
}
