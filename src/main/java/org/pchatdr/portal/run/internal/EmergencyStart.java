package org.pchatdr.portal.run.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The emergency start of a {@code DISASTER} run (decision 009): who declared it, when and why, the
 * deadline of its ratification, the ratification, and whether an overdue ratification is already on
 * the audit trail. Part of the run's row; empty for a run that started normally.
 */
@Embeddable
public class EmergencyStart {

    @Column(name = "emergency_by", length = 64)
    private String declaredBy;

    @Column(name = "emergency_at")
    private Instant declaredAt;

    @Column(name = "emergency_reason", length = 1000)
    private String reason;

    @Column(name = "ratify_by")
    private Instant ratifyBy;

    @Column(name = "ratified_at")
    private Instant ratifiedAt;

    @Column(name = "overdue_recorded", nullable = false)
    private boolean overdueRecorded;

    void declare(String by, Instant at, String why, Instant deadline) {
        declaredBy = by;
        declaredAt = at;
        reason = why;
        ratifyBy = deadline;
    }

    /** Whether an emergency start still waits for its ratification. */
    boolean owed() {
        return declaredAt != null && ratifiedAt == null;
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

    String declaredBy() {
        return declaredBy;
    }

    Instant declaredAt() {
        return declaredAt;
    }

    String reason() {
        return reason;
    }

    Instant ratifyBy() {
        return ratifyBy;
    }

    Instant ratifiedAt() {
        return ratifiedAt;
    }

    boolean overdueRecorded() {
        return overdueRecorded;
    }
}
