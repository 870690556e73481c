package org.pchatdr.portal.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.AssignedKey;

/**
 * An audit record not yet taken by the collector (decision 022): written in the record's own
 * transaction, deleted once sent. Its key is the record's sequence, the event's id on the wire.
 */
@Entity
@Table(name = "audit_outbox")
public class OutboxEntry extends AssignedKey<Long> {

    @Id
    private long seq;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected OutboxEntry() {}

    OutboxEntry(long seq, Instant createdAt) {
        this.seq = seq;
        this.createdAt = createdAt;
    }

    @Override
    public Long getId() {
        return seq;
    }
}
