package org.pchatdr.portal.security;

import java.time.Duration;
import org.pchatdr.portal.base.AuditMessage;

/** After {@code maxFailures} wrong passwords within {@code window} an account is locked for {@code duration}. */
public record LockoutPolicy(int maxFailures, Duration window, Duration duration) {

    public static final int MAX_FAILURES_LIMIT = 100;
    public static final Duration LONGEST = Duration.ofDays(1);

    public static LockoutPolicy of(LockoutSettings settings) {
        return new LockoutPolicy(settings.maxFailures(), settings.window(), settings.duration());
    }

    /** What {@link #toString()} says, in the reader's language on the audit trail (issue 12). */
    public AuditMessage said() {
        return AuditMessage.of("audit.details.lockout", maxFailures, window.toMinutes(), duration.toMinutes());
    }

    @Override
    public String toString() {
        return maxFailures + " failures within " + window.toMinutes() + " min lock for " + duration.toMinutes()
                + " min";
    }
}
