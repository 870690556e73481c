package org.pchatdr.portal.change.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;

/**
 * One configuration run a change request's implementation calls for (issue 13): a procedure on a
 * pool of the proposed version. {@code runId} is set once the run exists; it stays empty while an
 * earlier run of the same change holds the pool.
 */
@Entity
@Table(name = "change_run")
public class ChangeRunEntity extends GeneratedKey {

    @Column(name = "change_id", nullable = false)
    private long changeId;

    @Column(name = "pool_fqdn", nullable = false, length = 255)
    private String pool;

    @Column(name = "procedure_name", nullable = false, length = 64)
    private String procedure;

    @Column(length = 32)
    private String variant;

    @Column(name = "run_id")
    private Long runId;

    @Column(name = "planned_at", nullable = false)
    private Instant plannedAt;

    protected ChangeRunEntity() {}

    public ChangeRunEntity(long changeId, String pool, String procedure, String variant, Instant plannedAt) {
        this.changeId = changeId;
        this.pool = pool;
        this.procedure = procedure;
        this.variant = variant;
        this.plannedAt = plannedAt;
    }

    public void created(long run) {
        this.runId = run;
    }

    public long getChangeId() {
        return changeId;
    }

    public String getPool() {
        return pool;
    }

    public String getProcedure() {
        return procedure;
    }

    public String getVariant() {
        return variant;
    }

    public Long getRunId() {
        return runId;
    }
}
