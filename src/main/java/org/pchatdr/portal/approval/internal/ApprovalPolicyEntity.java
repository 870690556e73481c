package org.pchatdr.portal.approval.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.base.Stamp;

/** An administrator's policy for one kind; kinds without a row use {@link ApprovalPolicy#DEFAULT}. */
@Entity
@Table(name = "approval_policy")
public class ApprovalPolicyEntity {

    @Id
    @Column(length = 64)
    private String kind;

    @Column(name = "required_approvers", nullable = false)
    private int requiredApprovers;

    @Column(name = "executor_may_approve", nullable = false)
    private boolean executorMayApprove;

    @Column(name = "validity_minutes", nullable = false)
    private long validityMinutes;

    @Column(name = "ratification_minutes", nullable = false)
    private long ratificationMinutes;

    @Column(name = "data_loss_gate_waived", nullable = false)
    private boolean dataLossGateWaived;

    private Stamp updated;

    protected ApprovalPolicyEntity() {}

    public ApprovalPolicyEntity(String kind, ApprovalPolicy policy, String by, Instant at) {
        this.kind = kind;
        set(policy, by, at);
    }

    public void set(ApprovalPolicy policy, String by, Instant at) {
        this.requiredApprovers = policy.requiredApprovers();
        this.executorMayApprove = policy.executorMayApprove();
        this.validityMinutes = policy.validity().toMinutes();
        this.ratificationMinutes = policy.ratificationWindow().toMinutes();
        this.dataLossGateWaived = policy.dataLossGateWaived();
        this.updated = new Stamp(by, at);
    }

    public String getKind() {
        return kind;
    }

    public ApprovalPolicy policy() {
        return new ApprovalPolicy(
                requiredApprovers,
                executorMayApprove,
                Duration.ofMinutes(validityMinutes),
                Duration.ofMinutes(ratificationMinutes),
                dataLossGateWaived);
    }
}
