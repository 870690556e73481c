package org.pchatdr.portal.review.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Stamp;

/** A finding of a review: open, with an owner and a due date, until closed with a note. */
@Entity
@Table(name = "review_finding")
public class ReviewFinding extends GeneratedKey {

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false)
    private LocalDate due;

    private Stamp created;

    private Stamp closed;

    @Column(name = "close_note")
    private String closeNote;

    @Version
    private long version;

    protected ReviewFinding() {}

    public ReviewFinding(long runId, String title, String owner, LocalDate due, String createdBy, Instant createdAt) {
        this.runId = runId;
        this.title = title;
        this.owner = owner;
        this.due = due;
        this.created = new Stamp(createdBy, createdAt);
    }

    public void close(String by, Instant at, String note) {
        this.closed = new Stamp(by, at);
        this.closeNote = note;
    }

    public boolean isOpen() {
        return closed == null;
    }

    public long getRunId() {
        return runId;
    }

    public String getTitle() {
        return title;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getDue() {
        return due;
    }

    public Stamp getCreated() {
        return created;
    }

    public Stamp getClosed() {
        return closed;
    }

    public String getCloseNote() {
        return closeNote;
    }
}
