package org.pchatdr.portal.change.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.change.ChangeAction;
import org.pchatdr.portal.change.ChangeState;
import org.pchatdr.portal.change.ChangeType;
import org.pchatdr.portal.change.Outcome;
import org.pchatdr.portal.change.RiskLevel;

/**
 * A change request. Its transitions check the state machine ({@link #refusal}, which {@link
 * ChangeRulebook} reads too); who may make them, when and where is the rulebook's.
 */
@Entity
@Table(name = "change_request")
public class ChangeRequest extends GeneratedKey {

    @Enumerated(EnumType.STRING)
    @Column(name = "change_type", nullable = false, length = 16)
    private ChangeType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ChangeState state;

    @Column(name = "topology_id", nullable = false)
    private long topologyId;

    @Column(name = "template_id")
    private Long templateId;

    @Enumerated(EnumType.STRING)
    @Column(name = "declared_risk", length = 16)
    private RiskLevel declaredRisk;

    @Enumerated(EnumType.STRING)
    @Column(name = "computed_risk", nullable = false, length = 16)
    private RiskLevel computedRisk;

    @Enumerated(EnumType.STRING)
    @Column(name = "effective_risk", nullable = false, length = 16)
    private RiskLevel effectiveRisk;

    @Column(name = "risk_reasons", columnDefinition = "NVARCHAR(MAX)")
    private String riskReasons;

    @Column(name = "current_revision", nullable = false)
    private int currentRevision;

    @Column(name = "approval_round")
    private Long approvalRound;

    private Stamp requested;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    private Stamp started;

    private Stamp ended;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Outcome outcome;

    @Column(name = "review_due", nullable = false)
    private boolean reviewDue;

    private Stamp review;

    @Column(name = "review_text", columnDefinition = "NVARCHAR(MAX)")
    private String reviewText;

    private Stamp changed;

    @Column(name = "freeze_override_round")
    private Long freezeOverrideRound;

    private Stamp freezeOverride;

    @Column(name = "freeze_override_reason", length = 1000)
    private String freezeOverrideReason;

    @Version
    private long version;

    protected ChangeRequest() {}

    public ChangeRequest(ChangeType type, long topologyId, Long templateId, String requestedBy, Instant now) {
        this.type = type;
        this.state = ChangeState.DRAFT;
        this.topologyId = topologyId;
        this.templateId = templateId;
        this.requested = new Stamp(requestedBy, now);
        this.computedRisk = RiskLevel.LOW;
        this.effectiveRisk = RiskLevel.LOW;
        touch(requestedBy, now);
    }

    /** The states each action may start from: the one statement of the state machine. */
    private static Set<ChangeState> from(ChangeAction action, ChangeType type) {
        return switch (action) {
            case EDIT, CANCEL -> EnumSet.of(ChangeState.DRAFT, ChangeState.SUBMITTED, ChangeState.APPROVED);
            case SUBMIT -> EnumSet.of(ChangeState.DRAFT);
            // An emergency is ratified by approvals given after it started (C-9).
            case APPROVE ->
                type == ChangeType.EMERGENCY
                        ? EnumSet.of(
                                ChangeState.SUBMITTED,
                                ChangeState.IMPLEMENTING,
                                ChangeState.IMPLEMENTED,
                                ChangeState.FAILED,
                                ChangeState.BACKED_OUT)
                        : EnumSet.of(ChangeState.SUBMITTED);
            case REJECT -> EnumSet.of(ChangeState.SUBMITTED);
            case START -> EnumSet.of(ChangeState.APPROVED);
            case COMPLETE -> EnumSet.of(ChangeState.IMPLEMENTING);
            case REVIEW -> EnumSet.of(ChangeState.IMPLEMENTED, ChangeState.FAILED, ChangeState.BACKED_OUT);
            case CLOSE -> EnumSet.of(ChangeState.REVIEWED, ChangeState.IMPLEMENTED);
            case EXTEND -> EnumSet.of(ChangeState.IMPLEMENTING);
            // C-12: only an emergency overrides a freeze, before it starts.
            case OVERRIDE_FREEZE ->
                type == ChangeType.EMERGENCY
                        ? EnumSet.of(ChangeState.SUBMITTED, ChangeState.APPROVED)
                        : EnumSet.noneOf(ChangeState.class);
        };
    }

    /** Why the state machine refuses {@code action} now; empty when it allows it. */
    public Optional<ChangeRule> refusal(ChangeAction action) {
        if (!from(action, type).contains(state)) {
            return Optional.of(ChangeRule.WRONG_STATE);
        }
        if (action == ChangeAction.CLOSE && state == ChangeState.IMPLEMENTED && reviewDue) {
            return Optional.of(ChangeRule.REVIEW_REQUIRED);
        }
        if (action == ChangeAction.APPROVE && type == ChangeType.STANDARD) {
            return Optional.of(ChangeRule.WRONG_STATE);
        }
        return Optional.empty();
    }

    private void guard(ChangeAction action) {
        refusal(action).ifPresent(rule -> {
            throw rule.exception(getId(), ChangeRulebook.state(state));
        });
    }

