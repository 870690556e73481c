package org.pchatdr.portal.run.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.run.RunView;
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

    private Stamp started;

    private Stamp ended;

    @Column(length = 1000)
    private String note;

    @Column(name = "output_text")
    private String output;

    @Column(name = "failure_reason", length = 1000)
    private String failureReason;

    private Stamp skipRequested;

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
        // A retry is started by whoever retries it, but the step's start stays its first.
        started = new Stamp(by, started == null ? at : started.at());
    }

    void done(String by, Instant at, String note, String output) {
        state = StepState.DONE;
        ended = new Stamp(by, at);
        this.note = note;
        this.output = output;
    }

    void fail(String by, Instant at, String reason) {
        state = StepState.FAILED;
        ended = new Stamp(by, at);
        failureReason = reason;
    }

    void retry(String by, Instant at) {
        ended = null;
        start(by, at);
    }

    void requestSkip(String by, Instant at, String reason) {
        skipRequested = new Stamp(by, at);
        skipReason = reason;
    }

    void skip(String by, Instant at) {
        state = StepState.SKIPPED;
        skipApprovedBy = by;
        ended = new Stamp(by, at);
    }

    public boolean isSkipRequested() {
        return skipRequested != null && state != StepState.SKIPPED;
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

    public Stamp getStarted() {
        return started;
    }

    public Stamp getEnded() {
        return ended;
    }

    public Stamp getSkipRequested() {
        return skipRequested;
    }

    /** The step as the run page shows it at {@code now}: the duration runs until it ends. */
    public RunView.Step view(Instant now) {
        Long duration = null;
        if (started != null) {
            Instant until = ended != null ? ended.at() : now;
            duration = Math.max(0, Duration.between(started.at(), until).toSeconds());
        }
        return new RunView.Step(
                number,
                ruleId,
                title,
                state,
                attempts,
                Stamp.byOf(started),
                Stamp.atOf(started),
                Stamp.byOf(ended),
                Stamp.atOf(ended),
                duration,
                note,
                output,
                failureReason,
                Stamp.byOf(skipRequested),
                Stamp.atOf(skipRequested),
                skipReason,
                skipApprovedBy);
    }
}
