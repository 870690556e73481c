package org.pchatdr.portal.run.internal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.run.RunView;

/**
 * The data-loss gate of a run (F-4, decision 009): the step it guards, frozen at request time with
 * whether a drill policy waived it, the figures the operator recorded and the approver's written
 * acceptance. Part of the run's row; the run decides when the gate may be used, this keeps what it
 * holds consistent: recording again takes back an acceptance of the old figures.
 */
@Embeddable
public class DataLossGate {

    @Column(name = "data_loss_gate_step")
    private Integer step;

    @Column(name = "data_loss_gate_waived", nullable = false)
    private boolean waived;

    @Column(name = "last_log_backup", length = 260)
    private String lastLogBackup;

    @Column(name = "last_log_backup_at")
    private Instant lastLogBackupAt;

    @Column(name = "primary_lost_at")
    private Instant primaryLostAt;

    @AttributeOverride(name = "by", column = @Column(name = "data_loss_recorded_by", length = 64))
    @AttributeOverride(name = "at", column = @Column(name = "data_loss_recorded_at"))
    private Stamp recorded;

    @AttributeOverride(name = "by", column = @Column(name = "data_loss_accepted_by", length = 64))
    @AttributeOverride(name = "at", column = @Column(name = "data_loss_accepted_at"))
    private Stamp accepted;

    @Column(name = "data_loss_acceptance", length = 1000)
    private String acceptance;

    protected DataLossGate() {}

    /** The gate before {@code step} ({@code null}: the procedure recovers no backup database). */
    DataLossGate(Integer step, boolean waived) {
        this.step = step;
        this.waived = step != null && waived;
    }

    /** Whether the run must pass the gate before its recovery step. */
    boolean guards() {
        return step != null && !waived;
    }

    /** Whether {@code number} is the step the gate guards and the gate is not passed yet. */
    boolean closes(int number) {
        return guards() && number == step && accepted == null;
    }

    /** Records the figures, replacing earlier ones and taking back an acceptance of them. */
    void record(String lastLog, Instant lastLogAt, Instant lostAt, String by, Instant at) {
        if (lastLog == null || lastLog.isBlank() || lastLogAt == null || lostAt == null) {
            throw new RunRuleException(RunRule.DATA_LOSS_INCOMPLETE);
        }
        if (lastLogAt.isAfter(lostAt)) {
            throw new RunRuleException(RunRule.DATA_LOSS_ORDER, lastLogAt.toString(), lostAt.toString());
        }
        if (lostAt.isAfter(at)) {
            throw new RunRuleException(RunRule.DATA_LOSS_FUTURE, lostAt.toString());
        }
        lastLogBackup = lastLog.strip();
        lastLogBackupAt = lastLogAt;
        primaryLostAt = lostAt;
        recorded = new Stamp(by, at);
        accepted = null;
        acceptance = null;
    }

    /** Why the recorded loss cannot be accepted now, or {@code null}. */
    Refusal acceptRefusal(Long runId) {
        if (recorded == null) {
            return Refusal.of(RunRule.DATA_LOSS_NOT_RECORDED, runId);
        }
        return accepted == null
                ? null
                : Refusal.of(
                        RunRule.DATA_LOSS_ALREADY_ACCEPTED,
                        accepted.by(),
                        accepted.at().toString());
    }

    void accept(String by, Instant at, String statement) {
        acceptance = statement;
        accepted = new Stamp(by, at);
    }

    /**
     * What the gate holds, measured against the pool's RPO target ({@code rpoTargetMinutes}, may be
     * {@code null}); {@code null} when the procedure has no step to guard.
     */
    RunView.DataLoss view(Integer rpoTargetMinutes) {
        if (step == null) {
            return null;
        }
        Long seconds = lastLogBackupAt == null
                ? null
                : Duration.between(lastLogBackupAt, primaryLostAt).toSeconds();
        Boolean within = seconds == null || rpoTargetMinutes == null ? null : seconds <= rpoTargetMinutes * 60L;
        return new RunView.DataLoss(
                step,
                waived,
                rpoTargetMinutes,
                lastLogBackup,
                lastLogBackupAt,
                primaryLostAt,
                seconds,
                within,
                Stamp.byOf(recorded),
                Stamp.atOf(recorded),
                Stamp.byOf(accepted),
                Stamp.atOf(accepted),
                acceptance);
    }

    Integer step() {
        return step;
    }

    /** Who recorded the figures and when; {@code null} before they are. */
    Stamp recorded() {
        return recorded;
    }
}
