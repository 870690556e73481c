package org.pchatdr.portal.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.AssignedKey;
import org.pchatdr.portal.base.Sha256;

/**
 * One link of the audit chain: its hash covers its own content and the previous record's hash, so
 * changing, removing or reordering any record breaks every hash after it. Never updated.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends AssignedKey<Long> {

    public static final String GENESIS_HASH = "0".repeat(64);

    @Id
    private long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 256)
    private String actor;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Column(updatable = false, length = 512)
    private String target;

    @Column(updatable = false)
    private String details;

    /**
     * The details as a message and its arguments (JSON, {@link AuditMessages}), so that each reader
     * sees them in their language; {@code null} for records written before (issue 12), which show
     * their {@link #details} text.
     */
    @Column(updatable = false)
    private String message;

    @Column(name = "client_address", updatable = false, length = 64)
    private String clientAddress;

    @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, updatable = false, length = 64)
    private String hash;

    protected AuditRecord() {}

    AuditRecord(
            long seq,
            Instant occurredAt,
            String actor,
            String action,
            String target,
            String details,
            String message,
            String clientAddress,
            String previousHash) {
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actor = bounded(actor, 256);
        this.action = bounded(action, 64);
        this.target = bounded(target, 512);
        this.details = details;
        this.message = message;
        this.clientAddress = bounded(clientAddress, 64);
        this.previousHash = previousHash;
        this.hash = computeHash();
    }

    /**
     * SHA-256 over every field, each prefixed with its length so that no two different records
     * can produce the same input (a {@code null} is distinct from an empty text). The message comes
     * last and only when there is one: records written before it existed keep the input, and so
     * the hash, they were written with; and since every field states its length, eight fields can
     * never read as nine, so adding, removing or changing a message breaks the record's hash.
     */
    public String computeHash() {
        StringBuilder canonical = new StringBuilder();
        java.util.List<String> fields = new java.util.ArrayList<>(java.util.Arrays.asList(
                Long.toString(seq),
                occurredAt.toString(),
                actor,
                action,
                target,
                details,
                clientAddress,
                previousHash));
        if (message != null) {
            fields.add(message);
        }
        for (String field : fields) {
            canonical
                    .append(field == null ? "-1" : Integer.toString(field.length()))
                    .append(':');
            canonical.append(field == null ? "" : field).append('|');
        }
        return Sha256.hex(canonical.toString());
    }

    @Override
    public Long getId() {
        return seq;
    }

    private static String bounded(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public long getSeq() {
        return seq;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetails() {
        return details;
    }

    public String getMessage() {
        return message;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getHash() {
        return hash;
    }
}
