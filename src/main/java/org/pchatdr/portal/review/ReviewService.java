package org.pchatdr.portal.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.base.TypedText;
import org.pchatdr.portal.review.ReviewDecision.Outcome;
import org.pchatdr.portal.review.ReviewEvent.Action;
import org.pchatdr.portal.review.internal.ReviewDisposition;
import org.pchatdr.portal.review.internal.ReviewDispositionRepository;
import org.pchatdr.portal.review.internal.ReviewFinding;
import org.pchatdr.portal.review.internal.ReviewFindingRepository;
import org.pchatdr.portal.review.internal.ReviewRulebook;
import org.pchatdr.portal.review.internal.RunFacts;
import org.pchatdr.portal.review.internal.RunReview;
import org.pchatdr.portal.review.internal.RunReviewRepository;
import org.pchatdr.portal.run.RunEvent;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews of ended runs (issue 14). Every run that completes, fails or is aborted waits for review
 * from the moment it ends, due {@code portal.review.due} later. {@link ReviewRulebook} decides who may
 * sign off, return and close findings; this service asks it before every change and refuses what it
 * refuses, whatever the client. Reads are open to managers, auditors and administrators; overdue
 * reviews and findings to everyone, for the home page.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR', 'ADMIN')")
public class ReviewService {

    /** The longest comment, note or disposition people may type. */
    public static final int MAX_TEXT = 1000;

    static final int MAX_TITLE = 500;
    static final int MAX_OWNER = 64;
    private static final Set<ReviewState> OPEN = EnumSet.of(ReviewState.WAITING, ReviewState.RETURNED);

    private final RunReviewRepository reviews;
    private final ReviewDispositionRepository dispositions;
    private final ReviewFindingRepository findings;
    private final RunService runs;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration due;

    ReviewService(
            RunReviewRepository reviews,
            ReviewDispositionRepository dispositions,
            ReviewFindingRepository findings,
            RunService runs,
            AuditService audit,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${portal.review.due:7d}") Duration due) {
        this.reviews = reviews;
        this.dispositions = dispositions;
        this.findings = findings;
        this.runs = runs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.due = due;
    }

    /**
     * A run ended: its review waits from now, in the same transaction as the end, so no ended run
     * can miss its review. A rejected run never ran and is not reviewed.
     */
    @EventListener
    @PreAuthorize("permitAll()")
    public void onRunEnded(RunEvent event) {
        switch (event.transition()) {
            case RUN_COMPLETED, RUN_FAILED, RUN_ABORTED -> {
                if (!reviews.existsById(event.runId())) {
                    Instant now = clock.instant();
                    reviews.save(new RunReview(event.runId(), event.pool(), now, now.plus(due)));
                }
            }
            default -> {}
        }
    }

    /** The review of run {@code runId}, with the actions the caller may take. */
    @Transactional(readOnly = true)
    public ReviewView review(long runId) {
        RunReview review = reviews.findById(runId).orElseThrow(() -> notFound(runId));
        return view(review, runs.run(runId));
    }

    /**
     * What waits on the caller: reviews they may decide (a manager independent of the run), oldest
     * deadline first. Empty for those who decide none.
     */
    @Transactional(readOnly = true)
    public List<ReviewSummary> waiting() {
        ReviewRulebook.Actor actor = actor();
        if (!actor.roles().contains(Role.MANAGER)) {
            return List.of();
        }
        List<ReviewSummary> waiting = new ArrayList<>();
        for (RunReview review : reviews.findByStateInOrderByDueAtAsc(OPEN)) {
            RunView run = runs.run(review.getRunId());
            if (ReviewRulebook.mayDecide(run, review.getState(), actor).isEmpty()) {
                waiting.add(summary(review, run));
            }
        }
        return waiting;
    }

    /** How many reviews wait on the caller: the navigation badge. */
    @Transactional(readOnly = true)
    public int waitingCount() {
        return waiting().size();
    }

    /** Every review in {@code state}, oldest deadline first. */
    @Transactional(readOnly = true)
    public List<ReviewSummary> list(ReviewState state) {
        return reviews.findByStateInOrderByDueAtAsc(EnumSet.of(state)).stream()
                .map(review -> summary(review, runs.run(review.getRunId())))
                .toList();
    }

    /** Reviews past their deadline and not signed off: on everyone's home page. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ReviewSummary> overdueReviews() {
        return reviews.findByStateInAndDueAtBeforeOrderByDueAtAsc(OPEN, clock.instant()).stream()
                .map(review -> summary(review, runs.run(review.getRunId())))
                .toList();
    }

    /** Open findings past their due date: on everyone's home page. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Finding> overdueFindings() {
        return findings.overdue(today()).stream().map(this::finding).toList();
    }

    /** The findings of the run's review, oldest first; none for a run without review. */
    @Transactional(readOnly = true)
    public List<Finding> findings(long runId) {
        return findings.findByRunIdOrderByIdAsc(runId).stream()
                .map(this::finding)
                .toList();
    }

