package org.pchatdr.portal.run.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.pchatdr.portal.base.GeneratedKey;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.run.RunAction;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.StepState;

/**
 * A run: one procedure of one pool, frozen at request time, and the state machine that walks it.
 * Every transition checks the state machine's rules ({@link #refusal}, which {@link RunRulebook}
 * reads too) and throws {@link RunRuleException} naming the rule; who may make it is the rulebook's.
 * Every transition records who made it and when, which a stale caller is told.
 */
@Entity
@Table(name = "run")
public class Run extends GeneratedKey {

    @Column(name = "topology_id", nullable = false)
    private long topologyId;

    @Column(name = "topology_name", nullable = false, length = 200)
    private String topologyName;

    @Column(name = "topology_version", nullable = false)
    private int topologyVersion;

    @Column(name = "pool_fqdn", nullable = false, length = 255)
    private String pool;

    @Column(name = "procedure_name", nullable = false, length = 64)
    private String procedure;

    @Column(length = 32)
    private String variant;

    // Frozen at request time and never changed. The document it is the hash of is a RunProcedure, in a
    // row of its own: this row is updated by every transition (bench/runs.sh, issue 10).
    @Column(name = "procedure_sha256", nullable = false, length = 64, updatable = false)
    private String procedureSha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RunKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RunState state;

    @Column(nullable = false, length = 1000)
    private String reason;

    private Stamp requested;

    @Column(name = "rto_target_minutes")
    private Integer rtoTargetMinutes;

    @Column(name = "incident_at")
    private Instant incidentAt;

    private Stamp started;

    private Stamp ended;

    @Column(name = "end_reason", length = 1000)
    private String endReason;

    private Stamp changed;

    // Who stands behind a configuration run (a change request, issue 13): its approval is theirs.
    @Column(name = "sponsored_by", length = 300)
    private String sponsoredBy;

    @Embedded
    private EmergencyStart emergency = new EmergencyStart();

    @Column(name = "rpo_target_minutes")
    private Integer rpoTargetMinutes;

    @Embedded
    private DataLossGate dataLoss;

    /** Counts transitions; a change to a step alone must still make the run dirty and bump its version. */
    @Column(nullable = false)
    private int transitions;

    @Version
    private long version;

