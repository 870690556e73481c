package org.pchatdr.portal.approval.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.base.GeneratedKey;

/**
 * One decision. {@code slot} is 0 while the decision is the approver's current one and its own id
 * once withdrawn or replaced, so that the unique constraint (subject, approver, slot) lets each
 * approver hold one current decision per subject on every database, without a filtered index.
 */
@Entity
@Table(name = "approval")
public class ApprovalEntity extends GeneratedKey {

    public static final long CURRENT = 0;

    @Column(name = "subject_type", nullable = false, length = 32)
    private String subjectType;

    @Column(name = "subject_id", nullable = false)
    private long subjectId;

    @Column(nullable = false, length = 64)
    private String kind;

    @Column(nullable = false, length = 64)
    private String approver;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Approval.Decision decision;

    @Column(length = 1000)
    private String comment;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(nullable = false)
    private boolean withdrawable;

    @Column(nullable = false)
    private long slot;

    @Column(name = "expiry_recorded", nullable = false)
    private boolean expiryRecorded;

    @Version
    private long version;

    protected ApprovalEntity() {}

    public ApprovalEntity(
            Subject subject,
            String kind,
            String approver,
            Approval.Decision decision,
            String comment,
            Instant decidedAt,
            Instant expiresAt) {
        this.subjectType = subject.type();
        this.subjectId = subject.id();
        this.kind = kind;
        this.approver = approver;
        this.decision = decision;
        this.comment = comment;
        this.decidedAt = decidedAt;
        this.expiresAt = expiresAt;
        this.withdrawable = true;
        this.slot = CURRENT;
    }

    public void withdraw(Instant at) {
        this.withdrawnAt = at;
        retire();
    }

    /** No longer the approver's current decision (withdrawn, or expired and replaced). */
    public void retire() {
        this.slot = getId();
    }

    /**
     * Records, once, that this approval lapsed unused: true when it did and was not recorded yet. A
     * sealed one (the work went ahead on it) or a withdrawn one does not lapse.
     */
    public boolean markExpiryRecorded(Instant now) {
        if (expiryRecorded || decision != Approval.Decision.APPROVED || !withdrawable || withdrawnAt != null) {
            return false;
        }
        if (now.isBefore(expiresAt)) {
            return false;
        }
        expiryRecorded = true;
        return true;
    }

    public void seal() {
        this.withdrawable = false;
    }

    public Approval view() {
        return new Approval(
                getId(),
                new Subject(subjectType, subjectId),
                kind,
                approver,
                decision,
                comment,
                decidedAt,
                expiresAt,
                withdrawnAt,
                withdrawable && withdrawnAt == null);
    }

    public String getApprover() {
        return approver;
    }

    public boolean isWithdrawable() {
        return withdrawable;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public boolean isSubject(Subject subject) {
        return subjectType.equals(subject.type()) && subjectId == subject.id();
    }
}