    /** Open findings of the reviews of runs of {@code pool}: for the readiness dashboard. */
    @Transactional(readOnly = true)
    public long openFindings(String pool) {
        return findings.countOpenForPool(pool);
    }

    /**
     * Signs the run off or returns it with findings. A sign-off needs a disposition for every
     * exception of the run (409 naming the first one left), a return at least one finding; both
     * need a manager who took no part in the run.
     */
    @PreAuthorize("hasRole('MANAGER')")
    public ReviewView decide(long runId, ReviewDecision decision) {
        if (decision.decision() == null) {
            throw new PortalException(Kind.INVALID, "review_decision_required");
        }
        RunReview review = reviews.lock(runId).orElseThrow(() -> notFound(runId));
        RunView run = runs.run(runId);
        ReviewRulebook.Actor actor = actor();
        String comment = TypedText.optional(decision.comment(), MAX_TEXT);
        Map<String, String> notes = newNotes(run, review, decision);
        List<RunException> after = exceptions(run, review.getRunId()).stream()
                .map(exception -> exception.disposed() || !notes.containsKey(exception.code())
                        ? exception
                        : new RunException(
                                exception.code(),
                                exception.kind(),
                                exception.step(),
                                notes.get(exception.code()),
                                actor.name(),
                                clock.instant()))
                .toList();
        ReviewRulebook.decide(run, review.getState(), actor, decision.decision(), after)
                .ifPresent(refusal -> {
                    throw refusal.exception();
                });
        List<ReviewDecision.NewFinding> newFindings = decision.findings();
        if (decision.decision() == Outcome.RETURN && newFindings.isEmpty()) {
            throw new PortalException(Kind.INVALID, "review_return_needs_finding");
        }
        List<ReviewFinding> validated = newFindings.stream()
                .map(finding -> newFinding(runId, finding, actor.name()))
                .toList();
        Instant now = clock.instant();
        notes.forEach((code, note) -> dispositions.save(new ReviewDisposition(runId, code, note, actor.name(), now)));
        for (ReviewFinding finding : validated) {
            Finding saved = finding(findings.save(finding));
            events.publishEvent(new ReviewEvent(
                    actor.name(),
                    Action.FINDING_RECORDED,
                    runId,
                    saved.id(),
                    null,
                    AuditMessage.of(
                            "audit.details.FINDING_RECORDED",
                            saved.title(),
                            saved.owner(),
                            String.valueOf(saved.due()))));
        }
        ReviewState outcome = decision.decision() == Outcome.SIGN_OFF ? ReviewState.SIGNED_OFF : ReviewState.RETURNED;
        review.decide(outcome, actor.name(), now, comment);
        reviews.saveAndFlush(review);
        events.publishEvent(new ReviewEvent(
                actor.name(),
                outcome == ReviewState.SIGNED_OFF ? Action.REVIEW_SIGNED_OFF : Action.REVIEW_RETURNED,
                runId,
                null,
                null,
                details(comment, notes, validated.size())));
        return view(review, run);
    }

