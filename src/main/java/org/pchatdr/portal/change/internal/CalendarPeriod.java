package org.pchatdr.portal.change.internal;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Stamp;

/**
 * A time on the change calendar that an administrator set, with why, who and when: a maintenance
 * window (changes may be implemented inside) or a freeze (they may not).
 */
@MappedSuperclass
public abstract class CalendarPeriod extends GeneratedKey {

    @Column(name = "starts_at", nullable = false)
    private Instant start;

    @Column(name = "ends_at", nullable = false)
    private Instant end;

    @Column(length = 1000)
    private String reason;

    private Stamp created;

    protected CalendarPeriod() {}

    protected CalendarPeriod(Instant start, Instant end, String reason, String createdBy, Instant createdAt) {
        this.start = start;
        this.end = end;
        this.reason = reason;
        this.created = new Stamp(createdBy, createdAt);
    }

    public Instant getStart() {
        return start;
    }

    public Instant getEnd() {
        return end;
    }

    public String getReason() {
        return reason;
    }

    public Stamp getCreated() {
        return created;
    }
}