    @OneToMany(mappedBy = "run", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<RunStep> steps = new ArrayList<>();

    protected Run() {}

    /** A requested run; {@code steps} are the frozen procedure's, in order. */
    public Run(
            Frozen frozen,
            RunKind kind,
            String reason,
            Instant incidentAt,
            boolean dataLossGateWaived,
            String by,
            Instant at) {
        this.topologyId = frozen.topologyId();
        this.topologyName = frozen.topologyName();
        this.topologyVersion = frozen.topologyVersion();
        this.pool = frozen.pool();
        this.procedure = frozen.procedure();
        this.variant = frozen.variant();
        this.procedureSha256 = frozen.sha256();
        this.rtoTargetMinutes = frozen.rtoTargetMinutes();
        this.rpoTargetMinutes = frozen.rpoTargetMinutes();
        this.kind = kind;
        this.reason = required(reason);
        this.incidentAt = incidentAt;
        this.state = RunState.REQUESTED;
        this.requested = new Stamp(by, at);
        for (FrozenStep step : frozen.steps()) {
            steps.add(new RunStep(this, step.number(), step.ruleId(), step.title()));
        }
        this.dataLoss = new DataLossGate(
                frozen.steps().stream()
                        .filter(step -> DATA_LOSS_GATE_RULES.contains(step.ruleId()))
                        .map(FrozenStep::number)
                        .findFirst()
                        .orElse(null),
                dataLossGateWaived);
        touch(by, at);
    }

    /** What the run freezes of the procedure and topology at request time. */
    public record Frozen(
            long topologyId,
            String topologyName,
            int topologyVersion,
            String pool,
            String procedure,
            String variant,
            String sha256,
            Integer rtoTargetMinutes,
            Integer rpoTargetMinutes,
            List<FrozenStep> steps) {

        public Frozen {
            steps = List.copyOf(steps);
        }
    }

    /**
     * The rules of the steps that give data up for good: recovering the backup database (F-4), after
     * which no more log can be restored, and forcing service on a mirror whose principal is lost (C-8),
     * which drops what the mirror never received. The data given up must be known and accepted before
     * the first such step starts.
     */
    public static final Set<String> DATA_LOSS_GATE_RULES = Set.of("F-4", "C-8");

    public record FrozenStep(int number, String ruleId, String title) {}

    /** The key of the pool in {@code active_run}: one active run per pool of a topology. */
    public static String poolKey(long topologyId, String pool) {
        return topologyId + ":" + pool.toLowerCase(Locale.ROOT);
    }

    public String poolKey() {
        return poolKey(topologyId, pool);
    }

    /**
     * An approver decided without changing the run's state (one approval of several): the run's
     * version still moves, so that a second approver acting on the same version is told, and
     * readers of the run see the decision.
     */
    public void decided(String by, Instant at) {
        touch(by, at);
    }

    /** Enough approvals: the run may start. */
    public void approve(String by, Instant at) {
        move(RunState.REQUESTED, "approve", RunState.APPROVED, by, at);
    }

    /**
     * Approved on the word of {@code sponsor}, who stands behind the run (issue 13): from now on the
     * run takes no approval of its own, and nobody approves, rejects or withdraws on it.
     */
    public void approveAsSponsored(String sponsor, String by, Instant at) {
        approve(by, at);
        sponsoredBy = sponsor;
    }

    /** An approval was withdrawn or expired: the run needs approving again. */
    public void backToRequested(String by, Instant at) {
        move(RunState.APPROVED, "withdraw", RunState.REQUESTED, by, at);
    }

    public void reject(String by, Instant at, String comment) {
        check(RunAction.REJECT, 0);
        end(RunState.REJECTED, by, at, required(comment));
    }

    public void start(String by, Instant at) {
        check(RunAction.START, 0);
        state = RunState.IN_PROGRESS;
        started = new Stamp(by, at);
        touch(by, at);
    }

    /** Stops the run for good, before or during execution. */
    public void abort(String by, Instant at, String why) {
        check(RunAction.ABORT, 0);
        end(RunState.ABORTED, by, at, required(why));
    }

    /** The run could not be carried out. */
    public void fail(String by, Instant at, String why) {
        check(RunAction.FAIL, 0);
        end(RunState.FAILED, by, at, required(why));
    }

    /**
     * Starts a {@code DISASTER} run at once, before its approval: the approval is owed and must be
     * ratified by {@code ratifyBy}.
     */
    public void emergencyStart(String by, Instant at, String why, Instant ratifyBy) {
        check(RunAction.EMERGENCY_START, 0);
        emergency.declare(by, at, required(why), ratifyBy);
        state = RunState.IN_PROGRESS;
        started = new Stamp(by, at);
        touch(by, at);
    }

    /** Whether an emergency start still waits for its ratification. */
    public boolean isRatificationOwed() {
        return emergency.owed();
    }

    /** The ratification is owed and its deadline has passed. */
    public boolean isRatificationOverdue(Instant now) {
        return emergency.overdue(now);
    }

    /**
     * The approvals the policy requires are in: the emergency start is ratified (finished runs
     * included, the ratification usually comes after the disaster).
     */
    public void ratified(String by, Instant at) {
        check(RunAction.RATIFY, 0);
        emergency.ratified(at);
        touch(by, at);
    }

    /** Records, once, that the overdue ratification is on the audit trail; false if it already was. */
    public boolean markOverdueRecorded(Instant now) {
        return emergency.markOverdueRecorded(now);
    }

    /** Whether the run must pass the data-loss gate before its recovery step. */
    public boolean hasDataLossGate() {
        return dataLoss.guards();
    }

    /**
     * Records the last log backup restored and when the primary was lost, before the recovery step
     * starts; recording again replaces the figures and takes back an acceptance of the old ones.
     */
    public void recordDataLoss(String lastLog, Instant lastLogAt, Instant lostAt, String by, Instant at) {
        check(RunAction.RECORD_DATA_LOSS, 0);
        dataLoss.record(lastLog, lastLogAt, lostAt, by, at);
        touch(by, at);
    }

    /** Accepts the recorded loss in writing; who may is the rulebook's (four eyes, F-4). */
    public void acceptDataLoss(String by, Instant at, String acceptance) {
        check(RunAction.ACCEPT_DATA_LOSS, 0);
        dataLoss.accept(by, at, required(acceptance));
        touch(by, at);
    }

    public void startStep(int number, String by, Instant at) {
        onStep(RunAction.START_STEP, number, by, at, step -> step.start(by, at));
    }

    public void completeStep(int number, String by, Instant at, String note, String output) {
        onStep(RunAction.COMPLETE_STEP, number, by, at, step -> step.done(by, at, note, output));
        completeWhenAllDone(by, at);
    }

    public void failStep(int number, String by, Instant at, String why) {
        onStep(RunAction.FAIL_STEP, number, by, at, step -> step.fail(by, at, required(why)));
    }

    public void retryStep(int number, String by, Instant at) {
        onStep(RunAction.RETRY_STEP, number, by, at, step -> step.retry(by, at));
    }

    /** Asks an approver to let the operator skip a step that has not started or has failed. */
    public void requestSkip(int number, String by, Instant at, String why) {
        onStep(RunAction.REQUEST_SKIP, number, by, at, step -> step.requestSkip(by, at, required(why)));
    }

    /** Skips a step whose skip was requested; that someone else allows it is the rulebook's (four eyes). */
    public void approveSkip(int number, String by, Instant at) {
        onStep(RunAction.APPROVE_SKIP, number, by, at, step -> step.skip(by, at));
        completeWhenAllDone(by, at);
    }

    /** Every step action alike: the state machine's check first, then the step's change, then who made it. */
    private void onStep(RunAction action, int number, String by, Instant at, Consumer<RunStep> change) {
        check(action, number);
        change.accept(step(number));
        touch(by, at);
    }

    /** Whether {@code number} is the step the data-loss gate guards and the gate is not passed yet. */
    public boolean isClosedGate(int number) {
        return dataLoss.closes(number);
    }

    /**
     * Why the state machine refuses {@code action} now (on step {@code number}, for a step's
     * action), whoever asks; empty when it allows it. Who may act is {@link RunRulebook}'s.
     */
    public Optional<Refusal> refusal(RunAction action, int number) {
        return Optional.ofNullable(stateRefusal(action, number));
    }

    private void check(RunAction action, int number) {
        Refusal refusal = stateRefusal(action, number);
        if (refusal != null) {
            throw refusal.exception();
        }
    }

    private Refusal stateRefusal(RunAction action, int number) {
        if (action == RunAction.RATIFY) {
            // Finished runs included: the ratification usually comes after the disaster.
            return isRatificationOwed() ? null : Refusal.of(RunRule.RATIFICATION_NOT_OWED, getId());
        }
        if (state.isFinished()) {
            return Refusal.of(RunRule.FINISHED, getId(), state);
        }
        return switch (action) {
            case APPROVE, REJECT ->
                state == RunState.REQUESTED || state == RunState.APPROVED ? null : wrongState(action.path());
            case WITHDRAW, ABORT, RATIFY -> null;
            case START -> state == RunState.APPROVED ? null : wrongState("start");
            case EMERGENCY_START -> {
                if (kind != RunKind.DISASTER) {
                    yield Refusal.of(RunRule.EMERGENCY_NOT_DISASTER, getId(), kind);
                }
                // An approved run simply starts; the emergency is for the run that cannot wait for approval.
                yield state == RunState.REQUESTED ? null : wrongState("emergency-start");
            }
            case FAIL -> state == RunState.IN_PROGRESS ? null : wrongState("fail");
            case RECORD_DATA_LOSS -> gateRefusal();
            case ACCEPT_DATA_LOSS -> {
                Refusal gate = gateRefusal();
                if (gate != null) {
                    yield gate;
                }
                yield dataLoss.acceptRefusal(getId());
            }
            case START_STEP, COMPLETE_STEP, FAIL_STEP, RETRY_STEP, REQUEST_SKIP, APPROVE_SKIP ->
                stepRefusal(action, number);
        };
    }

    private Refusal stepRefusal(RunAction action, int number) {
        if (state != RunState.IN_PROGRESS) {
            return wrongState("step");
        }
        // One pass over the steps, no stream: the rulebook asks this for every step action of every
        // step each time it answers (6 × 28 questions for the benchmark's run, bench/runs.sh, issue 10).
        RunStep step = null;
        RunStep unfinishedBefore = null;
        for (RunStep each : steps) {
            if (each.getNumber() == number) {
                if (step == null) {
                    step = each;
                }
            } else if (unfinishedBefore == null
                    && each.getNumber() < number
                    && !each.getState().isFinished()) {
                unfinishedBefore = each;
            }
        }
        // The step exists, in a running run, with every step before it done or skipped.
        if (step == null) {
            return Refusal.of(RunRule.STEP_UNKNOWN, number, steps.size());
        }
        if (unfinishedBefore != null) {
            return Refusal.of(RunRule.STEP_OUT_OF_ORDER, number, unfinishedBefore.getNumber());
        }
        StepState at = step.getState();
        return switch (action) {
            case START_STEP -> {
                if (at != StepState.NOT_STARTED) {
                    yield Refusal.of(RunRule.STEP_WRONG_STATE, number, at, "start");
                }
                yield isClosedGate(number) ? Refusal.of(RunRule.DATA_LOSS_GATE, number) : null;
            }
            case COMPLETE_STEP -> at == StepState.IN_PROGRESS ? null : stepWrongState(number, at, "complete");
            case FAIL_STEP -> at == StepState.IN_PROGRESS ? null : stepWrongState(number, at, "fail");
            case RETRY_STEP -> at == StepState.FAILED ? null : stepWrongState(number, at, "retry");
            case REQUEST_SKIP -> {
                if (at != StepState.NOT_STARTED && at != StepState.FAILED) {
                    yield stepWrongState(number, at, "request-skip");
                }
                if (step.isSkipRequested()) {
                    yield Refusal.of(RunRule.SKIP_ALREADY_REQUESTED, number, Stamp.byOf(step.getSkipRequested()));
                }
                yield skipGateRefusal(number);
            }
            case APPROVE_SKIP ->
                step.isSkipRequested() ? skipGateRefusal(number) : Refusal.of(RunRule.SKIP_NOT_REQUESTED, number);
            default -> throw new IllegalArgumentException(action + " is not a step's action");
        };
    }

    /**
     * A gated step is never skipped around its gate (F-4): skipping the recovery step would end the
     * run with no figures recorded and no written acceptance, so the gate must be passed first.
     */
    private Refusal skipGateRefusal(int number) {
        return isClosedGate(number) ? Refusal.of(RunRule.SKIP_DATA_LOSS_GATE, number) : null;
    }

    /** The data-loss figures may be recorded or accepted: the run is in progress before its gated step. */
    private Refusal gateRefusal() {
        if (state != RunState.IN_PROGRESS) {
            return wrongState("data-loss");
        }
        if (!hasDataLossGate()) {
            return Refusal.of(RunRule.DATA_LOSS_NO_GATE, getId());
        }
        if (step(dataLoss.step()).getState() != StepState.NOT_STARTED) {
            return Refusal.of(RunRule.DATA_LOSS_GATE_PASSED, dataLoss.step());
        }
        return null;
    }

    private Refusal wrongState(String action) {
        return Refusal.of(RunRule.WRONG_STATE, getId(), state, action);
    }

    private static Refusal stepWrongState(int number, StepState at, String action) {
        return Refusal.of(RunRule.STEP_WRONG_STATE, number, at, action);
    }

    private void completeWhenAllDone(String by, Instant at) {
        for (RunStep step : steps) {
            if (!step.getState().isFinished()) {
                return;
            }
        }
        end(RunState.COMPLETED, by, at, null);
    }

    public RunStep step(int number) {
        for (RunStep step : steps) {
            if (step.getNumber() == number) {
                return step;
            }
        }
        throw new RunRuleException(RunRule.STEP_UNKNOWN, number, steps.size());
    }

    private void end(RunState end, String by, Instant at, String why) {
        state = end;
        ended = new Stamp(by, at);
        endReason = why;
        touch(by, at);
    }

    /** Moves an unfinished run from {@code from} to {@code to}; {@code action} names the move in a refusal. */
    private void move(RunState from, String action, RunState to, String by, Instant at) {
        if (state.isFinished()) {
            throw new RunRuleException(RunRule.FINISHED, getId(), state);
        }
        if (state != from) {
            throw new RunRuleException(RunRule.WRONG_STATE, getId(), state, action);
        }
        state = to;
        touch(by, at);
    }

    private void touch(String by, Instant at) {
        changed = new Stamp(by, at);
        transitions++;
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw new RunRuleException(RunRule.REASON_REQUIRED);
        }
        return text.strip();
    }

