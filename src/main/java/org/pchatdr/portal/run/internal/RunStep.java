package org.pchatdr.portal.run.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.run.StepState;

/** One step of a run; changed only through {@link Run}, which guards the order of steps. */
@Entity
@Table(name = "run_step")
public class RunStep extends GeneratedKey {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false)
    private Run run;

    @Column(nullable = false)
    private int number;

    @Column(name = "rule_id", length = 32)
    private String ruleId;

    @Column(nullable = false, length = 1000)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private StepState state = StepState.NOT_STARTED;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "started_by", length = 64)
    private String startedBy;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by", length = 64)
    private String endedBy;

    @Column(length = 1000)
    private String note;

    @Column(name = "output_text")
    private String output;

    @Column(name = "failure_reason", length = 1000)
    private String failureReason;

    @Column(name = "skip_requested_by", length = 64)
    private String skipRequestedBy;

    @Column(name = "skip_requested_at")
    private Instant skipRequestedAt;

    @Column(name = "skip_reason", length = 1000)
    private String skipReason;

    @Column(name = "skip_approved_by", length = 64)
    private String skipApprovedBy;

    protected RunStep() {}

    RunStep(Run run, int number, String ruleId, String title) {
        this.run = run;
        this.number = number;
        this.ruleId = ruleId;
        this.title = title.length() > 1000 ? title.substring(0, 1000) : title;
    }

    void start(String by, Instant at) {
        state = StepState.IN_PROGRESS;
        attempts++;
        if (startedAt == null) {
            startedAt = at;
        }
        startedBy = by;
    }

    void done(String by, Instant at, String note, String output) {
        state = StepState.DONE;
        endedAt = at;
        endedBy = by;
        this.note = note;
        this.output = output;
    }

    void fail(String by, Instant at, String reason) {
        state = StepState.FAILED;
        endedAt = at;
        endedBy = by;
        failureReason = reason;
    }

    void retry(String by, Instant at) {
        endedAt = null;
        endedBy = null;
        start(by, at);
    }

    void requestSkip(String by, Instant at, String reason) {
        skipRequestedBy = by;
        skipRequestedAt = at;
        skipReason = reason;
    }

    void skip(String by, Instant at) {
        state = StepState.SKIPPED;
        skipApprovedBy = by;
        endedAt = at;
        endedBy = by;
    }

    public boolean isSkipRequested() {
        return skipRequestedBy != null && state != StepState.SKIPPED;
    }

    public int getNumber() {
        return number;
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getTitle() {
        return title;
    }

    public StepState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public String getNote() {
        return note;
    }

    public String getOutput() {
        return output;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public String getSkipRequestedBy() {
        return skipRequestedBy;
    }

    public Instant getSkipRequestedAt() {
        return skipRequestedAt;
    }

    public String getSkipReason() {
        return skipReason;
    }

    public String getSkipApprovedBy() {
        return skipApprovedBy;
    }
}
