package org.pchatdr.portal.change;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.approval.ApprovalService;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.approval.SubjectApprovals;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.TypedText;
import org.pchatdr.portal.change.ChangeEvent.Action;
import org.pchatdr.portal.change.internal.ChangeRequest;
import org.pchatdr.portal.change.internal.ChangeRequestRepository;
import org.pchatdr.portal.change.internal.ChangeRevision;
import org.pchatdr.portal.change.internal.ChangeRevisionRepository;
import org.pchatdr.portal.change.internal.ChangeRulebook;
import org.pchatdr.portal.change.internal.ChangeRunEntity;
import org.pchatdr.portal.change.internal.ChangeRunRepository;
import org.pchatdr.portal.change.internal.Content;
import org.pchatdr.portal.change.internal.ExtensionEntity;
import org.pchatdr.portal.change.internal.ExtensionRepository;
import org.pchatdr.portal.change.internal.RiskAssessor;
import org.pchatdr.portal.change.internal.TemplateCheck;
import org.pchatdr.portal.change.internal.TemplateEntity;
import org.pchatdr.portal.change.internal.TemplateRepository;
import org.pchatdr.portal.procedure.ProcedureService;
import org.pchatdr.portal.procedure.Procedures;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunSponsor;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.StepState;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyDiff;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change requests from proposal to review (issue 13). Every edit is a revision with a content
 * hash; approvals go through the approval engine to the request's current approval round, so a
 * material edit voids them all and a description-only edit none. Who may do what is {@link
 * ChangeRulebook}'s answer, asked before every transition and returned as {@link
 * ChangeView#actions()}. Every change quotes the revision the caller saw: a caller who saw an
 * older one is told who changed the request and when.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ChangeService {

    static final String SUBJECT_TYPE = "change";

    /** A mandatory review not signed a week after the implementation ended is overdue (C-10). */
    public static final java.time.Duration REVIEW_OVERDUE = java.time.Duration.ofDays(7);

    static final int MAX_TITLE = 200;
    static final int MAX_JUSTIFICATION = 4000;
    static final int MAX_PLAN = 20_000;
    /** The longest comment or reason people may type. */
    public static final int MAX_COMMENT = 1000;

    private static final Pattern POOL_PATH = Pattern.compile("^pools\\[(\\d+)]");

    private final ChangeRequestRepository changes;
    private final ChangeRevisionRepository revisions;
    private final TemplateRepository templates;
    private final ChangeCalendarService calendar;
    private final TopologyService topologies;
    private final ApprovalService approvals;
    private final RunService runs;
    private final ChangeRunRepository runLinks;
    private final ExtensionRepository extensions;
    private final ProcedureService procedures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeService(
            ChangeRequestRepository changes,
            ChangeRevisionRepository revisions,
            TemplateRepository templates,
            ChangeCalendarService calendar,
            TopologyService topologies,
            ApprovalService approvals,
            RunService runs,
            ChangeRunRepository runLinks,
            ExtensionRepository extensions,
            ProcedureService procedures,
            ApplicationEventPublisher events,
            Clock clock) {
        this.changes = changes;
        this.revisions = revisions;
        this.templates = templates;
        this.calendar = calendar;
        this.topologies = topologies;
        this.approvals = approvals;
        this.runs = runs;
        this.runLinks = runLinks;
        this.extensions = extensions;
        this.procedures = procedures;
        this.events = events;
        this.clock = clock;
    }

    /** A new request in DRAFT, its first revision made of {@code draft}. */
    @PreAuthorize("hasRole('OPERATOR')")
    public ChangeView create(ChangeDraft draft) {
        if (draft.type() == null) {
            throw new PortalException(Kind.INVALID, "change_type_required");
        }
        if (draft.topologyId() == null) {
            throw new PortalException(Kind.INVALID, "change_topology_required");
        }
        if (draft.type() == ChangeType.STANDARD) {
            template(draft.templateId());
        }
        String actor = CurrentUser.actor();
        Instant now = clock.instant();
        Proposal proposal = proposal(draft.topologyId(), draft);
        ChangeRequest change = changes.saveAndFlush(new ChangeRequest(
                draft.type(),
                draft.topologyId(),
                draft.type() == ChangeType.STANDARD ? draft.templateId() : null,
                actor,
                now));
        ChangeRevision first = revisions.saveAndFlush(new ChangeRevision(
                change.getId(),
                1,
                proposal.base(),
                proposal.content(),
                title(draft),
                justification(draft),
                actor,
                now));
        first.belongsTo(null);
        change.firstRevision(first.getId());
        change.assess(
                proposal.risk().computed(),
                draft.declaredRisk(),
                RiskAssessor.write(proposal.risk().reasons()));
        changes.saveAndFlush(change);
        publishSaid(
                actor,
                Action.CHANGE_CREATED,
                change,
                first,
                AuditMessage.of(
                        "audit.details.CHANGE_CREATED",
                        String.valueOf(draft.type()),
                        String.valueOf(change.getEffectiveRisk())));
        return view(change);
    }

    /**
     * A new revision of request {@code id}, made of {@code draft} (the type and topology stay),
     * refused unless {@code seen} is the current revision ({@code If-Match}). A change of the
     * content voids every approval of the request: the next round starts from this revision.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public ChangeView revise(long id, int seen, ChangeDraft draft) {
        ChangeRequest change = locked(id, seen);
        allow(change, ChangeAction.EDIT);
        String actor = CurrentUser.actor();
        Instant now = clock.instant();
        ChangeRevision before = current(change);
        Proposal proposal = proposal(change.getTopologyId(), draft);
        int number = change.getCurrentRevision() + 1;
        ChangeRevision next = revisions.saveAndFlush(new ChangeRevision(
                id, number, proposal.base(), proposal.content(), title(draft), justification(draft), actor, now));
        boolean material = !next.getContentHash().equals(before.getContentHash());
        change.assess(
                proposal.risk().computed(),
                draft.declaredRisk(),
                RiskAssessor.write(proposal.risk().reasons()));
        // A raised declared risk may need more approvers than the round has: a new round too.
        if (!material && change.getState() == ChangeState.APPROVED && !enough(change, now)) {
            material = true;
        }
        int voided = material ? counting(change).size() : 0;
        next.belongsTo(material ? null : before.getApprovalRound());
        change.revised(number, next.getApprovalRound(), actor, now);
        changes.saveAndFlush(change);
        publishSaid(
                actor,
                Action.CHANGE_REVISED,
                change,
                next,
                AuditMessage.of(
                        material ? "audit.details.CHANGE_REVISED.content" : "audit.details.CHANGE_REVISED.description",
                        String.valueOf(change.getEffectiveRisk())));
        if (voided > 0) {
            publishSaid(
                    actor,
                    Action.CHANGE_APPROVALS_VOIDED,
                    change,
                    next,
                    AuditMessage.of(
                            "audit.details.CHANGE_APPROVALS_VOIDED",
                            voided,
                            before.getNumber(),
                            String.valueOf(before.getContentHash())));
        }
        return view(change);
    }

    @Transactional(readOnly = true)
    public Slice<ChangeSummary> list(ChangeState state, Long topologyId, String requester, Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "id"));
        return changes.search(state, topologyId, blankToNull(requester), sorted).map(this::summary);
    }

    @Transactional(readOnly = true)
    public ChangeView change(long id) {
        return view(changes.findById(id).orElseThrow(() -> notFound(id)));
    }

    @Transactional(readOnly = true)
    public RevisionView revision(long id, int number) {
        changes.findById(id).orElseThrow(() -> notFound(id));
        List<ChangeRevision> all = revisions.findByChangeIdOrderByNumberAsc(id);
        return all.stream()
                .filter(revision -> revision.getNumber() == number)
                .findFirst()
                .map(revision -> revisionView(revision, all))
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "change_revision_not_found", id, number));
    }

    /** Every revision, oldest first. */
    @Transactional(readOnly = true)
    public List<RevisionView> revisions(long id) {
        changes.findById(id).orElseThrow(() -> notFound(id));
        List<ChangeRevision> all = revisions.findByChangeIdOrderByNumberAsc(id);
        return all.stream().map(revision -> revisionView(revision, all)).toList();
    }

    /**
     * Submits a draft. Its window must lie inside the pools' maintenance windows and outside every
     * freeze; conflicts are shown, not refused, until the start. A STANDARD change whose diff leaves
     * its template is refused as STANDARD; one inside it is approved by its template.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public ChangeView submit(long id, int seen) {
        ChangeRequest change = locked(id, seen);
        String actor = allow(change, ChangeAction.SUBMIT);
        ChangeRevision revision = current(change);
        // An emergency may be planned into a freeze; it starts there only on a second approver's override (C-12).
        calendar.planRefusal(
                        revision.pools(),
                        revision.getWindowStart(),
                        revision.getWindowEnd(),
                        change.getType() != ChangeType.EMERGENCY)
                .ifPresent(refusal -> {
                    throw refusal;
                });
        Instant now = clock.instant();
        if (change.getType() == ChangeType.STANDARD) {
            TemplateEntity template = template(change.getTemplateId());
            List<TopologyDiff.Change> diff = topologies.compare(
                    change.getTopologyId(), revision.getBaseVersion(), revision.getTopologyVersion());
            Optional<TopologyDiff.Change> outside = diff.isEmpty()
                    ? Optional.of(new TopologyDiff.Change("$", null, null))
                    : TemplateCheck.outside(TemplateCheck.read(template.getFields()), diff);
            if (outside.isPresent()) {
                throw new PortalException(
                        Kind.CONFLICT,
                        "change_outside_template",
                        template.getName(),
                        outside.get().path());
            }
            change.submit(actor, now);
            change.approved(actor, now);
        } else {
            approvals.checkSatisfiable(change.approvalKind(), change.getRequestedBy());
            change.submit(actor, now);
        }
        changes.saveAndFlush(change);
        List<String> conflicts = conflicts(change, revision);
        publishSaid(
                actor,
                Action.CHANGE_SUBMITTED,
                change,
                revision,
                conflicts.isEmpty()
                        ? AuditMessage.of("audit.details.CHANGE_SUBMITTED", String.valueOf(change.approvalKind()))
                        : AuditMessage.of(
                                "audit.details.CHANGE_SUBMITTED.conflicts",
                                String.valueOf(change.approvalKind()),
                                conflicts.toString()));
        return view(change);
    }

    /**
     * Approves the current revision. Once the round's approvals satisfy the policy of the
     * request's kind (one for an emergency), it is APPROVED; an approval of an emergency after its
     * start is its ratification.
     */
    @PreAuthorize("hasRole('APPROVER')")
    public ChangeView approve(long id, int seen, String comment) {
        ChangeRequest change = locked(id, seen);
        String actor = allow(change, ChangeAction.APPROVE);
        ChangeRevision revision = current(change);
        approvals.approve(round(change), change.approvalKind(), change.getRequestedBy(), comment);
        Instant now = clock.instant();
        change.decided(actor, now);
        if (change.getState() == ChangeState.SUBMITTED && enough(change, now)) {
            change.approved(actor, now);
        }
        changes.saveAndFlush(change);
        publishSaid(
                actor,
                Action.CHANGE_APPROVED,
                change,
                revision,
                comment == null ? null : AuditMessage.of("audit.details.change.comment", comment));
        return view(change);
    }

    @PreAuthorize("hasRole('APPROVER')")
    public ChangeView reject(long id, int seen, String comment) {
        ChangeRequest change = locked(id, seen);
        String actor = allow(change, ChangeAction.REJECT);
        approvals.reject(round(change), change.approvalKind(), change.getRequestedBy(), comment);
        change.reject(actor, clock.instant());
        changes.saveAndFlush(change);
        publishSaid(
                actor,
                Action.CHANGE_REJECTED,
                change,
                current(change),
                AuditMessage.of("audit.details.change.comment", String.valueOf(comment)));
        return view(change);
    }

    @PreAuthorize("hasRole('OPERATOR')")
    public ChangeView cancel(long id, int seen, String reason) {
        ChangeRequest change = locked(id, seen);
        String actor = allow(change, ChangeAction.CANCEL);
        String why = TypedText.required(reason, MAX_COMMENT, "change_reason_required");
        change.cancel(actor, clock.instant());
        changes.saveAndFlush(change);
        publish(actor, Action.CHANGE_CANCELLED, change, current(change), why);
        return view(change);
    }

    /**
     * Starts the implementation: only with the approvals of the current round, inside the approved
     * window, outside every freeze of its pools and with nothing else on them (C-3, C-5 … C-8).
     * The approvals it goes ahead on can no longer be withdrawn.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    public ChangeView start(long id, int seen) {
        ChangeRequest change = locked(id, seen);
        String actor = allow(change, ChangeAction.START);
        approvals.seal(round(change));
        Instant now = clock.instant();
        change.start(actor, now);
        changes.saveAndFlush(change);
        ChangeRevision revision = current(change);
        List<ChangeRunEntity> planned = planRuns(change, revision, now);
        publishSaid(
                actor,
                Action.CHANGE_STARTED,
                change,
                revision,
                planned.isEmpty()
                        ? AuditMessage.of("audit.details.CHANGE_STARTED.none")
                        : AuditMessage.of(
                                "audit.details.CHANGE_STARTED",
                                planned.stream()
                                        .map(run -> AuditMessage.of(
                                                "audit.details.change.run-on", run.getProcedure(), run.getPool()))
                                        .reduce((a, b) -> AuditMessage.of("audit.details.change.and", a, b))
                                        .orElseThrow()));
        createWaitingRuns(change, revision);
        return view(change);
    }

    /**
     * An approver who is not the implementer lets the change's configuration runs go on until
     * {@code until} (an ISO date-time, with an offset or local to the change's zone), with a reason
     * (C-11): past the window's end the step under way finishes and the next one is refused without it.
     */
    @PreAuthorize("hasRole('APPROVER')")
    public ChangeView extend(long id, int seen, String until, String reason) {
        ChangeRequest change = locked(id, seen);
        String actor = allow(change, ChangeAction.EXTEND);
        String why = TypedText.required(reason, MAX_COMMENT, "change_reason_required");
        ChangeRevision revision = current(change);
        Instant to = instant(until, zone(revision.getTimeZone()));
        Instant end = facts(change).effectiveEnd();
        if (!to.isAfter(end)) {
            throw new PortalException(Kind.INVALID, "change_extension_not_later", end.toString());
        }
        Instant now = clock.instant();
        extensions.saveAndFlush(new ExtensionEntity(id, to, why, actor, now));
        change.extended(actor, now);
        changes.saveAndFlush(change);
        publishSaid(
                actor,
                Action.CHANGE_WINDOW_EXTENDED,
                change,
                revision,
                AuditMessage.of("audit.details.CHANGE_WINDOW_EXTENDED", String.valueOf(to), String.valueOf(end), why));
        return view(change);
    }

    /**
     * A second approver lets an emergency start inside a freeze, with a reason (C-12): not the
     * requester, an author, nor an approver of its current round. A material edit voids it with the
     * round's approvals; it shows on the change and in its review.
     */
    @PreAuthorize("hasRole('APPROVER')")
    public ChangeView overrideFreeze(long id, int seen, String reason) {
        ChangeRequest change = locked(id, seen);
        String actor = allow(change, ChangeAction.OVERRIDE_FREEZE);
        String why = TypedText.required(reason, MAX_COMMENT, "change_reason_required");
        ChangeRulebook.Facts facts = facts(change);
        change.overrideFreeze(why, actor, clock.instant());
        changes.saveAndFlush(change);
        List<String> frozen = new ArrayList<>(facts.freezesInWindow());
        facts.freezesNow().stream().filter(each -> !frozen.contains(each)).forEach(frozen::add);
        publishSaid(
                actor,
                Action.CHANGE_FREEZE_OVERRIDDEN,
                change,
                current(change),
                AuditMessage.of("audit.details.CHANGE_FREEZE_OVERRIDDEN", frozen.toString(), why));
        return view(change);
    }

    /**
     * What changed in request {@code id} since revision {@code number}: each field of the content
     * that differs, topology fields as {@code topology.<path>} between the two proposed versions.
     */
    @Transactional(readOnly = true)
    public List<TopologyDiff.Change> changesSince(long id, int number) {
        ChangeRequest change = changes.findById(id).orElseThrow(() -> notFound(id));
        ChangeRevision then = revisions
                .findByChangeIdAndNumber(id, number)
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "change_revision_not_found", id, number));
        return changesBetween(change, then, current(change));
    }

    /**
     * The change request behind configuration run {@code runId}, if any, for the run module
     * ({@link RunSponsor}): its current round's approvals stand for the run's (one suffices before
     * an emergency's ratification; a STANDARD change's template is its approval).
     */
    @Transactional(readOnly = true)
    public Optional<RunSponsor.Sponsorship> runSponsorship(long runId) {
        return runLinks.findByRunId(runId)
                .flatMap(link -> changes.findById(link.getChangeId()))
                .map(change -> {
                    ChangeRevision revision = current(change);
                    SubjectApprovals round = roundApprovals(change);
                    ApprovalPolicy policy = round.policy();
                    int required = switch (change.getType()) {
                        case STANDARD -> 0;
                        case EMERGENCY -> 1;
                        case NORMAL -> policy.requiredApprovers();
                    };
                    return new RunSponsor.Sponsorship(
                            "change request " + change.getId() + ", revision " + revision.getNumber() + " ("
                                    + revision.getContentHash() + ")",
                            new SubjectApprovals(
                                    round.kind(),
                                    new ApprovalPolicy(
                                            required,
                                            policy.executorMayApprove(),
                                            policy.validity(),
                                            policy.ratificationWindow(),
                                            false),
                                    round.decisions()));
                });
    }

    /**
     * C-11 and C-7 before step {@code number} of a change's configuration run: refused once the
     * window (and its last extension) has ended, inside a freeze not overridden, or when the change
     * is no longer being implemented. A run no change stands behind passes.
     */
    @Transactional(readOnly = true)
    public void checkRunStep(long runId, int number) {
        Optional<ChangeRunEntity> link = runLinks.findByRunId(runId);
        if (link.isEmpty()) {
            return;
        }
        ChangeRequest change = changes.findById(link.get().getChangeId()).orElseThrow();
        ChangeRulebook.step(change, facts(change), clock.instant()).ifPresent(refusal -> {
            throw refusal.rule().exception(refusal.arguments().toArray());
        });
    }

    /**
     * A configuration run of a change ended: the change's next run waiting for that pool is created
     * now, in a transaction of its own once the run's end is committed.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void runEnded(long runId) {
        runLinks.findByRunId(runId)
                .flatMap(link -> changes.findById(link.getChangeId()))
                .filter(change -> change.getState() == ChangeState.IMPLEMENTING)
                .ifPresent(change -> createWaitingRuns(change, current(change)));
    }

    /** Ends the implementation with its outcome; the review is then due (mandatory: C-10). */
    @PreAuthorize("hasRole('OPERATOR')")
    public ChangeView complete(long id, int seen, Outcome outcome, String note) {
        if (outcome == null) {
            throw new PortalException(Kind.INVALID, "change_outcome_required");
        }
        ChangeRequest change = locked(id, seen);
        String actor = allow(change, ChangeAction.COMPLETE);
        String why = TypedText.optional(note, MAX_COMMENT);
        change.complete(outcome, actor, clock.instant());
        changes.saveAndFlush(change);
        publish(actor, Action.CHANGE_COMPLETED, change, current(change), outcome + (why == null ? "" : ": " + why));
        return view(change);
    }

    /** Signs the post-implementation review: by someone who took no part (C-4). */
    @PreAuthorize("hasRole('APPROVER')")
    public ChangeView review(long id, int seen, String text) {
        ChangeRequest change = locked(id, seen);
        String actor = allow(change, ChangeAction.REVIEW);
        String review = TypedText.required(text, MAX_PLAN, "change_review_required_text");
        change.review(draftReview(change) + "\n\n" + review, actor, clock.instant());
        changes.saveAndFlush(change);
        publish(actor, Action.CHANGE_REVIEWED, change, current(change), null);
        return view(change);
    }

    @PreAuthorize("hasRole('OPERATOR')")
    public ChangeView close(long id, int seen) {
        ChangeRequest change = locked(id, seen);
        String actor = allow(change, ChangeAction.CLOSE);
        change.close(actor, clock.instant());
        changes.saveAndFlush(change);
        publish(actor, Action.CHANGE_CLOSED, change, current(change), null);
        return view(change);
    }

    /**
     * Change control's gate on publishing (issue 13): replacing a published version needs an
     * approved (or implementing) request for that exact version, by hash, whose window is open.
     */
    @Transactional(readOnly = true)
    public void checkPublication(long topologyId, int number, String sha256) {
        Instant now = clock.instant();
        boolean covered = changes
                .findByTopologyIdAndStateIn(topologyId, List.of(ChangeState.APPROVED, ChangeState.IMPLEMENTING))
                .stream()
                .map(this::current)
                .anyMatch(revision -> revision.getTopologySha256().equals(sha256)
                        && !now.isBefore(revision.getWindowStart())
                        && now.isBefore(revision.getWindowEnd()));
        if (!covered) {
            throw new PortalException(Kind.CONFLICT, "change_request_required", topologyId, number);
        }
    }

    /** Requests the signed-in user may decide on or review now, for the approvals inbox. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('APPROVER')")
    public List<ChangeView> waitingOnMe() {
        List<ChangeView> waiting = new ArrayList<>();
        Set<ChangeState> states = Set.of(
                ChangeState.SUBMITTED,
                ChangeState.IMPLEMENTING,
                ChangeState.IMPLEMENTED,
                ChangeState.FAILED,
                ChangeState.BACKED_OUT);
        for (ChangeRequest change : changes.findByStateIn(states)) {
            ChangeView view = view(change);
            if (view.actions().contains(ChangeAction.APPROVE.path())
                    || (view.reviewDue() && view.actions().contains(ChangeAction.REVIEW.path()))) {
                waiting.add(view);
            }
        }
        return waiting;
    }

    /** Mandatory reviews still unsigned a week after the end, oldest first: on everyone's home page. */
    @Transactional(readOnly = true)
    public List<ChangeSummary> overdueReviews() {
        Instant due = clock.instant().minus(REVIEW_OVERDUE);
        return changes
                .findByStateIn(List.of(ChangeState.IMPLEMENTED, ChangeState.FAILED, ChangeState.BACKED_OUT))
                .stream()
                .filter(change -> change.isReviewDue() && change.getEndedAt().isBefore(due))
                .sorted(java.util.Comparator.comparing(ChangeRequest::getEndedAt))
                .map(this::summary)
                .toList();
    }

    /**
     * Standard-change templates: an ADMIN writes one, lines {@code path-pattern|min|max}, and so
     * pre-approves it as the ADMIN; an APPROVER's approval makes it usable.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public long createTemplate(String name, String fields) {
        String title = TypedText.required(name, MAX_TITLE, "change_template_name_required");
        String lines = TypedText.required(fields, MAX_PLAN, "change_template_fields_required");
        try {
            TemplateCheck.read(lines);
        } catch (IllegalArgumentException e) {
            throw new PortalException(Kind.INVALID, "change_template_fields_invalid", e.getMessage());
        }
        String actor = CurrentUser.actor();
        TemplateEntity saved = templates.saveAndFlush(new TemplateEntity(title, lines, actor, clock.instant()));
        events.publishEvent(new ChangeEvent(
                actor,
                Action.CHANGE_TEMPLATE_CREATED,
                0,
                0,
                null,
                null,
                AuditMessage.of("audit.details.change.template", saved.getId(), title)));
        return saved.getId();
    }

    /** Every standard-change template, oldest first: anyone signed in reads them. */
    @Transactional(readOnly = true)
    public List<ChangeTemplate> templates() {
        return templates.findAll(Sort.by("id")).stream()
                .map(template -> new ChangeTemplate(
                        template.getId(),
                        template.getName(),
                        template.getFields(),
                        template.getCreatedBy(),
                        template.getApproverApprovedBy()))
                .toList();
    }

    /**
     * Pre-approves a template as an APPROVER: with the ADMIN who wrote it, two people have vouched
     * for it and STANDARD changes may use it.
     */
    @PreAuthorize("hasRole('APPROVER')")
    public void approveTemplate(long id) {
        TemplateEntity template = templates
                .findById(id)
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "change_template_not_found", id));
        String actor = CurrentUser.actor();
        if (actor.equals(template.getCreatedBy()) || template.getApproverApprovedBy() != null) {
            throw new PortalException(Kind.CONFLICT, "change_template_already_approved", actor);
        }
        template.approveAsApprover(actor);
        templates.saveAndFlush(template);
        events.publishEvent(new ChangeEvent(
                actor,
                Action.CHANGE_TEMPLATE_APPROVED,
                0,
                0,
                null,
                null,
                AuditMessage.of("audit.details.change.template", id, template.getName())));
    }

    private TemplateEntity template(Long id) {
        if (id == null) {
            throw new PortalException(Kind.INVALID, "change_template_required");
        }
        TemplateEntity template = templates
                .findById(id)
                .orElseThrow(() -> new PortalException(Kind.NOT_FOUND, "change_template_not_found", id));
        if (!template.usable()) {
            throw new PortalException(Kind.CONFLICT, "change_template_not_approved", template.getName());
        }
        return template;
    }

    /** What the proposed version changes against the published one, and the content to hash. */
    private record Proposal(int base, Content content, Risk risk) {}

    private Proposal proposal(long topologyId, ChangeDraft draft) {
        if (draft.topologyVersion() == null) {
            throw new PortalException(Kind.INVALID, "change_version_required");
        }
        TopologyVersion published;
        try {
            published = topologies.published(topologyId);
        } catch (PortalException e) {
            // Nothing is live yet: the first publication needs no change request.
            throw new PortalException(Kind.CONFLICT, "change_topology_not_published", topologyId);
        }
        TopologyVersion proposed = topologies.version(topologyId, draft.topologyVersion());
        if (proposed.number() == published.number()) {
            throw new PortalException(Kind.CONFLICT, "change_version_is_published", proposed.number());
        }
        List<TopologyDiff.Change> diff = topologies.compare(topologyId, published.number(), proposed.number());
        ZoneId zone = zone(draft.timeZone());
        Instant start = instant(draft.windowStart(), zone);
        Instant end = instant(draft.windowEnd(), zone);
        if (!start.isBefore(end)) {
            throw new PortalException(Kind.INVALID, "change_range_invalid");
        }
        Content content = new Content(
                proposed.number(),
                proposed.sha256(),
                TypedText.optional(draft.implementationPlan(), MAX_PLAN),
                TypedText.optional(draft.backoutPlan(), MAX_PLAN),
                TypedText.optional(draft.testPlan(), MAX_PLAN),
                start,
                end,
                zone.getId(),
                pools(diff, published.topology(), proposed.topology()));
        return new Proposal(published.number(), content, RiskAssessor.assess(diff, draft.declaredRisk()));
    }

    /**
     * The pools a diff touches: those whose own fields changed; every pool of either version when
     * something outside the pools changed (sites and SQL instances serve them all).
     */
    static List<String> pools(List<TopologyDiff.Change> diff, Topology before, Topology after) {
        Set<String> pools = new LinkedHashSet<>();
        for (TopologyDiff.Change change : diff) {
            Matcher matcher = POOL_PATH.matcher(change.path());
            if (matcher.find()) {
                int index = Integer.parseInt(matcher.group(1));
                Topology side = change.after() == null ? before : after;
                if (index < side.pools().size()) {
                    pools.add(side.pools().get(index).fqdn());
                }
            } else {
                before.pools().forEach(pool -> pools.add(pool.fqdn()));
                after.pools().forEach(pool -> pools.add(pool.fqdn()));
            }
        }
        return new ArrayList<>(pools);
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            throw new PortalException(Kind.INVALID, "change_time_zone_invalid", String.valueOf(timeZone));
        }
    }

    /** An ISO date-time with an offset, or local to {@code zone}. */
    private static Instant instant(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new PortalException(Kind.INVALID, "change_window_required");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new PortalException(Kind.INVALID, "change_window_invalid", text);
            }
        }
    }

    private static String title(ChangeDraft draft) {
        return TypedText.required(draft.title(), MAX_TITLE, "change_title_required");
    }

    private static String justification(ChangeDraft draft) {
        return TypedText.optional(draft.justification(), MAX_JUSTIFICATION);
    }

    private ChangeRequest locked(long id, int seen) {
        ChangeRequest change = changes.lock(id).orElseThrow(() -> notFound(id));
        if (change.getCurrentRevision() != seen) {
            throw new PortalException(
                    Kind.CONFLICT,
                    "change_stale",
                    id,
                    seen,
                    change.getCurrentRevision(),
                    change.getChangedBy(),
                    change.getChangedAt().toString(),
                    change.getState());
        }
        return change;
    }

    /** Asks the rulebook; the signed-in user when it allows, the rule's refusal otherwise. */
    private String allow(ChangeRequest change, ChangeAction action) {
        ChangeRulebook.Actor actor = actor();
        ChangeRulebook.check(change, actor, roundApprovals(change), facts(change), clock.instant(), action)
                .ifPresent(refusal -> {
                    throw refusal.rule().exception(refusal.arguments().toArray());
                });
        return actor.name();
    }

    private static ChangeRulebook.Actor actor() {
        return new ChangeRulebook.Actor(CurrentUser.actor(), CurrentUser.roles());
    }

    private ChangeRulebook.Facts facts(ChangeRequest change) {
        List<ChangeRevision> all = revisions.findByChangeIdOrderByNumberAsc(change.getId());
        ChangeRevision revision = all.getLast();
        Set<String> authors = new HashSet<>();
        all.forEach(each -> authors.add(each.getAuthor()));
        Set<String> approvedAnyRound = new HashSet<>();
        all.stream()
                .map(ChangeRevision::getApprovalRound)
                .distinct()
                .forEach(round -> approvals.decisions(new Subject(SUBJECT_TYPE, round)).stream()
                        .filter(decision ->
                                decision.decision() == Approval.Decision.APPROVED && !decision.isWithdrawn())
                        .forEach(decision -> approvedAnyRound.add(decision.approver())));
        Instant extendedTo = extensions.findByChangeIdOrderByIdAsc(change.getId()).stream()
                .map(ExtensionEntity::getExtendedTo)
                .max(Instant::compareTo)
                .orElse(null);
        return new ChangeRulebook.Facts(
                authors,
                approvedAnyRound,
                revision.getWindowStart(),
                revision.getWindowEnd(),
                extendedTo,
                calendar.freezesAt(revision.pools(), clock.instant()),
                calendar.freezesOverlapping(revision.pools(), revision.getWindowStart(), revision.getWindowEnd()),
                conflicts(change, revision));
    }

    /** Other requests whose window overlaps on one of the pools, and runs active on them. */
    private List<String> conflicts(ChangeRequest change, ChangeRevision revision) {
        List<String> conflicts = new ArrayList<>();
        for (ChangeRequest other : changes.findByTopologyIdAndStateIn(change.getTopologyId(), ChangeState.PLANNED)) {
            if (other.getId().equals(change.getId())) {
                continue;
            }
            ChangeRevision theirs = current(other);
            boolean overlaps = theirs.getWindowStart().isBefore(revision.getWindowEnd())
                    && revision.getWindowStart().isBefore(theirs.getWindowEnd());
            theirs.pools().stream()
                    .filter(pool -> overlaps && revision.pools().stream().anyMatch(pool::equalsIgnoreCase))
                    .findFirst()
                    .ifPresent(pool -> conflicts.add("change " + other.getId() + " (" + pool + ")"));
        }
        Set<Long> own = new HashSet<>();
        runLinks.findByChangeIdOrderByIdAsc(change.getId()).forEach(link -> own.add(link.getRunId()));
        for (String pool : revision.pools()) {
            runs.activeRunOn(change.getTopologyId(), pool)
                    .filter(run -> !own.contains(run))
                    .ifPresent(run -> conflicts.add("run " + run + " (" + pool + ")"));
        }
        return conflicts;
    }

    private Subject round(ChangeRequest change) {
        return new Subject(SUBJECT_TYPE, change.getApprovalRound());
    }

    private SubjectApprovals roundApprovals(ChangeRequest change) {
        return approvals.approvals(round(change), change.approvalKind());
    }

    private List<Approval> counting(ChangeRequest change) {
        return roundApprovals(change).statusFor(null, clock.instant()).valid();
    }

    /** The round's approvals suffice: one for an emergency before its start, the policy's otherwise. */
    private boolean enough(ChangeRequest change, Instant now) {
        var status = roundApprovals(change).statusFor(null, now);
        return switch (change.getType()) {
            case STANDARD -> true;
            case EMERGENCY -> !status.rejected() && !status.valid().isEmpty();
            case NORMAL -> status.satisfied();
        };
    }

    /** The procedures each kind of field calls for, in the order tried; the first that applies is run. */
    private static final List<java.util.Map.Entry<Pattern, List<String>>> CONFIGURED_BY = List.of(
            java.util.Map.entry(
                    Pattern.compile("^pools\\[(\\d+)]\\.mirroring(\\..*)?$"), List.of("configure-mirroring")),
            java.util.Map.entry(
                    Pattern.compile("^pools\\[(\\d+)]\\.logShipping(\\..*)?$"),
                    List.of("configure-log-shipping", "configure-log-shipping-from-mirror")));

    /**
     * The configuration runs the diff calls for, saved as waiting: per pool, the procedures of the
     * fields it changes (mirroring, log shipping) that apply to the proposed version, in the order
     * an operator meets them, each with its first applicable variant.
     */
    private List<ChangeRunEntity> planRuns(ChangeRequest change, ChangeRevision revision, Instant now) {
        TopologyVersion proposed = topologies.version(change.getTopologyId(), revision.getTopologyVersion());
        java.util.Map<String, Set<String>> wanted = new java.util.LinkedHashMap<>();
        for (TopologyDiff.Change each :
                topologies.compare(change.getTopologyId(), revision.getBaseVersion(), revision.getTopologyVersion())) {
            for (var entry : CONFIGURED_BY) {
                Matcher matcher = entry.getKey().matcher(each.path());
                int index = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
                if (index >= 0 && index < proposed.topology().pools().size()) {
                    wanted.computeIfAbsent(
                                    proposed.topology().pools().get(index).fqdn(), pool -> new LinkedHashSet<>())
                            .addAll(entry.getValue());
                }
            }
        }
        List<ChangeRunEntity> planned = new ArrayList<>();
        wanted.forEach((pool, names) -> {
            Set<String> covered = new HashSet<>();
            for (Procedures.Applicable applicable :
                    procedures.applicable(change.getTopologyId(), pool, revision.getTopologyVersion())) {
                if (!names.contains(applicable.procedure())) {
                    continue;
                }
                // One log-shipping procedure per pool: the plain one or the one from the mirror.
                String family = applicable.procedure().startsWith("configure-log-shipping")
                        ? "configure-log-shipping"
                        : applicable.procedure();
                if (covered.add(family)) {
                    planned.add(runLinks.saveAndFlush(new ChangeRunEntity(
                            change.getId(),
                            pool,
                            applicable.procedure(),
                            applicable.variants().isEmpty()
                                    ? null
                                    : applicable.variants().getFirst(),
                            now)));
                }
            }
        });
        return planned;
    }

    /**
     * Creates the change's waiting configuration runs whose pool no earlier run of it still holds,
     * on the proposed version, approved by the change (no second approval round).
     */
    private void createWaitingRuns(ChangeRequest change, ChangeRevision revision) {
        List<ChangeRunEntity> links = runLinks.findByChangeIdOrderByIdAsc(change.getId());
        Set<String> busy = new HashSet<>();
        for (ChangeRunEntity link : links) {
            if (link.getRunId() != null && !runs.run(link.getRunId()).state().isFinished()) {
                busy.add(link.getPool().toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (ChangeRunEntity link : links) {
            if (link.getRunId() != null || !busy.add(link.getPool().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            RunView run = runs.request(
                    new RunRequest(
                            change.getTopologyId(),
                            link.getPool(),
                            link.getProcedure(),
                            link.getVariant(),
                            RunKind.CONFIGURATION,
                            "Change request " + change.getId() + ": " + revision.getTitle(),
                            null),
                    revision.getTopologyVersion(),
                    LocaleContextHolder.getLocale());
            link.created(run.id());
            runLinks.saveAndFlush(link);
            runs.approveAsSponsored(run.id(), run.version());
            publishSaid(
                    CurrentUser.actor(),
                    Action.CHANGE_RUN_CREATED,
                    change,
                    revision,
                    AuditMessage.of(
                            "audit.details.CHANGE_RUN_CREATED",
                            run.id(),
                            AuditMessage.of("audit.details.change.run-on", link.getProcedure(), link.getPool()),
                            String.valueOf(revision.getTopologyVersion())));
        }
    }

    /** Each content field that differs from {@code then} to {@code now}, topology fields prefixed. */
    private List<TopologyDiff.Change> changesBetween(ChangeRequest change, ChangeRevision then, ChangeRevision now) {
        List<TopologyDiff.Change> changed = new ArrayList<>();
        if (then.getTopologyVersion() != now.getTopologyVersion()) {
            changed.add(new TopologyDiff.Change(
                    "topologyVersion",
                    String.valueOf(then.getTopologyVersion()),
                    String.valueOf(now.getTopologyVersion())));
            topologies
                    .compare(change.getTopologyId(), then.getTopologyVersion(), now.getTopologyVersion())
                    .forEach(each -> changed.add(
                            new TopologyDiff.Change("topology." + each.path(), each.before(), each.after())));
        }
        field(changed, "implementationPlan", then.getImplementationPlan(), now.getImplementationPlan());
        field(changed, "backoutPlan", then.getBackoutPlan(), now.getBackoutPlan());
        field(changed, "testPlan", then.getTestPlan(), now.getTestPlan());
        field(changed, "windowStart", String.valueOf(then.getWindowStart()), String.valueOf(now.getWindowStart()));
        field(changed, "windowEnd", String.valueOf(then.getWindowEnd()), String.valueOf(now.getWindowEnd()));
        field(changed, "timeZone", then.getTimeZone(), now.getTimeZone());
        field(changed, "pools", String.join(", ", then.pools()), String.join(", ", now.pools()));
        return changed;
    }

    private static void field(List<TopologyDiff.Change> changed, String name, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            changed.add(new TopologyDiff.Change(name, before, after));
        }
    }

    /**
     * When a material edit voided approvals: the last revision of the latest earlier round that had
     * any, and what changed since, so its approvers see what they are asked to approve again.
     */
    private ChangeView.SinceApproved sinceApproved(ChangeRequest change, List<ChangeRevision> all) {
        ChangeRevision latest = all.getLast();
        ChangeRevision approved = null;
        for (ChangeRevision each : all) {
            if (!each.getApprovalRound().equals(change.getApprovalRound())
                    && !approvals
                            .decisions(new Subject(SUBJECT_TYPE, each.getApprovalRound()))
                            .isEmpty()) {
                approved = each;
            }
        }
        return approved == null
                ? null
                : new ChangeView.SinceApproved(approved.getNumber(), changesBetween(change, approved, latest));
    }

    private List<ChangeView.ConfigurationRun> configurationRuns(ChangeRequest change) {
        List<ChangeView.ConfigurationRun> list = new ArrayList<>();
        for (ChangeRunEntity link : runLinks.findByChangeIdOrderByIdAsc(change.getId())) {
            RunView run = link.getRunId() == null ? null : runs.run(link.getRunId());
            list.add(new ChangeView.ConfigurationRun(
                    link.getPool(),
                    link.getProcedure(),
                    link.getVariant(),
                    link.getRunId(),
                    run == null ? null : run.state(),
                    run == null ? null : run.startedAt(),
                    run == null ? null : run.endedAt()));
        }
        return list;
    }

    private List<ChangeView.Extension> extensionsOf(ChangeRequest change) {
        return extensions.findByChangeIdOrderByIdAsc(change.getId()).stream()
                .map(each -> new ChangeView.Extension(
                        each.getExtendedTo(), each.getReason(), each.getGrantedBy(), each.getGrantedAt()))
                .toList();
    }

    private ChangeRevision current(ChangeRequest change) {
        return revisions
                .findByChangeIdAndNumber(change.getId(), change.getCurrentRevision())
                .orElseThrow(() -> new IllegalStateException("change " + change.getId() + " lost its revision"));
    }

    /**
     * What the portal drafts for the review: the planned and the actual window with every extension
     * and freeze override, the outcome, each configuration run's step timings and every deviation
     * (skips, retries, failures, a run that did not complete); the reviewer adds their findings.
     */
    private String draftReview(ChangeRequest change) {
        ChangeRevision revision = current(change);
        StringBuilder text = new StringBuilder();
        text.append("Planned window: ")
                .append(revision.getWindowStart())
                .append(" .. ")
                .append(revision.getWindowEnd())
                .append(" (")
                .append(revision.getTimeZone())
                .append(")\n");
        Instant end = revision.getWindowEnd();
        for (ChangeView.Extension extension : extensionsOf(change)) {
            text.append("Window extended to ")
                    .append(extension.until())
                    .append(" by ")
                    .append(extension.grantedBy())
                    .append(" at ")
                    .append(extension.grantedAt())
                    .append(": ")
                    .append(extension.reason())
                    .append('\n');
            end = extension.until().isAfter(end) ? extension.until() : end;
        }
        if (change.isFreezeOverridden()) {
            text.append("Freeze overridden by ")
                    .append(change.getFreezeOverrideBy())
                    .append(" at ")
                    .append(change.getFreezeOverrideAt())
                    .append(": ")
                    .append(change.getFreezeOverrideReason())
                    .append('\n');
        }
        text.append("Actual: ")
                .append(change.getStartedAt())
                .append(" .. ")
                .append(change.getEndedAt())
                .append(
                        change.getEndedAt() != null && change.getEndedAt().isAfter(revision.getWindowEnd())
                                ? " (ran past the window" + (end.isAfter(revision.getWindowEnd()) ? ", extended" : "")
                                        + ")"
                                : "")
                .append("\nImplemented by: ")
                .append(change.getStartedBy())
                .append("\nOutcome: ")
                .append(change.getOutcome());
        List<String> deviations = new ArrayList<>();
        List<ChangeRunEntity> links = runLinks.findByChangeIdOrderByIdAsc(change.getId());
        if (!links.isEmpty()) {
            text.append("\nConfiguration runs:");
        }
        for (ChangeRunEntity link : links) {
            if (link.getRunId() == null) {
                text.append("\n- ")
                        .append(link.getProcedure())
                        .append(" on ")
                        .append(link.getPool())
                        .append(": never created");
                deviations.add(link.getProcedure() + " on " + link.getPool() + " was never run");
                continue;
            }
            RunView run = runs.run(link.getRunId());
            text.append("\n- run ")
                    .append(run.id())
                    .append(' ')
                    .append(run.procedure())
                    .append(" on ")
                    .append(run.pool())
                    .append(": ")
                    .append(run.state())
                    .append(", ")
                    .append(run.startedAt())
                    .append(" .. ")
                    .append(run.endedAt());
            if (run.state() != RunState.COMPLETED) {
                deviations.add("run " + run.id() + " ended " + run.state()
                        + (run.endReason() == null ? "" : ": " + run.endReason()));
            }
            for (RunView.Step step : run.steps()) {
                text.append("\n  step ")
                        .append(step.number())
                        .append(' ')
                        .append(step.title())
                        .append(": ")
                        .append(step.state())
                        .append(step.durationSeconds() == null ? "" : ", " + step.durationSeconds() + " s")
                        .append(step.startedAt() == null ? "" : ", " + step.startedAt() + " .. " + step.endedAt());
                String where = "run " + run.id() + " step " + step.number();
                if (step.attempts() > 1) {
                    deviations.add(where + ": " + step.attempts() + " attempts (retried)");
                }
                if (step.failureReason() != null) {
                    deviations.add(where + ": failed: " + step.failureReason());
                }
                if (step.state() == StepState.SKIPPED) {
                    deviations.add(
                            where + ": skipped: " + step.skipReason() + " (allowed by " + step.skipApprovedBy() + ")");
                }
            }
        }
        if (!extensionsOf(change).isEmpty()) {
            deviations.add("window extended " + extensionsOf(change).size() + " time(s)");
        }
        if (change.isFreezeOverridden()) {
            deviations.add("started inside a freeze on an override");
        }
        text.append("\nDeviations:");
        if (deviations.isEmpty()) {
            text.append(" none");
        }
        deviations.forEach(deviation -> text.append("\n- ").append(deviation));
        return text.toString();
    }

    private ChangeView view(ChangeRequest change) {
        Instant now = clock.instant();
        List<ChangeRevision> all = revisions.findByChangeIdOrderByNumberAsc(change.getId());
        ChangeRevision revision = all.getLast();
        SubjectApprovals round = roundApprovals(change);
        ChangeRulebook.Facts facts = facts(change);
        List<String> actions = CurrentUser.username().isPresent()
                ? ChangeRulebook.judge(change, actor(), round, facts, now).allowed()
                : List.of();
        List<ChangeView.RoundApprovals> rounds = new ArrayList<>();
        for (ChangeRevision each : all) {
            if (each.getId().equals(each.getApprovalRound())) {
                rounds.add(new ChangeView.RoundApprovals(
                        each.getNumber(),
                        each.getContentHash(),
                        each.getId().equals(change.getApprovalRound()),
                        approvals.decisions(new Subject(SUBJECT_TYPE, each.getId()))));
            }
        }
        String topologyName = topologies.summary(change.getTopologyId()).name();
        List<TopologyDiff.Change> diff =
                topologies.compare(change.getTopologyId(), revision.getBaseVersion(), revision.getTopologyVersion());
        ChangeView.Review review = change.getState().ended() || change.getReviewBy() != null
                ? new ChangeView.Review(
                        change.getReviewText() == null ? draftReview(change) : null,
                        change.getReviewText(),
                        change.getReviewBy(),
                        change.getReviewAt())
                : null;
        return new ChangeView(
                change.getId(),
                change.getType(),
                change.getState(),
                change.getTopologyId(),
                topologyName,
                change.getTemplateId(),
                revision.getNumber(),
                revision.getContentHash(),
                revisionView(revision, all),
                diff,
                new Risk(
                        change.getComputedRisk(),
                        change.getDeclaredRisk(),
                        change.getEffectiveRisk(),
                        RiskAssessor.read(change.getRiskReasons())),
                change.approvalKind(),
                round.policy().requiredApprovers(),
                rounds,
                ChangeRulebook.ratified(change, round, now),
                facts.conflicts(),
                change.getRequestedBy(),
                change.getRequestedAt(),
                change.getStartedBy(),
                change.getStartedAt(),
                change.getEndedBy(),
                change.getEndedAt(),
                change.getOutcome(),
                change.isReviewDue(),
                review,
                change.getChangedBy(),
                change.getChangedAt(),
                actions,
                configurationRuns(change),
                extensionsOf(change),
                change.isFreezeOverridden()
                        ? new ChangeView.FreezeOverride(
                                change.getFreezeOverrideBy(),
                                change.getFreezeOverrideAt(),
                                change.getFreezeOverrideReason())
                        : null,
                sinceApproved(change, all));
    }

    private static RevisionView revisionView(ChangeRevision revision, List<ChangeRevision> all) {
        int round = all.stream()
                .filter(each -> each.getId().equals(revision.getApprovalRound()))
                .mapToInt(ChangeRevision::getNumber)
                .findFirst()
                .orElse(revision.getNumber());
        return new RevisionView(
                revision.getNumber(),
                revision.getTitle(),
                revision.getJustification(),
                revision.getTopologyVersion(),
                revision.getTopologySha256(),
                revision.getImplementationPlan(),
                revision.getBackoutPlan(),
                revision.getTestPlan(),
                revision.getWindowStart(),
                revision.getWindowEnd(),
                revision.getTimeZone(),
                revision.pools(),
                revision.getContentHash(),
                round,
                revision.getAuthor(),
                revision.getCreatedAt());
    }

    private ChangeSummary summary(ChangeRequest change) {
        ChangeRevision revision = current(change);
        return new ChangeSummary(
                change.getId(),
                revision.getTitle(),
                change.getType(),
                change.getState(),
                change.getEffectiveRisk(),
                change.getTopologyId(),
                revision.getNumber(),
                revision.getWindowStart(),
                revision.getWindowEnd(),
                change.getRequestedBy(),
                change.getChangedAt());
    }

    private void publish(String actor, Action action, ChangeRequest change, ChangeRevision revision, String details) {
        events.publishEvent(new ChangeEvent(
                actor, action, change.getId(), revision.getNumber(), revision.getContentHash(), details));
    }

    /**
     * Details in words, shown in each reader's language (issue 12); their English is the text
     * stored, word for word as before (numbers as {@code {n,number,#}} or text, instants as text).
     */
    private void publishSaid(
            String actor, Action action, ChangeRequest change, ChangeRevision revision, AuditMessage said) {
        events.publishEvent(new ChangeEvent(
                actor, action, change.getId(), revision.getNumber(), revision.getContentHash(), null, said));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static PortalException notFound(long id) {
        return new PortalException(Kind.NOT_FOUND, "change_not_found", id);
    }
}
