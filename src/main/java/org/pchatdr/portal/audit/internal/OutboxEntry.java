package org.pchatdr.portal.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * An audit record not yet taken by the collector (decision 022): written in the record's own
 * transaction, deleted once sent. Its key is the record's sequence, the event's id on the wire.
 */
@Entity
@Table(name = "audit_outbox")
public class OutboxEntry implements Persistable<Long> {

    @Id
    private long seq;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Transient
    private boolean isNew = true;

    protected OutboxEntry() {}

    OutboxEntry(long seq, Instant createdAt) {
        this.seq = seq;
        this.createdAt = createdAt;
    }

    @Override
    public Long getId() {
        return seq;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }

    public long getSeq() {
        return seq;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
