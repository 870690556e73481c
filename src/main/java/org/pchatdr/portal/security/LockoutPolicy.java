package org.pchatdr.portal.security;

import java.time.Duration;

/** After {@code maxFailures} wrong passwords within {@code window} an account is locked for {@code duration}. */
public record LockoutPolicy(int maxFailures, Duration window, Duration duration) {

    public static final int MAX_FAILURES_LIMIT = 100;
    public static final Duration LONGEST = Duration.ofDays(1);

    public static LockoutPolicy of(LockoutSettings settings) {
        return new LockoutPolicy(settings.maxFailures(), settings.window(), settings.duration());
    }

    @Override
    public String toString() {
        return maxFailures + " failures within " + window.toMinutes() + " min lock for " + duration.toMinutes()
                + " min";
    }
}
