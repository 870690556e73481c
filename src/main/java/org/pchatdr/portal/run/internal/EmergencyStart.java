package org.pchatdr.portal.run.internal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.run.RunView;

/**
 * The emergency start of a {@code DISASTER} run (decision 009): who declared it, when and why, the
 * deadline of its ratification, the ratification, and whether an overdue ratification is already on
 * the audit trail. Part of the run's row; empty for a run that started normally.
 */
@Embeddable
public class EmergencyStart {

    @AttributeOverride(name = "by", column = @Column(name = "emergency_by", length = 64))
    @AttributeOverride(name = "at", column = @Column(name = "emergency_at"))
    private Stamp declared;

    @Column(name = "emergency_reason", length = 1000)
    private String reason;

    @Column(name = "ratify_by")
    private Instant ratifyBy;

    @Column(name = "ratified_at")
    private Instant ratifiedAt;

    @Column(name = "overdue_recorded", nullable = false)
    private boolean overdueRecorded;

    void declare(String by, Instant at, String why, Instant deadline) {
        declared = new Stamp(by, at);
        reason = why;
        ratifyBy = deadline;
    }

    /** Whether an emergency start still waits for its ratification. */
    boolean owed() {
        return declared != null && ratifiedAt == null;
    }

    /** The ratification is owed and its deadline has passed. */
    boolean overdue(Instant now) {
        return owed() && now.isAfter(ratifyBy);
    }

    void ratified(Instant at) {
        ratifiedAt = at;
    }

    /** Records, once, that the overdue ratification is on the audit trail; false if it already was. */
    boolean markOverdueRecorded(Instant now) {
        if (overdueRecorded || !overdue(now)) {
            return false;
        }
        overdueRecorded = true;
        return true;
    }

    /** What the start holds as the run page shows it at {@code now}; {@code null} for a normal start. */
    RunView.Emergency view(Instant now) {
        return declared == null
                ? null
                : new RunView.Emergency(
                        declared.by(), declared.at(), reason, ratifyBy, ratifiedAt, owed(), overdue(now));
    }

    /** Who declared the emergency start and when; {@code null} for a normal start. */
    Stamp declared() {
        return declared;
    }

    Instant ratifyBy() {
        return ratifyBy;
    }

    boolean overdueRecorded() {
        return overdueRecorded;
    }
}
