package org.pchatdr.portal.run;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.ApprovalEvents;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.approval.ApprovalService;
import org.pchatdr.portal.approval.ApprovalStatus;
import org.pchatdr.portal.approval.SubjectApprovals;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.base.SystemActor;
import org.pchatdr.portal.base.TypedText;
import org.pchatdr.portal.procedure.FrozenProcedure;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.ProcedureService;
import org.pchatdr.portal.run.RunEvent.Action;
import org.pchatdr.portal.run.internal.ActiveRun;
import org.pchatdr.portal.run.internal.ActiveRunRepository;
import org.pchatdr.portal.run.internal.Run;
import org.pchatdr.portal.run.internal.RunProcedure;
import org.pchatdr.portal.run.internal.RunProcedureRepository;
import org.pchatdr.portal.run.internal.RunRepository;
import org.pchatdr.portal.run.internal.RunRuleException;
import org.pchatdr.portal.run.internal.RunRulebook;
import org.pchatdr.portal.run.internal.RunStep;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs, from request to end. Every change quotes the run's {@code version}: a caller who saw an
 * older one is told who changed it and when. The run row is locked for each change, so that two
 * people acting at once queue up and the second one is told, never recorded twice. Who may do what
 * is {@link RunRulebook}'s answer, asked before every transition and shown as {@link RunView#actions()};
 * the run guards its state machine again as it changes. This class holds the transitions and is the
 * module's one entry: every public method says who may call it. The queries are {@link RunQueries}'s
 * and the mapping to views {@link RunViews}' (decision 016).
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
    private final RunProcedureRepository frozenDocuments;
    private final ActiveRunRepository activeRuns;
    private final ProcedureService procedures;
    private final RunQueries queries;
    private final ApprovalService approvals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate separateRead;
    private final Clock clock;

    RunService(
            RunRepository runs,
            RunProcedureRepository frozenDocuments,
            ActiveRunRepository activeRuns,
            ProcedureService procedures,
            RunQueries queries,
            ApprovalService approvals,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.runs = runs;
        this.frozenDocuments = frozenDocuments;
        this.activeRuns = activeRuns;
        this.procedures = procedures;
        this.queries = queries;
        this.approvals = approvals;
        this.events = events;
        this.separateRead = new TransactionTemplate(transactions);
        this.separateRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.separateRead.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * The run holding {@code pool} of topology {@code topologyId} now, if any: change control shows
     * it as a conflict and refuses to start a change of the pool meanwhile.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> activeRunOn(long topologyId, String pool) {
        return activeRuns.findById(Run.poolKey(topologyId, pool)).map(ActiveRun::getRunId);
    }

    /**
     * Requests a run of a procedure of the pool's published topology version; its steps are frozen
     * now. Refused while another run holds the pool.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView request(RunRequest request, Locale locale) {
        return request(request, null, locale);
    }

    /**
     * As {@link #request(RunRequest, Locale)}, of saved version {@code version} of the topology
     * rather than its published one ({@code null}: the published one): a change request's
     * configuration runs apply the version it proposes (issue 13).
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView request(RunRequest request, Integer version, Locale locale) {
        if (request.topologyId() == null) {
            throw new PortalException(Kind.INVALID, "run_topology_required");
        }
        if (request.kind() == null) {
            throw new PortalException(Kind.INVALID, "run_kind_required");
        }
        approvals.checkSatisfiable(request.kind().approvalKind(), CurrentUser.actor());
        String reason = TypedText.required(request.reason(), MAX_TEXT, "run_reason_required");
        // Frozen in every language, with the pool's facts: the run never reads the topology again.
        FrozenProcedure frozenProcedure = procedures.freeze(
                request.topologyId(), request.pool(), request.procedure(), request.variant(), version);
        FrozenProcedure.Facts facts = frozenProcedure.facts();
        // The steps the run tracks carry the requester's titles, for the audit trail and lists.
        Procedure procedure = frozenProcedure.in(locale);
        String poolKey = Run.poolKey(request.topologyId(), procedure.pool());
        activeRuns.findById(poolKey).ifPresent(active -> {
            throw busy(procedure.pool(), active.getRunId());
        });
        ApprovalPolicy policy = approvals.policy(request.kind().approvalKind());
        // Only a drill may skip the data-loss gate, and only when its policy says so.
        boolean gateWaived = request.kind() == RunKind.DRILL && policy.dataLossGateWaived();
        Run.Frozen frozen = new Run.Frozen(
                request.topologyId(),
                facts.topologyName(),
                facts.topologyVersion(),
                procedure.pool(),
                procedure.procedure(),
                procedure.variant(),
                frozenProcedure.sha256(),
                facts.rtoMinutes(),
                facts.rpoMinutes(),
                procedure.steps().stream()
                        .map(step -> new Run.FrozenStep(step.number(), step.ruleId(), step.title()))
                        .toList());
        String actor = CurrentUser.actor();
        Instant now = clock.instant();
        Run run = runs.saveAndFlush(
                rule(() -> new Run(frozen, request.kind(), reason, request.incidentAt(), gateWaived, actor, now)));
        frozenDocuments.save(new RunProcedure(run.getId(), frozenProcedure.document()));
        try {
            activeRuns.saveAndFlush(new ActiveRun(poolKey, run.getId(), now));
        } catch (DataIntegrityViolationException e) {
            // Another instance or thread requested a run for this pool at the same moment and won.
            Long winner = separateRead.execute(status ->
                    activeRuns.findById(poolKey).map(ActiveRun::getRunId).orElse(null));
            throw busy(procedure.pool(), winner == null ? "?" : winner);
        }
        // Numbers as text: the message format would group a topology id of 1000 as "1,000".
        events.publishEvent(new RunEvent(
                actor,
                Action.RUN_REQUESTED,
                run.getId(),
                run.getPool(),
                null,
                AuditMessage.of(
                        "audit.details.RUN_REQUESTED",
                        request.kind().name(),
                        procedure.procedure() + (procedure.variant() == null ? "" : " (" + procedure.variant() + ")"),
                        String.valueOf(request.topologyId()),
                        String.valueOf(procedure.topology().version()),
                        run.getProcedureSha256(),
                        reason)));
        // A new run has no decisions yet: its policy, read once above, is all the view needs.
        return view(run, new SubjectApprovals(request.kind().approvalKind(), policy, List.of()));
    }

    /** Approves the run; once the policy of its kind is met, the run is approved and may start. */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView approve(long id, long version, String comment) {
        Run run = locked(id, version);
        allow(run, queries.approvals(run), RunAction.APPROVE, 0);
        approvals.approve(
                RunQueries.subject(run),
                run.getKind().approvalKind(),
                run.getRequested().by(),
                comment);
        String actor = CurrentUser.actor();
        // The decisions with this one, read once: for the policy's verdict and for the answer.
        SubjectApprovals decided = queries.approvals(run);
        ApprovalStatus status = decided.statusFor(null, clock.instant());
        if (status.satisfied() && run.getState() == RunState.REQUESTED) {
            rule(() -> run.approve(actor, clock.instant()));
            publish(actor, Action.RUN_APPROVED, run, approvals(status));
        } else {
            run.decided(actor, clock.instant());
        }
        return saved(run, decided);
    }

    /**
     * Approves a requested configuration run on its sponsor's word (a change request, issue 13): no
     * second approval round. Refused unless a {@link RunSponsor} stands behind the run and its
     * approvals let it start now.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView approveAsSponsored(long id, long version) {
        Run run = locked(id, version);
        RunSponsor.Sponsorship sponsorship =
                queries.sponsorship(run).orElseThrow(() -> new PortalException(Kind.CONFLICT, "run_not_sponsored", id));
        ApprovalStatus status = sponsorship.approvals().statusFor(null, clock.instant());
        if (!status.satisfied()) {
            throw new PortalException(Kind.CONFLICT, "run_approval_lapsed", id, status.required());
        }
        String actor = CurrentUser.actor();
        rule(() -> run.approveAsSponsored(sponsorship.name(), actor, clock.instant()));
        publish(
                actor,
                Action.RUN_APPROVED,
                run,
                AuditMessage.of("audit.details.RUN_APPROVED.sponsored", sponsorship.name()));
        return saved(run, sponsorship.approvals());
    }

    /** Rejects the run, which ends it. */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView reject(long id, long version, String comment) {
        Run run = locked(id, version);
        allow(run, queries.approvals(run), RunAction.REJECT, 0);
        Approval rejection = approvals.reject(
                RunQueries.subject(run),
                run.getKind().approvalKind(),
                run.getRequested().by(),
                comment);
        String actor = CurrentUser.actor();
        rule(() -> run.reject(actor, clock.instant(), rejection.comment()));
        publish(actor, Action.RUN_REJECTED, run, rejection.comment());
        return ended(run);
    }

    /** Withdraws one's own approval before the start; the run needs approving again if it falls short. */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView withdraw(long id, long version, long approvalId) {
        Run run = locked(id, version);
        allow(run, queries.approvals(run), RunAction.WITHDRAW, 0);
        approvals.withdraw(RunQueries.subject(run), approvalId);
        String actor = CurrentUser.actor();
        SubjectApprovals decided = queries.approvals(run);
        if (run.getState() == RunState.APPROVED
                && !decided.statusFor(null, clock.instant()).satisfied()) {
            rule(() -> run.backToRequested(actor, clock.instant()));
        } else {
            run.decided(actor, clock.instant());
        }
        publish(
                actor,
                Action.RUN_APPROVAL_WITHDRAWN,
                run,
                AuditMessage.of("audit.details.RUN_APPROVAL_WITHDRAWN", approvalId));
        return saved(run, decided);
    }

    /** Starts an approved run; the approvals that let it start can no longer be withdrawn. */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView start(long id, long version) {
        Run run = locked(id, version);
        String actor = allow(run, queries.approvals(run), RunAction.START, 0);
        rule(() -> run.start(actor, clock.instant()));
        approvals.seal(RunQueries.subject(run));
        publish(actor, Action.RUN_STARTED, run, (String) null);
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
        String actor = allow(run, queries.approvals(run), RunAction.EMERGENCY_START, 0);
        Instant now = clock.instant();
        Instant ratifyBy =
                now.plus(approvals.policy(run.getKind().approvalKind()).ratificationWindow());
        rule(() -> run.emergencyStart(actor, now, why, ratifyBy));
        approvals.seal(RunQueries.subject(run));
        publish(
                actor,
                Action.RUN_EMERGENCY_STARTED,
                run,
                AuditMessage.of("audit.details.RUN_EMERGENCY_STARTED", ratifyBy.toString(), why));
        return saved(run);
    }

    /**
     * An approver ratifies an emergency start, during or after the run; it is ratified once the
     * approvals its policy requires are in. Neither who requested nor who declared it may ratify.
     */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView ratify(long id, long version, String comment) {
        Run run = locked(id, version);
        String actor = allow(run, queries.approvals(run), RunAction.RATIFY, 0);
        approvals.approve(
                RunQueries.subject(run),
                run.getKind().approvalKind(),
                run.getRequested().by(),
                comment);
        approvals.seal(RunQueries.subject(run));
        SubjectApprovals decided = queries.approvals(run);
        Instant now = clock.instant();
        ApprovalStatus status = decided.statusFor(Stamp.byOf(run.getStarted()), now);
        if (status.satisfied()) {
            rule(() -> run.ratified(actor, now));
            publish(actor, Action.RUN_RATIFIED, run, approvals(status));
        } else {
            run.decided(actor, now);
        }
        return saved(run, decided);
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
        SubjectApprovals decided = queries.approvals(run);
        String actor = allow(run, decided, RunAction.RECORD_DATA_LOSS, 0);
        rule(() -> run.recordDataLoss(lastLog, lastLogBackupAt, primaryLostAt, actor, clock.instant()));
        publish(actor, Action.DATA_LOSS_RECORDED, run, dataLossDetails(run));
        return saved(run, decided);
    }

    /** An approver accepts the recorded data loss in writing; only then may the recovery step start. */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView acceptDataLoss(long id, long version, String acceptance) {
        String written = TypedText.required(acceptance, MAX_TEXT, "run_data_loss_acceptance_required");
        Run run = locked(id, version);
        SubjectApprovals decided = queries.approvals(run);
        String actor = allow(run, decided, RunAction.ACCEPT_DATA_LOSS, 0);
        rule(() -> run.acceptDataLoss(actor, clock.instant(), written));
        publish(
                actor,
                Action.DATA_LOSS_ACCEPTED,
                run,
                AuditMessage.of("audit.details.DATA_LOSS_ACCEPTED", dataLossDetails(run), written));
        return saved(run, decided);
    }

    /** Ends the run for good with a reason, before or during execution. */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView abort(long id, long version, String reason) {
        return endedWithReason(id, version, reason, RunAction.ABORT, Action.RUN_ABORTED, Run::abort);
    }

    /** Ends a running run as failed, with a reason. */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView fail(long id, long version, String reason) {
        return endedWithReason(id, version, reason, RunAction.FAIL, Action.RUN_FAILED, Run::fail);
    }

    private interface Ending {
        void apply(Run run, String actor, Instant at, String why);
    }

    /** Abort and fail alike: the reason required, the rulebook asked, the run ended, the pool freed. */
    private RunView endedWithReason(
            long id, long version, String reason, RunAction action, Action audited, Ending ending) {
        Run run = locked(id, version);
        String why = TypedText.required(reason, MAX_TEXT, "run_reason_required");
        SubjectApprovals decided = queries.approvals(run);
        String actor = allow(run, decided, action, 0);
        rule(() -> ending.apply(run, actor, clock.instant(), why));
        publish(actor, audited, run, why);
        return ended(run, decided);
    }

    @PreAuthorize("hasRole('OPERATOR')")
    public RunView startStep(long id, long version, int number) {
        return step(
                id,
                version,
                number,
                RunAction.START_STEP,
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
                RunAction.COMPLETE_STEP,
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
                RunAction.FAIL_STEP,
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
                RunAction.RETRY_STEP,
                Action.STEP_RETRIED,
                null,
                (run, actor) -> run.retryStep(number, actor, clock.instant()));
    }

    /** Asks an approver to let a step be skipped, with why. */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView requestSkip(long id, long version, int number, String reason) {
        String why = TypedText.required(reason, MAX_TEXT, "run_reason_required");
        Run run = locked(id, version);
        SubjectApprovals decided = queries.approvals(run);
        String actor = allow(run, decided, RunAction.REQUEST_SKIP, number);
        rule(() -> run.requestSkip(number, actor, clock.instant(), why));
        publish(actor, Action.STEP_SKIP_REQUESTED, run, because(skipDetails(run, number), why));
        return saved(run, decided);
    }

    /** Lets a step be skipped; the approver is neither who asked nor who requested the run. */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView approveSkip(long id, long version, int number, String comment) {
        String why = TypedText.optional(comment, MAX_TEXT);
        Run run = locked(id, version);
        SubjectApprovals decided = queries.approvals(run);
        String actor = allow(run, decided, RunAction.APPROVE_SKIP, number);
        rule(() -> run.approveSkip(number, actor, clock.instant()));
        publish(actor, Action.STEP_SKIPPED, run, because(skipDetails(run, number), why));
        return completedOrSaved(run, actor, decided);
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
                            AuditMessage.of(
                                    "audit.details.RUN_APPROVAL_EXPIRED",
                                    expired.approvalId(),
                                    String.valueOf(expired.approver())));
                    runs.saveAndFlush(run);
                });
    }

    /** Puts an overdue ratification on the audit trail, once whatever the number of instances sweeping. */
    @PreAuthorize("hasAuthority('" + SystemActor.AUTHORITY + "')")
    public boolean recordOverdueRatification(long id) {
        Run run = runs.lock(id).orElseThrow(() -> RunQueries.notFound(id));
        if (!run.markOverdueRecorded(clock.instant())) {
            return false;
        }
        publish(
                CurrentUser.SYSTEM,
                Action.RUN_RATIFICATION_OVERDUE,
                run,
                AuditMessage.of("audit.details.RUN_RATIFICATION_OVERDUE", String.valueOf(run.getRatifyBy())));
        runs.saveAndFlush(run);
        return true;
    }

    /** Emergency starts whose ratification is overdue, most overdue first. */
    @Transactional(readOnly = true)
    public List<RunSummary> overdueRatifications() {
        return queries.overdueRatifications();
    }

    /** Ids of overdue ratifications not on the audit trail yet, for the sweep. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + SystemActor.AUTHORITY + "')")
    public List<Long> overdueUnrecorded() {
        return queries.overdueUnrecorded();
    }

    /**
     * What waits on the signed-in approver, oldest first: runs to approve, skips to allow, data
     * losses to accept and emergency starts to ratify, each only where four eyes let them decide.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('APPROVER')")
    public List<InboxItem> inbox() {
        return queries.inbox();
    }

    /**
     * A value that changes whenever {@link #inbox()} may answer differently, for anyone: one small
     * query, which the layout polls to keep the approvals badge current.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('APPROVER')")
    public String inboxStamp() {
        return queries.inboxStamp();
    }

    /** Runs not finished, newest first, with their RTO clock and the step to do next: one query. */
    @Transactional(readOnly = true)
    public List<ActiveRunSummary> unfinished() {
        return queries.unfinished();
    }

    /** DISASTER runs waiting for approval or for the ratification of their emergency start. */
    @Transactional(readOnly = true)
    public List<RunSummary> pendingDisasters() {
        return queries.pendingDisasters();
    }

    /** The run, its steps titled as they were frozen for the requester. */
    @Transactional(readOnly = true)
    public RunView run(long id) {
        return queries.run(id);
    }

    /**
     * The run as a reader of {@code locale} sees it: the steps titled in their language, the
     * procedure being frozen in every language; a run frozen before that keeps its own titles.
     */
    @Transactional(readOnly = true)
    public RunView run(long id, Locale locale) {
        return queries.run(id, locale);
    }

    /**
     * The frozen procedure of the run as stored, the document its {@code procedureSha256} is the
     * hash of: {@link FrozenProcedure}'s every-language form, or the plain procedure JSON of a run
     * requested before procedures were frozen in every language.
     */
    @Transactional(readOnly = true)
    public String procedure(long id) {
        return queries.procedure(id);
    }

    /**
     * The frozen procedure of the run, read back: what was approved, in every language it was frozen
     * in, whatever the topology became since, with the facts of its pool.
     */
    @Transactional(readOnly = true)
    public FrozenProcedure frozenProcedure(long id) {
        return queries.frozenProcedure(id);
    }

    /** The run's current version, a cheap read for pages that watch a run change under their eyes. */
    @Transactional(readOnly = true)
    public long version(long id) {
        return queries.version(id);
    }

    /** Runs, newest first, that match every criterion of {@code filter} that is set. */
    @Transactional(readOnly = true)
    public Slice<RunSummary> list(RunFilter filter, Pageable pageable) {
        return queries.list(filter, pageable);
    }

    private interface StepChange {
        void apply(Run run, String actor);
    }

    private RunView step(
            long id, long version, int number, RunAction action, Action audited, String details, StepChange change) {
        Run run = locked(id, version);
        // Read once: the sponsor's approvals stand for the run's, and only a run a sponsor stands behind
        // asks it before a step.
        java.util.Optional<RunSponsor.Sponsorship> sponsorship = queries.sponsorship(run);
        // A step changes no decision: the approvals read for the rulebook serve the answer too.
        SubjectApprovals decided = queries.approvals(run, sponsorship);
        String actor = allow(run, decided, action, number);
        if (action == RunAction.START_STEP || action == RunAction.RETRY_STEP) {
            // A sponsor may hold the next step back (a change request's window, issue 13); the one under way finishes.
            queries.beforeStep(run, sponsorship, number);
        }
        rule(() -> change.apply(run, actor));
        // RunFacts (review) reads these details back in English: "step 3" or "step 3: why".
        publish(actor, audited, run, because(AuditMessage.of("audit.details.run.step", number), details));
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
     * The signed-in user, once {@link RunRulebook} lets them take {@code action} (on step
     * {@code step}) now; refused with the rule otherwise.
     */
    private String allow(Run run, SubjectApprovals decided, RunAction action, int step) {
        RunRulebook.Actor actor = RunViews.reader();
        RunRulebook.check(run, actor, decided, clock.instant(), action, step).ifPresent(refusal -> {
            throw refusal.rule().exception(refusal.arguments().toArray());
        });
        return actor.name();
    }

    private Run locked(long id, long version) {
        Run run = runs.lock(id).orElseThrow(() -> RunQueries.notFound(id));
        if (run.getVersion() != version) {
            // Said as a person would ("alice aborted this run at 2026-12-03 16:51 UTC"), never with
            // versions: the deed is a message of its own, resolved in the reader's language (issue 12).
            RunLastChange done =
                    RunLastChange.of(view(run, queries.approvals(run))).orElse(new RunLastChange("CHANGED", 0));
            throw new PortalException(
                    Kind.CONFLICT,
                    "run_stale",
                    run.getChanged().by(),
                    new DefaultMessageSourceResolvable(new String[] {done.messageKey()}, new Object[] {done.step()}),
                    PortalTime.formatToTheMinute(run.getChanged().at()));
        }
        return run;
    }

    private RunView saved(Run run) {
        return saved(run, queries.approvals(run));
    }

    /** The run saved, shown with {@code decided}, which must be the decisions as they now are. */
    private RunView saved(Run run, SubjectApprovals decided) {
        // The run is managed, locked in this transaction: a flush writes it and bumps the version the
        // answer shows. saveAndFlush would merge it first, copying the run and every step onto
        // themselves (issue 10, bench/runs.sh).
        runs.flush();
        return view(run, decided);
    }

    private RunView ended(Run run) {
        return ended(run, queries.approvals(run));
    }

    /** The run ended: the pool is free for the next one. */
    private RunView ended(Run run, SubjectApprovals decided) {
        activeRuns.deleteById(run.poolKey());
        return saved(run, decided);
    }

    private ApprovalStatus status(Run run, String executor) {
        return queries.approvals(run).statusFor(executor, clock.instant());
    }

    /** For details that are only what someone typed (a reason, a comment): the same in every language. */
    private void publish(String actor, Action action, Run run, String details) {
        events.publishEvent(new RunEvent(actor, action, run.getId(), run.getPool(), details));
    }

    /**
     * For details in words: each reader sees {@code message} in their language, the trail keeps its
     * English (issue 12). Numbers go in as {@code {n,number,#}} or as text and instants as text, so
     * that the English reads exactly as the details did before messages (RunFacts parses them).
     */
    private void publish(String actor, Action action, Run run, AuditMessage message) {
        events.publishEvent(new RunEvent(actor, action, run.getId(), run.getPool(), null, message));
    }

    /** "valid of required approvals", as RUN_APPROVED and RUN_RATIFIED say it. */
    private static AuditMessage approvals(ApprovalStatus status) {
        return AuditMessage.of("audit.details.run.approvals", status.valid().size(), status.required());
    }

    /** {@code what}, followed by ": why" when someone said why. */
    private static AuditMessage because(AuditMessage what, String why) {
        return why == null ? what : AuditMessage.of("audit.details.run.because", what, why);
    }

    private RunView view(Run run, SubjectApprovals decided) {
        return RunViews.view(run, decided, RunViews.reader(), clock.instant());
    }

    private static AuditMessage dataLossDetails(Run run) {
        RunView.DataLoss loss = run.dataLoss();
        return AuditMessage.of(
                "audit.details.run.data-loss",
                String.valueOf(loss.lastLogBackup()),
                String.valueOf(loss.lastLogBackupAt()),
                String.valueOf(loss.primaryLostAt()),
                loss.windowSeconds(),
                minutes(loss.rpoTargetMinutes()));
    }

    /** "15 min", or null (said "-") for a target the pool does not set. */
    private static AuditMessage minutes(Integer minutes) {
        return minutes == null ? null : AuditMessage.of("audit.details.run.minutes", minutes);
    }

    /**
     * What a skip of step {@code number} bypasses, for the audit trail: the step's rule and title
     * and, for the step the data-loss gate guards, the figures and acceptance that passed it (F-4).
     */
    private AuditMessage skipDetails(Run run, int number) {
        RunStep step = run.step(number);
        // The title as frozen for the requester, which the trail has always kept, and the French
        // one the bundles pick for a French reader (audit.details.run.step-title).
        AuditMessage title = AuditMessage.of(
                "audit.details.run.step-title", step.getTitle(), queries.stepTitle(run, number, Locale.FRENCH));
        AuditMessage details = AuditMessage.of(
                "audit.details.run.skip",
                number,
                step.getRuleId() == null ? title : AuditMessage.of("audit.details.run.ruled", step.getRuleId(), title));
        if (run.getDataLossGateStep() != null && run.getDataLossGateStep() == number) {
            details = run.hasDataLossGate()
                    ? AuditMessage.of(
                            "audit.details.run.skip.gate-passed",
                            details,
                            dataLossDetails(run),
                            String.valueOf(run.dataLoss().acceptedBy()))
                    : AuditMessage.of("audit.details.run.skip.gate-waived", details);
        }
        return details;
    }

    private static AuditMessage elapsed(Run run) {
        RunView.Timings timings = RunViews.timings(run, Stamp.atOf(run.getEnded()));
        return timings.elapsedSeconds() == null
                ? null
                : AuditMessage.of(
                        "audit.details.RUN_COMPLETED", timings.elapsedSeconds(), minutes(timings.rtoTargetMinutes()));
    }

    /** Runs the aggregate's transition and turns its refusal into one the UI and API translate. */
    private static <T> T rule(java.util.function.Supplier<T> transition) {
        try {
            return transition.get();
        } catch (RunRuleException e) {
            throw e.rule().exception(e.arguments());
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
}
