package org.pchatdr.portal.review.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.review.ReviewState;

/** The review of one ended run: waiting, returned with findings, or signed off for good. */
@Entity
@Table(name = "run_review")
public class RunReview {

    @Id
    @Column(name = "run_id")
    private long runId;

    @Column(name = "pool_fqdn", nullable = false)
    private String pool;

    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReviewState state;

    private Stamp decided;

    private String comment;

    @Version
    private long version;

    protected RunReview() {}

    public RunReview(long runId, String pool, Instant endedAt, Instant dueAt) {
        this.runId = runId;
        this.pool = pool;
        this.endedAt = endedAt;
        this.dueAt = dueAt;
        this.state = ReviewState.WAITING;
    }

    public void decide(ReviewState outcome, String by, Instant at, String comment) {
        this.state = outcome;
        this.decided = new Stamp(by, at);
        this.comment = comment;
    }

    public long getRunId() {
        return runId;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public ReviewState getState() {
        return state;
    }

    public Stamp getDecided() {
        return decided;
    }

    public String getComment() {
        return comment;
    }
}
