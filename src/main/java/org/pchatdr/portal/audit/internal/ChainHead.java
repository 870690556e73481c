package org.pchatdr.portal.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row that marks the end of the chain; appending locks it. */
@Entity
@Table(name = "audit_chain_head")
public class ChainHead {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected ChainHead() {}

    public long getLastSeq() {
        return lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }

    void advanceTo(AuditRecord record) {
        this.lastSeq = record.getSeq();
        this.lastHash = record.getHash();
    }
}
