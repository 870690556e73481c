package org.pchatdr.portal.topology.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.topology.VersionSummary;

/** One saved version of a topology; never changed once written. */
@Entity
@Table(name = "topology_version")
public class TopologyVersionEntity extends GeneratedKey {

    @Column(name = "topology_id", nullable = false, updatable = false)
    private Long topologyId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private String document;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(nullable = false, updatable = false, length = 64)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(updatable = false, length = 1000)
    private String comment;

    @Column(updatable = false)
    private String changes;

    protected TopologyVersionEntity() {}

    public TopologyVersionEntity(
            Long topologyId,
            int number,
            String document,
            String sha256,
            String author,
            Instant createdAt,
            String comment,
            String changes) {
        this.topologyId = topologyId;
        this.number = number;
        this.document = document;
        this.sha256 = sha256;
        this.author = author;
        this.createdAt = createdAt;
        this.comment = comment;
        this.changes = changes;
    }

    public Long getTopologyId() {
        return topologyId;
    }

    public int getNumber() {
        return number;
    }

    public String getDocument() {
        return document;
    }

    public String getSha256() {
        return sha256;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getComment() {
        return comment;
    }

    /** The version in the list of versions; {@code published} is the topology's published number. */
    public VersionSummary summary(Integer published) {
        return new VersionSummary(
                number,
                author,
                createdAt,
                comment,
                changes,
                sha256,
                Integer.valueOf(number).equals(published));
    }
}
