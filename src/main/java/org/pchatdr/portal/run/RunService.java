package org.pchatdr.portal.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.ApprovalEvents;
import org.pchatdr.portal.approval.ApprovalService;
import org.pchatdr.portal.approval.ApprovalStatus;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.approval.SubjectApprovals;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.SystemActor;
import org.pchatdr.portal.base.TypedText;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ProcedureJson;
import org.pchatdr.portal.procedure.ProcedureService;
import org.pchatdr.portal.run.RunEvent.Action;
import org.pchatdr.portal.run.internal.ActiveRun;
import org.pchatdr.portal.run.internal.ActiveRunRepository;
import org.pchatdr.portal.run.internal.Run;
import org.pchatdr.portal.run.internal.RunRepository;
import org.pchatdr.portal.run.internal.RunRuleException;
import org.pchatdr.portal.run.internal.RunStep;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs, from request to end. Every change quotes the run's {@code version}: a caller who saw an
 * older one is told who changed it and when. The run row is locked for each change, so that two
 * people acting at once queue up and the second one is told, never recorded twice. Rules of the
 * state machine live on {@link Run}; roles, four eyes and the executor policy are checked here.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class RunService {

    static final String SUBJECT_TYPE = "run";
    public static final int MAX_TEXT = 1000;
    public static final int MAX_OUTPUT = 200_000;
    static final int MAX_LOG_NAME = 260;

    private final RunRepository runs;
    private final ActiveRunRepository activeRuns;
    private final ProcedureService procedures;
    private final TopologyService topologies;
    private final ApprovalService approvals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate separateRead;
    private final Clock clock;

    RunService(
            RunRepository runs,
            ActiveRunRepository activeRuns,
            ProcedureService procedures,
            TopologyService topologies,
            ApprovalService approvals,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.runs = runs;
        this.activeRuns = activeRuns;
        this.procedures = procedures;
        this.topologies = topologies;
        this.approvals = approvals;
        this.events = events;
        this.separateRead = new TransactionTemplate(transactions);
        this.separateRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.separateRead.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Requests a run of a procedure of the pool's published topology version; its steps are frozen
     * now. Refused while another run holds the pool.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView request(RunRequest request, Locale locale) {
        if (request.kind() == null) {
            throw new PortalException(Kind.INVALID, "run_kind_required");
        }
        String reason = TypedText.required(request.reason(), MAX_TEXT, "run_reason_required");
        Procedure procedure = procedures.generate(
                request.topologyId(), request.pool(), request.procedure(), request.variant(), null, locale);
        String poolKey = Run.poolKey(request.topologyId(), procedure.pool());
        activeRuns.findById(poolKey).ifPresent(active -> {
            throw busy(procedure.pool(), active.getRunId());
        });
        Topology topology = topologies
                .version(request.topologyId(), procedure.topology().version())
                .topology();
        var objectives = topology.pool(procedure.pool()).map(Topology.Pool::objectives);
        // Only a drill may skip the data-loss gate, and only when its policy says so.
        boolean gateWaived = request.kind() == RunKind.DRILL
                && approvals.policy(request.kind().approvalKind()).dataLossGateWaived();
        String document = ProcedureJson.write(procedure);
        Run.Frozen frozen = new Run.Frozen(
                request.topologyId(),
                topology.name(),
                procedure.topology().version(),
                procedure.pool(),
                procedure.procedure(),
                procedure.variant(),
                sha256(document),
                document,
                objectives.map(Topology.Objectives::rtoMinutes).orElse(null),
                objectives.map(Topology.Objectives::rpoMinutes).orElse(null),
                procedure.steps().stream()
                        .map(step -> new Run.FrozenStep(step.number(), step.ruleId(), step.title()))
                        .toList());
        String actor = CurrentUser.actor();
        Instant now = clock.instant();
        Run run = runs.saveAndFlush(
                rule(() -> new Run(frozen, request.kind(), reason, request.incidentAt(), gateWaived, actor, now)));
        try {
            activeRuns.saveAndFlush(new ActiveRun(poolKey, run.getId(), now));
        } catch (DataIntegrityViolationException e) {
            // Another instance or thread requested a run for this pool at the same moment and won.
            Long winner = separateRead.execute(status ->
                    activeRuns.findById(poolKey).map(ActiveRun::getRunId).orElse(null));
            throw busy(procedure.pool(), winner == null ? "?" : winner);
        }
        publish(
                actor,
                Action.RUN_REQUESTED,
                run,
                request.kind() + " " + procedure.procedure()
                        + (procedure.variant() == null ? "" : " (" + procedure.variant() + ")") + " of topology "
                        + request.topologyId() + " v" + procedure.topology().version() + ", sha256 "
                        + run.getProcedureSha256()
                        + ", reason: " + reason);
        return view(run);
    }

    /** Approves the run; once the policy of its kind is met, the run is approved and may start. */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView approve(long id, long version, String comment) {
        Run run = locked(id, version);
        requireNotFinished(run);
        if (run.getState() != RunState.REQUESTED && run.getState() != RunState.APPROVED) {
            throw new PortalException(Kind.CONFLICT, "run_wrong_state", id, run.getState(), "approve");
        }
        approvals.approve(subject(run), run.getKind().approvalKind(), run.getRequestedBy(), comment);
        String actor = CurrentUser.actor();
        ApprovalStatus status = status(run, null);
        if (status.satisfied() && run.getState() == RunState.REQUESTED) {
            rule(() -> run.approve(actor, clock.instant()));
            publish(actor, Action.RUN_APPROVED, run, status.valid().size() + " of " + status.required() + " approvals");
        } else {
            run.decided(actor, clock.instant());
        }
        return saved(run);
    }

    /** Rejects the run, which ends it. */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView reject(long id, long version, String comment) {
        Run run = locked(id, version);
        requireNotFinished(run);
        if (run.getState() != RunState.REQUESTED && run.getState() != RunState.APPROVED) {
            throw new PortalException(Kind.CONFLICT, "run_wrong_state", id, run.getState(), "reject");
        }
        Approval rejection =
                approvals.reject(subject(run), run.getKind().approvalKind(), run.getRequestedBy(), comment);
        String actor = CurrentUser.actor();
        rule(() -> run.reject(actor, clock.instant(), rejection.comment()));
        publish(actor, Action.RUN_REJECTED, run, rejection.comment());
        return ended(run);
    }

    /** Withdraws one's own approval before the start; the run needs approving again if it falls short. */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView withdraw(long id, long version, long approvalId) {
        Run run = locked(id, version);
        requireNotFinished(run);
        approvals.withdraw(subject(run), approvalId);
        String actor = CurrentUser.actor();
        if (run.getState() == RunState.APPROVED && !status(run, null).satisfied()) {
            rule(() -> run.backToRequested(actor, clock.instant()));
        } else {
            run.decided(actor, clock.instant());
        }
        publish(actor, Action.RUN_APPROVAL_WITHDRAWN, run, "approval #" + approvalId);
        return saved(run);
    }

    /** Starts an approved run; the approvals that let it start can no longer be withdrawn. */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView start(long id, long version) {
        Run run = locked(id, version);
        requireNotFinished(run);
        String actor = CurrentUser.actor();
        if (run.getState() == RunState.APPROVED) {
            ApprovalStatus status = status(run, actor);
            if (status.executorExcluded() && !status.satisfied()) {
                throw new PortalException(Kind.FORBIDDEN, "run_executor_is_approver", actor, id);
            }
            if (!status.satisfied()) {
                throw new PortalException(Kind.CONFLICT, "run_approval_lapsed", id, status.required());
            }
        }
        rule(() -> run.start(actor, clock.instant()));
        approvals.seal(subject(run));
        publish(actor, Action.RUN_STARTED, run, null);
        return saved(run);
    }

    /**
     * Starts a {@code DISASTER} run before its approval is complete: the operator declares the
     * emergency and why; approvers must ratify it within the policy's ratification window.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView emergencyStart(long id, long version, String reason) {
        Run run = locked(id, version);
        String why = TypedText.required(reason, MAX_TEXT, "run_emergency_reason_required");
        String actor = CurrentUser.actor();
        Instant now = clock.instant();
        Instant ratifyBy =
                now.plus(approvals.policy(run.getKind().approvalKind()).ratificationWindow());
        rule(() -> run.emergencyStart(actor, now, why, ratifyBy));
        approvals.seal(subject(run));
        publish(actor, Action.RUN_EMERGENCY_STARTED, run, "ratify by " + ratifyBy + ", reason: " + why);
        return saved(run);
    }

    /**
     * An approver ratifies an emergency start, during or after the run; it is ratified once the
     * approvals its policy requires are in. Neither who requested nor who declared it may ratify.
     */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView ratify(long id, long version, String comment) {
        Run run = locked(id, version);
        String actor = CurrentUser.actor();
        rule(() -> run.checkRatifiable(actor));
        approvals.approve(subject(run), run.getKind().approvalKind(), run.getRequestedBy(), comment);
        approvals.seal(subject(run));
        ApprovalStatus status = status(run, run.getStartedBy());
        Instant now = clock.instant();
        if (status.satisfied()) {
            rule(() -> run.ratified(actor, now));
            publish(actor, Action.RUN_RATIFIED, run, status.valid().size() + " of " + status.required() + " approvals");
        } else {
            run.decided(actor, now);
        }
        return saved(run);
    }

    /**
     * Records, before the step that recovers the backup database, the last log backup restored and
     * when the primary was lost; the data-loss window is measured against the pool's RPO.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView recordDataLoss(
            long id, long version, String lastLogBackup, Instant lastLogBackupAt, Instant primaryLostAt) {
        String lastLog = TypedText.optional(lastLogBackup, MAX_LOG_NAME);
        Run run = locked(id, version);
        SubjectApprovals decided = approvalsOf(run);
        String actor = executor(run, decided);
        rule(() -> run.recordDataLoss(lastLog, lastLogBackupAt, primaryLostAt, actor, clock.instant()));
        publish(actor, Action.DATA_LOSS_RECORDED, run, dataLossDetails(run));
        return saved(run, decided);
    }

    /** An approver accepts the recorded data loss in writing; only then may the recovery step start. */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView acceptDataLoss(long id, long version, String acceptance) {
        String written = TypedText.required(acceptance, MAX_TEXT, "run_data_loss_acceptance_required");
        Run run = locked(id, version);
        String actor = CurrentUser.actor();
        rule(() -> run.acceptDataLoss(actor, clock.instant(), written));
        publish(actor, Action.DATA_LOSS_ACCEPTED, run, dataLossDetails(run) + ", accepted: " + written);
        return saved(run);
    }

    /** Ends the run for good with a reason, before or during execution. */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView abort(long id, long version, String reason) {
        Run run = locked(id, version);
        String why = TypedText.required(reason, MAX_TEXT, "run_reason_required");
        String actor = CurrentUser.actor();
        rule(() -> run.abort(actor, clock.instant(), why));
        publish(actor, Action.RUN_ABORTED, run, why);
        return ended(run);
    }

    /** Ends a running run as failed, with a reason. */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView fail(long id, long version, String reason) {
        Run run = locked(id, version);
        String why = TypedText.required(reason, MAX_TEXT, "run_reason_required");
        SubjectApprovals decided = approvalsOf(run);
        String actor = executor(run, decided);
        rule(() -> run.fail(actor, clock.instant(), why));
        publish(actor, Action.RUN_FAILED, run, why);
        return ended(run, decided);
    }

    @PreAuthorize("hasRole('OPERATOR')")
    public RunView startStep(long id, long version, int number) {
        return step(
                id,
                version,
                number,
                Action.STEP_STARTED,
                null,
                (run, actor) -> run.startStep(number, actor, clock.instant()));
    }

    /** Marks a step in progress done, with an optional note and the output the operator pasted. */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView completeStep(long id, long version, int number, String note, String output) {
        String why = TypedText.optional(note, MAX_TEXT);
        String pasted = TypedText.output(output, MAX_OUTPUT, "run_output_invalid");
        return step(
                id,
                version,
                number,
                Action.STEP_DONE,
                why,
                (run, actor) -> run.completeStep(number, actor, clock.instant(), why, pasted));
    }

    @PreAuthorize("hasRole('OPERATOR')")
    public RunView failStep(long id, long version, int number, String reason) {
        String why = TypedText.required(reason, MAX_TEXT, "run_reason_required");
        return step(
                id,
                version,
                number,
                Action.STEP_FAILED,
                why,
                (run, actor) -> run.failStep(number, actor, clock.instant(), why));
    }

    @PreAuthorize("hasRole('OPERATOR')")
    public RunView retryStep(long id, long version, int number) {
        return step(
                id,
                version,
                number,
                Action.STEP_RETRIED,
                null,
                (run, actor) -> run.retryStep(number, actor, clock.instant()));
    }

    /** Asks an approver to let a step be skipped, with why. */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView requestSkip(long id, long version, int number, String reason) {
        String why = TypedText.required(reason, MAX_TEXT, "run_reason_required");
        Run run = locked(id, version);
        SubjectApprovals decided = approvalsOf(run);
        String actor = executor(run, decided);
        rule(() -> run.requestSkip(number, actor, clock.instant(), why));
        publish(actor, Action.STEP_SKIP_REQUESTED, run, skipDetails(run, number) + ": " + why);
        return saved(run, decided);
    }

    /** Lets a step be skipped; the approver is neither who asked nor who requested the run. */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView approveSkip(long id, long version, int number, String comment) {
        String why = TypedText.optional(comment, MAX_TEXT);
        Run run = locked(id, version);
        String actor = CurrentUser.actor();
        if (actor.equals(run.getRequestedBy())) {
            throw new PortalException(Kind.FORBIDDEN, "four_eyes", actor);
        }
        rule(() -> run.approveSkip(number, actor, clock.instant()));
        publish(actor, Action.STEP_SKIPPED, run, skipDetails(run, number) + (why == null ? "" : ": " + why));
        return completedOrSaved(run, actor, approvalsOf(run));
    }

    /**
     * An approval of a run lapsed before the start: if the run no longer has the approvals it
     * needs, it waits for approval again. Called in the sweep's transaction, as the portal.
     */
    @EventListener
    @PreAuthorize("hasAuthority('" + SystemActor.AUTHORITY + "')")
    public void onApprovalExpired(ApprovalEvents.Expired expired) {
        if (!SUBJECT_TYPE.equals(expired.subject().type())) {
            return;
        }
        runs.lock(expired.subject().id())
                .filter(run -> run.getState() == RunState.APPROVED)
                .filter(run -> !status(run, null).satisfied())
                .ifPresent(run -> {
                    run.backToRequested(CurrentUser.SYSTEM, clock.instant());
                    publish(
                            CurrentUser.SYSTEM,
                            Action.RUN_APPROVAL_EXPIRED,
                            run,
                            "approval #" + expired.approvalId() + " by " + expired.approver() + " expired");
                    runs.saveAndFlush(run);
                });
    }

    /** Puts an overdue ratification on the audit trail, once whatever the number of instances sweeping. */
    @PreAuthorize("hasAuthority('" + SystemActor.AUTHORITY + "')")
    public boolean recordOverdueRatification(long id) {
        Run run = runs.lock(id).orElseThrow(() -> notFound(id));
        if (!run.markOverdueRecorded(clock.instant())) {
            return false;
        }
        publish(
                CurrentUser.SYSTEM,
                Action.RUN_RATIFICATION_OVERDUE,
                run,
                "ratification was due by " + run.getRatifyBy());
        runs.saveAndFlush(run);
        return true;
    }

    /** Emergency starts whose ratification is overdue, most overdue first. */
    @Transactional(readOnly = true)
    public List<RunSummary> overdueRatifications() {
        return runs.ratificationsDueBefore(clock.instant()).stream()
                .map(RunService::summary)
                .toList();
    }

    /** Ids of overdue ratifications not on the audit trail yet, for the sweep. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + SystemActor.AUTHORITY + "')")
    public List<Long> overdueUnrecorded() {
        return runs.ratificationsDueBefore(clock.instant()).stream()
                .filter(run -> !run.isOverdueRecorded())
                .map(Run::getId)
                .toList();
    }

    /**
     * What waits on the signed-in approver, oldest first: runs to approve, skips to allow, data
     * losses to accept and emergency starts to ratify, each only where four eyes let them decide.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('APPROVER')")
    public List<InboxItem> inbox() {
        String me = CurrentUser.actor();
        Instant now = clock.instant();
        List<InboxItem> items = new ArrayList<>();
        for (Run run : runs.awaitingSomeone()) {
            RunSummary summary = summary(run);
            boolean requestedByMe = me.equals(run.getRequestedBy());
            if (run.isRatificationOwed()) {
                if (!requestedByMe && !me.equals(run.getEmergencyBy()) && !hasDecided(run, me, now)) {
                    items.add(new InboxItem(summary, InboxItem.Need.RATIFICATION, null, run.getEmergencyAt()));
                }
            }
            if (run.getState() == RunState.REQUESTED && !requestedByMe && !hasDecided(run, me, now)) {
                items.add(new InboxItem(summary, InboxItem.Need.APPROVAL, null, run.getRequestedAt()));
            }
            if (run.getState() != RunState.IN_PROGRESS) {
                continue;
            }
            for (RunStep step : run.getSteps()) {
                if (step.isSkipRequested()
                        && !step.getState().isFinished()
                        && !requestedByMe
                        && !me.equals(step.getSkipRequestedBy())) {
                    items.add(new InboxItem(summary, InboxItem.Need.SKIP, step.getNumber(), step.getSkipRequestedAt()));
                }
            }
            if (run.getDataLossRecordedAt() != null
                    && run.getDataLossAcceptedAt() == null
                    && !requestedByMe
                    && !me.equals(run.getDataLossRecordedBy())) {
                items.add(new InboxItem(
                        summary, InboxItem.Need.DATA_LOSS, run.getDataLossGateStep(), run.getDataLossRecordedAt()));
            }
        }
        items.sort(Comparator.comparing(InboxItem::since));
        return items;
    }

    private boolean hasDecided(Run run, String approver, Instant now) {
        return approvals.decisions(subject(run)).stream()
                .anyMatch(decision -> decision.approver().equals(approver)
                        && (decision.countsAt(now) || decision.isStandingRejection()));
    }

    @Transactional(readOnly = true)
    public RunView run(long id) {
        return view(runs.findById(id).orElseThrow(() -> notFound(id)));
    }

    /** The frozen procedure of the run, as {@link ProcedureJson} wrote it at request time. */
    @Transactional(readOnly = true)
    public String procedure(long id) {
        return runs.findById(id).orElseThrow(() -> notFound(id)).getProcedureDocument();
    }

    /** The frozen procedure of the run, read back: what was approved, whatever the topology became since. */
    @Transactional(readOnly = true)
    public Procedure frozenProcedure(long id) {
        return ProcedureJson.read(procedure(id));
    }

    /** The run's current version, a cheap read for pages that watch a run change under their eyes. */
    @Transactional(readOnly = true)
    public long version(long id) {
        return runs.version(id).orElseThrow(() -> notFound(id));
    }

    /** Runs, newest first, that match every criterion of {@code filter} that is set. */
    @Transactional(readOnly = true)
    public Slice<RunSummary> list(RunFilter filter, Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(
                        pageable.getPageNumber(),
                        pageable.getPageSize(),
                        Sort.by("id").descending());
        return runs.search(
                        blankToNull(filter.pool()),
                        filter.kind(),
                        filter.state(),
                        blankToNull(filter.requester()),
                        filter.from(),
                        filter.to(),
                        sorted)
                .map(RunService::summary);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static RunSummary summary(Run run) {
        return new RunSummary(
                run.getId(),
                run.getVersion(),
                run.getKind(),
                run.getState(),
                run.getTopologyId(),
                run.getTopologyName(),
                run.getPool(),
                run.getProcedure(),
                run.getVariant(),
                run.getRequestedBy(),
                run.getRequestedAt(),
                run.getEndedAt(),
                run.isRatificationOwed(),
                run.getRatifyBy());
    }

    private interface StepChange {
        void apply(Run run, String actor);
    }

    private RunView step(long id, long version, int number, Action action, String details, StepChange change) {
        Run run = locked(id, version);
        // A step changes no decision: the approvals read for the executor check serve the answer too.
        SubjectApprovals decided = approvalsOf(run);
        String actor = executor(run, decided);
        rule(() -> change.apply(run, actor));
        publish(actor, action, run, "step " + number + (details == null ? "" : ": " + details));
        return completedOrSaved(run, actor, decided);
    }

    private RunView completedOrSaved(Run run, String actor, SubjectApprovals decided) {
        if (run.getState() == RunState.COMPLETED) {
            publish(actor, Action.RUN_COMPLETED, run, elapsed(run));
            return ended(run, decided);
        }
        return saved(run, decided);
    }

    /**
     * The signed-in operator, who executes: refused when they approved this run and the policy of
     * its kind does not let an approver execute.
     */
    private String executor(Run run, SubjectApprovals decided) {
        String actor = CurrentUser.actor();
        if (run.getState().isFinished()) {
            return actor;
        }
        boolean approvedIt = !decided.policy().executorMayApprove()
                && decided.decisions().stream()
                        .anyMatch(decision -> decision.decision() == Approval.Decision.APPROVED
                                && !decision.isWithdrawn()
                                && decision.approver().equals(actor));
        if (approvedIt) {
            throw new PortalException(Kind.FORBIDDEN, "run_executor_is_approver", actor, run.getId());
        }
        return actor;
    }

    private Run locked(long id, long version) {
        Run run = runs.lock(id).orElseThrow(() -> notFound(id));
        if (run.getVersion() != version) {
            throw new PortalException(
                    Kind.CONFLICT,
                    "run_stale",
                    id,
                    version,
                    run.getVersion(),
                    run.getChangedBy(),
                    run.getChangedAt().toString(),
                    run.getState());
        }
        return run;
    }

    private static void requireNotFinished(Run run) {
        if (run.getState().isFinished()) {
            throw new PortalException(Kind.CONFLICT, "run_finished", run.getId(), run.getState());
        }
    }

    private RunView saved(Run run) {
        return saved(run, approvalsOf(run));
    }

    /** The run saved, shown with {@code decided}, which must be the decisions as they now are. */
    private RunView saved(Run run, SubjectApprovals decided) {
        return view(runs.saveAndFlush(run), decided);
    }

    private RunView ended(Run run) {
        return ended(run, approvalsOf(run));
    }

    /** The run ended: the pool is free for the next one. */
    private RunView ended(Run run, SubjectApprovals decided) {
        activeRuns.deleteById(run.poolKey());
        return saved(run, decided);
    }

    private SubjectApprovals approvalsOf(Run run) {
        return approvals.approvals(subject(run), run.getKind().approvalKind());
    }

    private ApprovalStatus status(Run run, String executor) {
        return approvalsOf(run).statusFor(executor, clock.instant());
    }

    private static Subject subject(Run run) {
        return new Subject(SUBJECT_TYPE, run.getId());
    }

    private void publish(String actor, Action action, Run run, String details) {
        events.publishEvent(new RunEvent(actor, action, run.getId(), run.getPool(), details));
    }

    private RunView view(Run run) {
        return view(run, approvalsOf(run));
    }

    private RunView view(Run run, SubjectApprovals decided) {
        Instant now = clock.instant();
        ApprovalStatus status = decided.statusFor(run.getStartedBy(), now);
        List<RunView.Step> steps =
                run.getSteps().stream().map(step -> step(step, now)).toList();
        return new RunView(
                run.getId(),
                run.getVersion(),
                run.getKind(),
                run.getState(),
                run.getTopologyId(),
                run.getTopologyName(),
                run.getTopologyVersion(),
                run.getPool(),
                run.getProcedure(),
                run.getVariant(),
                run.getProcedureSha256(),
                run.getReason(),
                run.getRequestedBy(),
                run.getRequestedAt(),
                run.getIncidentAt(),
                run.getStartedBy(),
                run.getStartedAt(),
                run.getEndedBy(),
                run.getEndedAt(),
                run.getEndReason(),
                run.getChangedBy(),
                run.getChangedAt(),
                steps,
                new RunView.Approvals(
                        status.required(),
                        status.valid().size(),
                        status.executorMayApprove(),
                        status.rejected(),
                        status.satisfied(),
                        status.decisions()),
                timings(run, now),
                emergency(run, now),
                dataLoss(run));
    }

    private static RunView.Emergency emergency(Run run, Instant now) {
        if (run.getEmergencyAt() == null) {
            return null;
        }
        return new RunView.Emergency(
                run.getEmergencyBy(),
                run.getEmergencyAt(),
                run.getEmergencyReason(),
                run.getRatifyBy(),
                run.getRatifiedAt(),
                run.isRatificationOwed(),
                run.isRatificationOverdue(now));
    }

    private static RunView.DataLoss dataLoss(Run run) {
        if (run.getDataLossGateStep() == null) {
            return null;
        }
        Duration window = run.dataLossWindow();
        Long seconds = window == null ? null : window.toSeconds();
        Boolean within = seconds == null || run.getRpoTargetMinutes() == null
                ? null
                : seconds <= run.getRpoTargetMinutes() * 60L;
        return new RunView.DataLoss(
                run.getDataLossGateStep(),
                run.isDataLossGateWaived(),
                run.getRpoTargetMinutes(),
                run.getLastLogBackup(),
                run.getLastLogBackupAt(),
                run.getPrimaryLostAt(),
                seconds,
                within,
                run.getDataLossRecordedBy(),
                run.getDataLossRecordedAt(),
                run.getDataLossAcceptedBy(),
                run.getDataLossAcceptedAt(),
                run.getDataLossAcceptance());
    }

    static RunView.Timings timings(Run run, Instant now) {
        Instant from = run.getIncidentAt() != null ? run.getIncidentAt() : run.getStartedAt();
        // The clock runs from the incident in every state that is not final: waiting for approval counts.
        boolean running = !run.getState().isFinished();
        if (from == null) {
            return new RunView.Timings(null, null, null, run.getRtoTargetMinutes(), null, false);
        }
        Instant until = running ? now : run.getEndedAt();
        long elapsed = Math.max(0, Duration.between(from, until).toSeconds());
        Boolean within = run.getRtoTargetMinutes() == null ? null : elapsed <= run.getRtoTargetMinutes() * 60L;
        return new RunView.Timings(from, until, elapsed, run.getRtoTargetMinutes(), within, running);
    }

    private static RunView.Step step(RunStep step, Instant now) {
        Long duration = null;
        if (step.getStartedAt() != null) {
            Instant until = step.getEndedAt() != null ? step.getEndedAt() : now;
            duration = Math.max(0, Duration.between(step.getStartedAt(), until).toSeconds());
        }
        return new RunView.Step(
                step.getNumber(),
                step.getRuleId(),
                step.getTitle(),
                step.getState(),
                step.getAttempts(),
                step.getStartedBy(),
                step.getStartedAt(),
                step.getEndedBy(),
                step.getEndedAt(),
                duration,
                step.getNote(),
                step.getOutput(),
                step.getFailureReason(),
                step.getSkipRequestedBy(),
                step.getSkipRequestedAt(),
                step.getSkipReason(),
                step.getSkipApprovedBy());
    }

    private static String dataLossDetails(Run run) {
        Duration window = run.dataLossWindow();
        return "last log backup " + run.getLastLogBackup() + " of " + run.getLastLogBackupAt() + ", primary lost "
                + run.getPrimaryLostAt() + ": " + window.toSeconds() + " s of data, RPO target "
                + (run.getRpoTargetMinutes() == null ? "-" : run.getRpoTargetMinutes() + " min");
    }

    /**
     * What a skip of step {@code number} bypasses, for the audit trail: the step's rule and title
     * and, for the step the data-loss gate guards, the figures and acceptance that passed it (F-4).
     */
    private static String skipDetails(Run run, int number) {
        RunStep step = run.step(number);
        String details = "step " + number + " (" + (step.getRuleId() == null ? "" : step.getRuleId() + " ")
                + step.getTitle() + ")";
        if (run.getDataLossGateStep() != null && run.getDataLossGateStep() == number) {
            details += run.hasDataLossGate()
                    ? ", the data-loss gate step: gate passed, " + dataLossDetails(run) + ", accepted by "
                            + run.getDataLossAcceptedBy()
                    : ", the data-loss gate step: gate waived by the drill policy";
        }
        return details;
    }

    private static String elapsed(Run run) {
        RunView.Timings timings = timings(run, run.getEndedAt());
        return timings.elapsedSeconds() == null
                ? null
                : "elapsed " + timings.elapsedSeconds() + " s, RTO target "
                        + (timings.rtoTargetMinutes() == null ? "-" : timings.rtoTargetMinutes() + " min");
    }

    /** Runs the aggregate's transition and turns its refusal into one the UI and API translate. */
    private static <T> T rule(java.util.function.Supplier<T> transition) {
        try {
            return transition.get();
        } catch (RunRuleException e) {
            throw new PortalException(e.rule().kind(), e.rule().code(), e.arguments());
        }
    }

    private static void rule(Runnable transition) {
        rule(() -> {
            transition.run();
            return null;
        });
    }

    private static PortalException busy(String pool, Object runId) {
        return new PortalException(Kind.CONFLICT, "run_pool_busy", pool, String.valueOf(runId));
    }

    private static PortalException notFound(long id) {
        return new PortalException(Kind.NOT_FOUND, "run_not_found", id);
    }

    private static String sha256(String document) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