    /** Closes a finding with a note: its owner or a manager, once. */
    @PreAuthorize("isAuthenticated()")
    public Finding closeFinding(long findingId, String note) {
        ReviewFinding finding = findings.lock(findingId)
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "finding_not_found", findingId));
        ReviewRulebook.close(finding(finding), actor()).ifPresent(refusal -> {
            throw refusal.exception();
        });
        String text = TypedText.required(note, MAX_TEXT, "finding_note_required");
        finding.close(CurrentUser.actor(), clock.instant(), text);
        findings.saveAndFlush(finding);
        events.publishEvent(
                new ReviewEvent(CurrentUser.actor(), Action.FINDING_CLOSED, finding.getRunId(), finding.getId(), text));
        return finding(finding);
    }

    private Map<String, String> newNotes(RunView run, RunReview review, ReviewDecision decision) {
        Set<String> known =
                RunFacts.exceptions(run).stream().map(RunException::code).collect(Collectors.toSet());
        Set<String> disposed = dispositions.findByRunIdOrderByIdAsc(review.getRunId()).stream()
                .map(ReviewDisposition::getException)
                .collect(Collectors.toSet());
        Map<String, String> notes = new LinkedHashMap<>();
        for (ReviewDecision.Disposition disposition : decision.dispositions()) {
            String code = disposition.exception() == null
                    ? ""
                    : disposition.exception().strip();
            if (!known.contains(code)) {
                throw new PortalException(Kind.INVALID, "review_exception_unknown", code);
            }
            String note = TypedText.required(disposition.note(), MAX_TEXT, "review_disposition_note_required");
            // A disposition is written once; a later review keeps the first one.
            if (!disposed.contains(code)) {
                notes.put(code, note);
            }
        }
        return notes;
    }

    private ReviewFinding newFinding(long runId, ReviewDecision.NewFinding finding, String by) {
        String title = TypedText.required(finding.title(), MAX_TITLE, "finding_title_required");
        String owner = TypedText.required(finding.owner(), MAX_OWNER, "finding_owner_required");
        if (finding.due() == null) {
            throw new PortalException(Kind.INVALID, "finding_due_required");
        }
        return new ReviewFinding(runId, title, owner, finding.due(), by, clock.instant());
    }

    /**
     * "comment; CODE: note; 2 finding(s)" in the reader's language (issue 12), its English the
     * stored details as before; null when there is nothing to say.
     */
    private static AuditMessage details(String comment, Map<String, String> notes, int newFindings) {
        List<Object> parts = new ArrayList<>();
        if (comment != null) {
            parts.add(comment);
        }
        notes.forEach((code, note) -> parts.add(AuditMessage.of("audit.details.review.note", code, note)));
        if (newFindings > 0) {
            parts.add(AuditMessage.of("audit.details.review.findings", newFindings));
        }
        AuditMessage details = null;
        for (Object part : parts) {
            details = details == null
                    ? AuditMessage.of("audit.details.review.part", part)
                    : AuditMessage.of("audit.details.review.then", details, part);
        }
        return details;
    }

    /** The run's exceptions with the dispositions stored for them. */
    private List<RunException> exceptions(RunView run, long runId) {
        Map<String, ReviewDisposition> stored = new HashMap<>();
        dispositions.findByRunIdOrderByIdAsc(runId).forEach(d -> stored.put(d.getException(), d));
        return RunFacts.exceptions(run).stream()
                .map(exception -> {
                    ReviewDisposition d = stored.get(exception.code());
                    return d == null ? exception : d.applyTo(exception);
                })
                .toList();
    }

    private ReviewView view(RunReview review, RunView run) {
        ReviewRulebook.Actor actor = actor();
        List<Finding> found = findings.findByRunIdOrderByIdAsc(review.getRunId()).stream()
                .map(this::finding)
                .toList();
        List<String> actions = new ArrayList<>();
        if (ReviewRulebook.mayDecide(run, review.getState(), actor).isEmpty()) {
            actions.add("review/" + Outcome.SIGN_OFF.name());
            actions.add("review/" + Outcome.RETURN.name());
        }
        for (Finding finding : found) {
            if (ReviewRulebook.close(finding, actor).isEmpty()) {
                actions.add("findings/" + finding.id() + "/close");
            }
        }
        RunView.DataLoss loss = run.dataLoss();
        return new ReviewView(
                run.id(),
                run.kind(),
                run.state(),
                run.pool(),
                run.procedure(),
                run.variant(),
                run.procedureSha256(),
                run.topologyVersion(),
                review.getState(),
                review.getEndedAt(),
                review.getDueAt(),
                overdue(review),
                Stamp.byOf(review.getDecided()),
                Stamp.atOf(review.getDecided()),
                review.getComment(),
                new ReviewView.Objectives(
                        run.timings().elapsedSeconds(),
                        run.timings().rtoTargetMinutes(),
                        run.timings().withinRto(),
                        loss == null ? null : loss.windowSeconds(),
                        loss == null ? null : loss.rpoTargetMinutes(),
                        loss == null ? null : loss.withinRpo()),
                exceptions(run, review.getRunId()),
                found,
                RunFacts.timeline(run, history(run, found)),
                actions);
    }

    /** Every audit record of the run, its review, its findings and its evidence, oldest first. */
    List<AuditEntry> history(RunView run, List<Finding> found) {
        List<String> targets = new ArrayList<>();
        targets.add(new RunEvent(null, RunEvent.Action.RUN_REQUESTED, run.id(), run.pool(), null).target());
        targets.add(new ReviewEvent(null, Action.REVIEW_SIGNED_OFF, run.id(), null, null).target());
        found.forEach(finding ->
                targets.add(new ReviewEvent(null, Action.FINDING_RECORDED, run.id(), finding.id(), null).target()));
        return audit.history(targets);
    }

    private ReviewSummary summary(RunReview review, RunView run) {
        return new ReviewSummary(
                run.id(),
                run.kind(),
                run.state(),
                run.pool(),
                run.procedure(),
                review.getState(),
                review.getEndedAt(),
                review.getDueAt(),
                overdue(review),
                Stamp.byOf(review.getDecided()));
    }

    private boolean overdue(RunReview review) {
        return review.getState() != ReviewState.SIGNED_OFF && review.getDueAt().isBefore(clock.instant());
    }

    private Finding finding(ReviewFinding finding) {
        return finding.view(today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The signed-in user and every role they hold. */
    private static ReviewRulebook.Actor actor() {
        return new ReviewRulebook.Actor(CurrentUser.actor(), CurrentUser.roles());
    }

    private static PortalException notFound(long runId) {
        return new PortalException(Kind.NOT_FOUND, "review_not_found", runId);
    }
}
