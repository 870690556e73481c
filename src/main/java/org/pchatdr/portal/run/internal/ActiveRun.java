package org.pchatdr.portal.run.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.AssignedKey;

/** The run that holds a pool. Always inserted, never updated: a second insert breaks the key. */
@Entity
@Table(name = "active_run")
public class ActiveRun extends AssignedKey<String> {

    @Id
    @Column(name = "pool_key", length = 300)
    private String poolKey;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(nullable = false)
    private Instant since;

    protected ActiveRun() {}

    public ActiveRun(String poolKey, long runId, Instant since) {
        this.poolKey = poolKey;
        this.runId = runId;
        this.since = since;
    }

    @Override
    public String getId() {
        return poolKey;
    }

    public long getRunId() {
        return runId;
    }
}
