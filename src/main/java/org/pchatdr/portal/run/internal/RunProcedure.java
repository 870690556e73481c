package org.pchatdr.portal.run.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.pchatdr.portal.base.AssignedKey;

/**
 * The procedure a run froze at request time, as stored: the document its {@code procedureSha256} is
 * the hash of. A row of its own, written once and never changed, apart from the {@link Run} row that
 * every transition updates: kept there, the whole document (every language, tens of KB) was written
 * again by the embedded database at each transition's commit (bench/runs.sh, issue 10).
 */
@Entity
@Table(name = "run_procedure")
public class RunProcedure extends AssignedKey<Long> {

    @Id
    @Column(name = "run_id")
    private Long runId;

    @Column(name = "procedure_document", nullable = false, updatable = false)
    private String document;

    protected RunProcedure() {}

    public RunProcedure(long runId, String document) {
        this.runId = runId;
        this.document = document;
    }

    public String getDocument() {
        return document;
    }

    @Override
    public Long getId() {
        return runId;
    }
}
