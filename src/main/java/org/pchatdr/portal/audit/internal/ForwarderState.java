package org.pchatdr.portal.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The forwarder's single shared row (decision 022): the instance that sends holds its row lock, and
 * the back-off after a failure lives here so that every instance honours it.
 */
@Entity
@Table(name = "audit_forwarder")
public class ForwarderState {

    static final int ID = 1;
    private static final int MAX_ERROR = 512;

    @Id
    private int id;

    @Column(nullable = false)
    private int failures;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "last_sent_seq", nullable = false)
    private long lastSentSeq;

    @Column(name = "last_sent_at")
    private Instant lastSentAt;

    protected ForwarderState() {}

    /** Whether an attempt is due at {@code now}, the back-off of an earlier failure having passed. */
    public boolean isDue(Instant now) {
        return nextAttemptAt == null || !now.isBefore(nextAttemptAt);
    }

    public void sent(long upToSeq, Instant at) {
        failures = 0;
        nextAttemptAt = null;
        lastError = null;
        lastSentSeq = Math.max(lastSentSeq, upToSeq);
        lastSentAt = at;
    }

    public void failed(String error, Instant retryAt) {
        failures++;
        nextAttemptAt = retryAt;
        lastError = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    public int getFailures() {
        return failures;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public long getLastSentSeq() {
        return lastSentSeq;
    }
}
