package org.pchatdr.portal.review.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.pchatdr.portal.base.GeneratedKey;

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

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

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
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public void close(String by, Instant at, String note) {
        this.closedBy = by;
        this.closedAt = at;
        this.closeNote = note;
    }

    public boolean isOpen() {
        return closedAt == null;
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

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getCloseNote() {
        return closeNote;
    }
}
