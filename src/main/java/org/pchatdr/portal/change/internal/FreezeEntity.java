package org.pchatdr.portal.change.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A change freeze: no implementation on its pools (every pool when it names none) in its time. */
@Entity
@Table(name = "change_freeze")
public class FreezeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "starts_at", nullable = false)
    private Instant start;

    @Column(name = "ends_at", nullable = false)
    private Instant end;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(columnDefinition = "NVARCHAR(MAX)")
    private String pools;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FreezeEntity() {}

    public FreezeEntity(Instant start, Instant end, String reason, List<String> pools, String createdBy, Instant now) {
        this.start = start;
        this.end = end;
        this.reason = reason;
        this.pools = pools.isEmpty() ? null : String.join("\n", pools);
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public List<String> pools() {
        return pools == null ? List.of() : Arrays.asList(pools.split("\n"));
    }

    public Long getId() {
        return id;
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

    public String getCreatedBy() {
        return createdBy;
    }
}
