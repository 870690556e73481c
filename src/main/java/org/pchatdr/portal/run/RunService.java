package org.pchatdr.portal.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.ApprovalService;
import org.pchatdr.portal.approval.ApprovalStatus;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
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
    static final int MAX_TEXT = 1000;
    static final int MAX_OUTPUT = 200_000;

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
        String reason = Texts.required(request.reason(), MAX_TEXT, "run_reason_required");
        Procedure procedure = procedures.generate(
                request.topologyId(), request.pool(), request.procedure(), request.variant(), null, locale);
        String poolKey = Run.poolKey(request.topologyId(), procedure.pool());
        activeRuns.findById(poolKey).ifPresent(active -> {
            throw busy(procedure.pool(), active.getRunId());
        });
        Topology topology = topologies
                .version(request.topologyId(), procedure.topology().version())
                .topology();
        Integer rto = topology.pool(procedure.pool())
                .map(Topology.Pool::objectives)
                .map(Topology.Objectives::rtoMinutes)
                .orElse(null);
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
                rto,
                procedure.steps().stream()
                        .map(step -> new Run.FrozenStep(step.number(), step.ruleId(), step.title()))
                        .toList());
        String actor = CurrentUser.actor();
        Instant now = clock.instant();
        Run run = runs.saveAndFlush(
                rule(() -> new Run(frozen, request.kind(), reason, request.incidentAt(), actor, now)));
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

    /** Ends the run for good with a reason, before or during execution. */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView abort(long id, long version, String reason) {
        Run run = locked(id, version);
        String why = Texts.required(reason, MAX_TEXT, "run_reason_required");
        String actor = CurrentUser.actor();
        rule(() -> run.abort(actor, clock.instant(), why));
        publish(actor, Action.RUN_ABORTED, run, why);
        return ended(run);
    }

    /** Ends a running run as failed, with a reason. */
    @PreAuthorize("hasRole('OPERATOR')")
    public RunView fail(long id, long version, String reason) {
        Run run = locked(id, version);
        String why = Texts.required(reason, MAX_TEXT, "run_reason_required");
        String actor = executor(run);
        rule(() -> run.fail(actor, clock.instant(), why));
        publish(actor, Action.RUN_FAILED, run, why);
        return ended(run);
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
        String why = Texts.optional(note, MAX_TEXT);
        String pasted = Texts.output(output, MAX_OUTPUT);
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
        String why = Texts.required(reason, MAX_TEXT, "run_reason_required");
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
        String why = Texts.required(reason, MAX_TEXT, "run_reason_required");
        return step(
                id,
                version,
                number,
                Action.STEP_SKIP_REQUESTED,
                why,
                (run, actor) -> run.requestSkip(number, actor, clock.instant(), why));
    }

    /** Lets a step be skipped; the approver is neither who asked nor who requested the run. */
    @PreAuthorize("hasRole('APPROVER')")
    public RunView approveSkip(long id, long version, int number, String comment) {
        String why = Texts.optional(comment, MAX_TEXT);
        Run run = locked(id, version);
        String actor = CurrentUser.actor();
        if (actor.equals(run.getRequestedBy())) {
            throw new PortalException(Kind.FORBIDDEN, "four_eyes", actor);
        }
        rule(() -> run.approveSkip(number, actor, clock.instant()));
        publish(actor, Action.STEP_SKIPPED, run, "step " + number + (why == null ? "" : ": " + why));
        return completedOrSaved(run, actor);
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

    /** Runs, newest first, of one pool and in one state when given. */
    @Transactional(readOnly = true)
    public Slice<RunSummary> list(String pool, RunState state, Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(
                        pageable.getPageNumber(),
                        pageable.getPageSize(),
                        Sort.by("id").descending());
        String filter = pool == null || pool.isBlank() ? null : pool.strip();
        return runs.search(filter, state, sorted)
                .map(run -> new RunSummary(
                        run.getId(),
                        run.getVersion(),
                        run.getKind(),
                        run.getState(),
                        run.getTopologyId(),
                        run.getPool(),
                        run.getProcedure(),
                        run.getVariant(),
                        run.getRequestedBy(),
                        run.getRequestedAt(),
                        run.getEndedAt()));
    }

    private interface StepChange {
        void apply(Run run, String actor);
    }

    private RunView step(long id, long version, int number, Action action, String details, StepChange change) {
        Run run = locked(id, version);
        String actor = executor(run);
        rule(() -> change.apply(run, actor));
        publish(actor, action, run, "step " + number + (details == null ? "" : ": " + details));
        return completedOrSaved(run, actor);
    }

    private RunView completedOrSaved(Run run, String actor) {
        if (run.getState() == RunState.COMPLETED) {
            publish(actor, Action.RUN_COMPLETED, run, elapsed(run));
            return ended(run);
        }
        return saved(run);
    }

    /**
     * The signed-in operator, who executes: refused when they approved this run and the policy of
     * its kind does not let an approver execute.
     */
    private String executor(Run run) {
        String actor = CurrentUser.actor();
        if (run.getState().isFinished()) {
            return actor;
        }
        ApprovalStatus status = status(run, actor);
        boolean approvedIt = !status.executorMayApprove()
                && status.decisions().stream()
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
        return view(runs.saveAndFlush(run));
    }

    /** The run ended: the pool is free for the next one. */
    private RunView ended(Run run) {
        activeRuns.deleteById(run.poolKey());
        return saved(run);
    }

    private ApprovalStatus status(Run run, String executor) {
        return approvals.status(subject(run), run.getKind().approvalKind(), executor, clock.instant());
    }

    private static Subject subject(Run run) {
        return new Subject(SUBJECT_TYPE, run.getId());
    }

    private void publish(String actor, Action action, Run run, String details) {
        events.publishEvent(new RunEvent(actor, action, run.getId(), run.getPool(), details));
    }

    private RunView view(Run run) {
        Instant now = clock.instant();
        ApprovalStatus status = status(run, run.getStartedBy());
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
                timings(run, now));
    }

    static RunView.Timings timings(Run run, Instant now) {
        Instant from = run.getIncidentAt() != null ? run.getIncidentAt() : run.getStartedAt();
        boolean running = run.getState() == RunState.IN_PROGRESS;
        if (from == null) {
            return new RunView.Timings(null, null, null, run.getRtoTargetMinutes(), null, false);
        }
        Instant until = run.getEndedAt() != null ? run.getEndedAt() : now;
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
