package org.pchatdr.portal.review.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.review.RunException;

/** What a reviewer wrote about one exception of a run; written once, never changed. */
@Entity
@Table(name = "review_disposition")
public class ReviewDisposition extends GeneratedKey {

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "exception_code", nullable = false)
    private String exception;

    @Column(nullable = false)
    private String note;

    private Stamp disposed;

    protected ReviewDisposition() {}

    public ReviewDisposition(long runId, String exception, String note, String disposedBy, Instant disposedAt) {
        this.runId = runId;
        this.exception = exception;
        this.note = note;
        this.disposed = new Stamp(disposedBy, disposedAt);
    }

    public String getException() {
        return exception;
    }

    /** {@code found}, the exception this disposition is about, with what the reviewer wrote of it. */
    public RunException applyTo(RunException found) {
        return new RunException(found.code(), found.kind(), found.step(), note, disposed.by(), disposed.at());
    }
}
