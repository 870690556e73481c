package org.pchatdr.portal.change.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A maintenance window of one pool: changes of it may be implemented inside. */
@Entity
@Table(name = "change_window")
public class WindowEntity extends CalendarPeriod {

    @Column(name = "pool_fqdn", nullable = false, length = 255)
    private String pool;

    protected WindowEntity() {}

    public WindowEntity(String pool, Instant start, Instant end, String reason, String createdBy, Instant now) {
        super(start, end, reason, createdBy, now);
        this.pool = pool;
    }

    public String getPool() {
        return pool;
    }
}
