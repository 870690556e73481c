package org.pchatdr.portal.review.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.review.Finding;

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

    public long getRunId() {
        return runId;
    }

    /** The finding as people see it on {@code today}: overdue once its due date passed while open. */
    public Finding view(LocalDate today) {
        return new Finding(
                getId(),
                runId,
                title,
                owner,
                due,
                created.by(),
                created.at(),
                Stamp.byOf(closed),
                Stamp.atOf(closed),
                closeNote,
                closed == null && due.isBefore(today));
    }
}