    public long getTopologyId() {
        return topologyId;
    }

    public String getTopologyName() {
        return topologyName;
    }

    public int getTopologyVersion() {
        return topologyVersion;
    }

    public String getPool() {
        return pool;
    }

    public String getProcedure() {
        return procedure;
    }

    public String getVariant() {
        return variant;
    }

    public String getProcedureSha256() {
        return procedureSha256;
    }

    public RunKind getKind() {
        return kind;
    }

    public RunState getState() {
        return state;
    }

    public String getReason() {
        return reason;
    }

    public Stamp getRequested() {
        return requested;
    }

    public Integer getRtoTargetMinutes() {
        return rtoTargetMinutes;
    }

    public Instant getIncidentAt() {
        return incidentAt;
    }

    public Stamp getStarted() {
        return started;
    }

    public Stamp getEnded() {
        return ended;
    }

    public String getEndReason() {
        return endReason;
    }

    public Stamp getChanged() {
        return changed;
    }

    public long getVersion() {
        return version;
    }

    /** Who stands behind the run, whose approval is the run's; {@code null} for a run approved on its own. */
    public String getSponsoredBy() {
        return sponsoredBy;
    }

    /** Who declared an emergency start and when; {@code null} for a run that started normally. */
    public Stamp getEmergencyDeclared() {
        return emergency.declared();
    }

    public Instant getRatifyBy() {
        return emergency.ratifyBy();
    }

    public boolean isOverdueRecorded() {
        return emergency.overdueRecorded();
    }

    /** The emergency start as the run page shows it at {@code now}; {@code null} for a normal start. */
    public RunView.Emergency emergency(Instant now) {
        return emergency.view(now);
    }

    public Integer getDataLossGateStep() {
        return dataLoss.step();
    }

    public Integer getRpoTargetMinutes() {
        return rpoTargetMinutes;
    }

    /** Who recorded the data-loss figures and when; {@code null} before they are. */
    public Stamp getDataLossRecorded() {
        return dataLoss.recorded();
    }

    /** The data-loss gate as the run page shows it; {@code null} for a run without a step to guard. */
    public RunView.DataLoss dataLoss() {
        return dataLoss.view(rpoTargetMinutes);
    }

    public List<RunStep> getSteps() {
        return Collections.unmodifiableList(steps);
    }
}