    public void revised(int number, Long round, String by, Instant now) {
        guard(ChangeAction.EDIT);
        this.currentRevision = number;
        // A material edit (new round) sends an approved or submitted request back for approval.
        if (round != null && !round.equals(approvalRound)) {
            this.approvalRound = round;
            if (state == ChangeState.APPROVED) {
                state = ChangeState.SUBMITTED;
            }
        }
        touch(by, now);
    }

    /** The first revision: it opens the first approval round. */
    public void firstRevision(long round) {
        this.currentRevision = 1;
        this.approvalRound = round;
    }

    public void assess(RiskLevel computed, RiskLevel declared, String reasons) {
        this.computedRisk = computed;
        this.declaredRisk = declared;
        this.effectiveRisk = RiskLevel.max(computed, declared);
        this.riskReasons = reasons;
    }

    public void submit(String by, Instant now) {
        guard(ChangeAction.SUBMIT);
        state = ChangeState.SUBMITTED;
        submittedAt = now;
        touch(by, now);
    }

    /** The approvals of the round suffice (a STANDARD change's template suffices). */
    public void approved(String by, Instant now) {
        if (state != ChangeState.SUBMITTED) {
            throw ChangeRule.WRONG_STATE.exception(getId(), state);
        }
        state = ChangeState.APPROVED;
        touch(by, now);
    }

    public void decided(String by, Instant now) {
        touch(by, now);
    }

    public void reject(String by, Instant now) {
        guard(ChangeAction.REJECT);
        state = ChangeState.REJECTED;
        touch(by, now);
    }

    public void cancel(String by, Instant now) {
        guard(ChangeAction.CANCEL);
        state = ChangeState.CANCELLED;
        touch(by, now);
    }

    public void start(String by, Instant now) {
        guard(ChangeAction.START);
        state = ChangeState.IMPLEMENTING;
        started = new Stamp(by, now);
        touch(by, now);
    }

    /** C-10: the review is mandatory after an emergency, a failure or a back-out. */
    public void complete(Outcome result, String by, Instant now) {
        guard(ChangeAction.COMPLETE);
        state = result.state();
        outcome = result;
        ended = new Stamp(by, now);
        reviewDue = type == ChangeType.EMERGENCY || state == ChangeState.FAILED || state == ChangeState.BACKED_OUT;
        touch(by, now);
    }

    public void review(String text, String by, Instant now) {
        guard(ChangeAction.REVIEW);
        state = ChangeState.REVIEWED;
        reviewText = text;
        review = new Stamp(by, now);
        reviewDue = false;
        touch(by, now);
    }

    public void close(String by, Instant now) {
        guard(ChangeAction.CLOSE);
        state = ChangeState.CLOSED;
        touch(by, now);
    }

    /** C-12: a second approver lets this emergency start inside a freeze, for the current round only. */
    public void overrideFreeze(String reason, String by, Instant now) {
        guard(ChangeAction.OVERRIDE_FREEZE);
        freezeOverrideRound = approvalRound;
        freezeOverride = new Stamp(by, now);
        freezeOverrideReason = reason;
        touch(by, now);
    }

    /** Whether a freeze override stands: given to the current round (a material edit voids it). */
    public boolean isFreezeOverridden() {
        return freezeOverrideRound != null && freezeOverrideRound.equals(approvalRound);
    }

    public Stamp getFreezeOverride() {
        return freezeOverride;
    }

    public String getFreezeOverrideReason() {
        return freezeOverrideReason;
    }

    /** An approver extended the window: the change moves on (and its version) without a new state. */
    public void extended(String by, Instant now) {
        guard(ChangeAction.EXTEND);
        touch(by, now);
    }

    private void touch(String by, Instant now) {
        this.changed = new Stamp(by, now);
    }

    public ChangeType getType() {
        return type;
    }

    public ChangeState getState() {
        return state;
    }

    public long getTopologyId() {
        return topologyId;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public RiskLevel getDeclaredRisk() {
        return declaredRisk;
    }

    public RiskLevel getComputedRisk() {
        return computedRisk;
    }

    public RiskLevel getEffectiveRisk() {
        return effectiveRisk;
    }

    public String getRiskReasons() {
        return riskReasons;
    }

    public int getCurrentRevision() {
        return currentRevision;
    }

    public Long getApprovalRound() {
        return approvalRound;
    }

    public Stamp getRequested() {
        return requested;
    }

    public Stamp getStarted() {
        return started;
    }

    public Stamp getEnded() {
        return ended;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public boolean isReviewDue() {
        return reviewDue;
    }

    public Stamp getReview() {
        return review;
    }

    public String getReviewText() {
        return reviewText;
    }

    public Stamp getChanged() {
        return changed;
    }

    /** The approval kind that applies now: the emergency's, or that of the effective risk. */
    public String approvalKind() {
        return "change:" + (type == ChangeType.EMERGENCY ? "EMERGENCY" : effectiveRisk.name());
    }
}
