package org.pchatdr.portal.run.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** The run that holds a pool. Always inserted, never updated: a second insert breaks the key. */
@Entity
@Table(name = "active_run")
public class ActiveRun implements Persistable<String> {

    @Id
    @Column(name = "pool_key", length = 300)
    private String poolKey;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(nullable = false)
    private Instant since;

    @Transient
    private boolean inserted;

    protected ActiveRun() {
        inserted = true;
    }

    public ActiveRun(String poolKey, long runId, Instant since) {
        this.poolKey = poolKey;
        this.runId = runId;
        this.since = since;
    }

    @Override
    public String getId() {
        return poolKey;
    }

    @Override
    public boolean isNew() {
        return !inserted;
    }

    public long getRunId() {
        return runId;
    }
}
