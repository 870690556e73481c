package org.pchatdr.portal.topology.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.topology.TopologySummary;

/** A deployment: its versions live in {@link TopologyVersionEntity}; this row says which is which. */
@Entity
@Table(name = "topology")
public class TopologyEntity extends GeneratedKey {

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "latest_version", nullable = false)
    private int latestVersion;

    @Column(name = "published_version")
    private Integer publishedVersion;

    private Stamp created;

    @Version
    private long version;

    protected TopologyEntity() {}

    public TopologyEntity(String name, String createdBy, Instant createdAt) {
        this.name = name;
        this.created = new Stamp(createdBy, createdAt);
    }

    /** The number the next version gets; the caller saves that version in the same transaction. */
    public int addVersion(String currentName) {
        this.name = currentName;
        return ++latestVersion;
    }

    public void publish(int number) {
        this.publishedVersion = number;
    }

    public String getName() {
        return name;
    }

    public int getLatestVersion() {
        return latestVersion;
    }

    public Integer getPublishedVersion() {
        return publishedVersion;
    }

    public TopologySummary summary() {
        return new TopologySummary(getId(), name, latestVersion, publishedVersion, created.at(), created.by());
    }
}
