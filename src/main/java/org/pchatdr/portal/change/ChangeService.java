package org.pchatdr.portal.change;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.ApprovalService;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.TypedText;
import org.pchatdr.portal.change.ChangeEvent.Action;
import org.pchatdr.portal.change.internal.ChangeRequest;
import org.pchatdr.portal.change.internal.ChangeRequestRepository;
import org.pchatdr.portal.change.internal.ChangeRevision;
import org.pchatdr.portal.change.internal.ChangeRevisionRepository;
import org.pchatdr.portal.change.internal.ChangeRulebook;
import org.pchatdr.portal.change.internal.ChangeRunEntity;
import org.pchatdr.portal.change.internal.ExtensionEntity;
import org.pchatdr.portal.change.internal.ExtensionRepository;
import org.pchatdr.portal.change.internal.RiskAssessor;
import org.pchatdr.portal.change.internal.TemplateCheck;
import org.pchatdr.portal.change.internal.TemplateEntity;
import org.pchatdr.portal.change.internal.TemplateRepository;
import org.pchatdr.portal.run.RunSponsor;
import org.pchatdr.portal.topology.TopologyDiff;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.context.ApplicationEventPublisher;
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
 *
 * <p>This class keeps the transitions, the transactions and who may call what; the reads are
 * {@link ChangeQueries}', the views {@link ChangeViews}', the configuration runs {@link
 * ChangeRuns}' and the reading of a draft {@link ChangeProposals}' (split by job as the run
 * module is, decision 016).
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ChangeService {

    static final String SUBJECT_TYPE = "change";

    /** A mandatory review not signed a week after the implementation ended is overdue (C-10). */
    public static final Duration REVIEW_OVERDUE = Duration.ofDays(7);

    /** The longest comment or reason people may type. */
    public static final int MAX_COMMENT = 1000;

    private final ChangeRequestRepository changes;
    private final ChangeRevisionRepository revisions;
    private final TemplateRepository templates;
    private final ExtensionRepository extensions;
    private final ChangeCalendarService calendar;
    private final TopologyService topologies;
    private final ApprovalService approvals;
    private final ChangeRecords records;
    private final ChangeQueries queries;
    private final ChangeViews views;
    private final ChangeRuns runs;
    private final ChangeProposals proposals;
    private final ChangeReviewDraft reviewDraft;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeService(
            ChangeRequestRepository changes,
            ChangeRevisionRepository revisions,
            TemplateRepository templates,
            ExtensionRepository extensions,
            ChangeCalendarService calendar,
            TopologyService topologies,
            ApprovalService approvals,
            ChangeRecords records,
            ChangeQueries queries,
            ChangeViews views,
            ChangeRuns runs,
            ChangeProposals proposals,
            ChangeReviewDraft reviewDraft,
            ApplicationEventPublisher events,
            Clock clock) {
        this.changes = changes;
        this.revisions = revisions;
        this.templates = templates;
        this.extensions = extensions;
        this.calendar = calendar;
        this.topologies = topologies;
        this.approvals = approvals;
        this.records = records;
        this.queries = queries;
        this.views = views;
        this.runs = runs;
        this.proposals = proposals;
        this.reviewDraft = reviewDraft;
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
        ChangeProposals.Proposal proposal = proposals.proposal(draft.topologyId(), draft);
        ChangeRequest change = changes.saveAndFlush(new ChangeRequest(
                draft.type(),
                draft.topologyId(),
                draft.type() == ChangeType.STANDARD ? draft.templateId() : null,
                actor,
                now));
        ChangeRevision first = revision(change.getId(), 1, proposal, draft, actor, now);
        first.belongsTo(null);
        change.firstRevision(first.getId());
        assess(change, proposal, draft);
        changes.saveAndFlush(change);
        records.publish(
                actor,
                Action.CHANGE_CREATED,
                change,
                first,
                AuditMessage.of(
                        "audit.details.CHANGE_CREATED",
                        String.valueOf(draft.type()),
                        String.valueOf(change.getEffectiveRisk())));
        return views.view(change);
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
        ChangeRevision before = records.current(change);
        ChangeProposals.Proposal proposal = proposals.proposal(change.getTopologyId(), draft);
        int number = change.getCurrentRevision() + 1;
        ChangeRevision next = revision(id, number, proposal, draft, actor, now);
        boolean material = !next.getContentHash().equals(before.getContentHash());
        assess(change, proposal, draft);
        // A raised declared risk may need more approvers than the round has: a new round too.
        if (!material && change.getState() == ChangeState.APPROVED && !records.enough(change, now)) {
            material = true;
        }
        int voided = material
                ? records.roundApprovals(change).statusFor(null, now).valid().size()
                : 0;
        next.belongsTo(material ? null : before.getApprovalRound());
        change.revised(number, next.getApprovalRound(), actor, now);
        changes.saveAndFlush(change);
        records.publish(
                actor,
                Action.CHANGE_REVISED,
                change,
                next,
                AuditMessage.of(
                        material ? "audit.details.CHANGE_REVISED.content" : "audit.details.CHANGE_REVISED.description",
                        String.valueOf(change.getEffectiveRisk())));
        if (voided > 0) {
            records.publish(
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
        return views.view(change);
    }

    @Transactional(readOnly = true)
    public Slice<ChangeSummary> list(ChangeState state, Long topologyId, String requester, Pageable pageable) {
        return queries.list(state, topologyId, requester, pageable);
    }

    @Transactional(readOnly = true)
    public ChangeView change(long id) {
        return queries.change(id);
    }

    @Transactional(readOnly = true)
    public RevisionView revision(long id, int number) {
        return queries.revision(id, number);
    }

    /** Every revision, oldest first. */
    @Transactional(readOnly = true)
    public List<RevisionView> revisions(long id) {
        return queries.revisions(id);
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
        ChangeRevision revision = records.current(change);
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
            approvals.checkSatisfiable(
                    change.approvalKind(), change.getRequested().by());
            change.submit(actor, now);
        }
        changes.saveAndFlush(change);
        List<String> conflicts = records.conflicts(change, revision);
        records.publish(
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
        return views.view(change);
    }

    /**
     * Approves the current revision. Once the round's approvals satisfy the policy of the
     * request's kind (one for an emergency), it is APPROVED; an approval of an emergency after its
     * start is its ratification.
     */
    @PreAuthorize("hasRole('APPROVER')")
    public ChangeView approve(long id, int seen, String comment) {
        return transition(id, seen, ChangeAction.APPROVE, Action.CHANGE_APPROVED, (change, actor, now) -> {
            decide(change, approvals::approve, comment);
            change.decided(actor, now);
            if (change.getState() == ChangeState.SUBMITTED && records.enough(change, now)) {
                change.approved(actor, now);
            }
            return comment == null ? null : AuditMessage.of("audit.details.change.comment", comment);
        });
    }

    @PreAuthorize("hasRole('APPROVER')")
    public ChangeView reject(long id, int seen, String comment) {
        return transition(id, seen, ChangeAction.REJECT, Action.CHANGE_REJECTED, (change, actor, now) -> {
            decide(change, approvals::reject, comment);
            change.reject(actor, now);
            return AuditMessage.of("audit.details.change.comment", String.valueOf(comment));
        });
    }

    @PreAuthorize("hasRole('OPERATOR')")
    public ChangeView cancel(long id, int seen, String reason) {
        return transition(id, seen, ChangeAction.CANCEL, Action.CHANGE_CANCELLED, (change, actor, now) -> {
            String why = reason(reason);
            change.cancel(actor, now);
            return why;
        });
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
        approvals.seal(records.round(change));
        Instant now = clock.instant();
        change.start(actor, now);
        changes.saveAndFlush(change);
        ChangeRevision revision = records.current(change);
        List<ChangeRunEntity> planned = runs.plan(change, revision, now);
        records.publish(
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
        runs.createWaiting(change, revision);
        return views.view(change);
    }

    /**
     * An approver who is not the implementer lets the change's configuration runs go on until
     * {@code until} (an ISO date-time, with an offset or local to the change's zone), with a reason
     * (C-11): past the window's end the step under way finishes and the next one is refused without it.
     */
    @PreAuthorize("hasRole('APPROVER')")
    public ChangeView extend(long id, int seen, String until, String reason) {
        return transition(id, seen, ChangeAction.EXTEND, Action.CHANGE_WINDOW_EXTENDED, (change, actor, now) -> {
            String why = reason(reason);
            Instant to = ChangeProposals.instant(
                    until, ChangeProposals.zone(records.current(change).getTimeZone()));
            Instant end = records.facts(change).effectiveEnd();
            if (!to.isAfter(end)) {
                throw new PortalException(Kind.INVALID, "change_extension_not_later", PortalTime.format(end));
            }
            extensions.saveAndFlush(new ExtensionEntity(id, to, why, actor, now));
            change.extended(actor, now);
            return AuditMessage.of(
                    "audit.details.CHANGE_WINDOW_EXTENDED", String.valueOf(to), String.valueOf(end), why);
        });
    }

    /**
     * A second approver lets an emergency start inside a freeze, with a reason (C-12): not the
     * requester, an author, nor an approver of its current round. A material edit voids it with the
     * round's approvals; it shows on the change and in its review.
     */
    @PreAuthorize("hasRole('APPROVER')")
    public ChangeView overrideFreeze(long id, int seen, String reason) {
        return transition(
                id, seen, ChangeAction.OVERRIDE_FREEZE, Action.CHANGE_FREEZE_OVERRIDDEN, (change, actor, now) -> {
                    String why = reason(reason);
                    ChangeRulebook.Facts facts = records.facts(change);
                    change.overrideFreeze(why, actor, now);
                    List<String> frozen = new ArrayList<>(facts.freezesInWindow());
                    facts.freezesNow().stream()
                            .filter(each -> !frozen.contains(each))
                            .forEach(frozen::add);
                    return AuditMessage.of("audit.details.CHANGE_FREEZE_OVERRIDDEN", frozen.toString(), why);
                });
    }

    /**
     * What changed in request {@code id} since revision {@code number}: each field of the content
     * that differs, topology fields as {@code topology.<path>} between the two proposed versions.
     */
    @Transactional(readOnly = true)
    public List<TopologyDiff.Change> changesSince(long id, int number) {
        return queries.changesSince(id, number);
    }

    /**
     * The change request behind configuration run {@code runId}, if any, for the run module
     * ({@link RunSponsor}): its current round's approvals stand for the run's (one suffices before
     * an emergency's ratification; a STANDARD change's template is its approval).
     */
    @Transactional(readOnly = true)
    public Optional<RunSponsor.Sponsorship> runSponsorship(long runId) {
        return runs.sponsorship(runId);
    }

    /**
     * C-11 and C-7 before step {@code number} of a change's configuration run: refused once the
     * window (and its last extension) has ended, inside a freeze not overridden, or when the change
     * is no longer being implemented. A run no change stands behind passes.
     */
    @Transactional(readOnly = true)
    public void checkRunStep(long runId, int number) {
        runs.checkStep(runId, number);
    }

    /**
     * A configuration run of a change ended: the change's next run waiting for that pool is created
     * now, in a transaction of its own once the run's end is committed.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void runEnded(long runId) {
        runs.ended(runId);
    }

    /** Ends the implementation with its outcome; the review is then due (mandatory: C-10). */
    @PreAuthorize("hasRole('OPERATOR')")
    public ChangeView complete(long id, int seen, Outcome outcome, String note) {
        if (outcome == null) {
            throw new PortalException(Kind.INVALID, "change_outcome_required");
        }
        return transition(id, seen, ChangeAction.COMPLETE, Action.CHANGE_COMPLETED, (change, actor, now) -> {
            String why = TypedText.optional(note, MAX_COMMENT);
            change.complete(outcome, actor, now);
            return outcome + (why == null ? "" : ": " + why);
        });
    }

    /** Signs the post-implementation review: by someone who took no part (C-4). */
    @PreAuthorize("hasRole('APPROVER')")
    public ChangeView review(long id, int seen, String text) {
        return transition(id, seen, ChangeAction.REVIEW, Action.CHANGE_REVIEWED, (change, actor, now) -> {
            String review = TypedText.required(text, ChangeProposals.MAX_PLAN, "change_review_required_text");
            change.review(reviewDraft.draft(change) + "\n\n" + review, actor, now);
            return null;
        });
    }

    @PreAuthorize("hasRole('OPERATOR')")
    public ChangeView close(long id, int seen) {
        return transition(id, seen, ChangeAction.CLOSE, Action.CHANGE_CLOSED, (change, actor, now) -> {
            change.close(actor, now);
            return null;
        });
    }

    /**
     * Change control's gate on publishing (issue 13): replacing a published version needs an
     * approved (or implementing) request for that exact version, by hash, whose window is open.
     */
    @Transactional(readOnly = true)
    public void checkPublication(long topologyId, int number, String sha256) {
        queries.checkPublication(topologyId, number, sha256);
    }

    /** Requests the signed-in user may decide on or review now, for the approvals inbox. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('APPROVER')")
    public List<ChangeView> waitingOnMe() {
        return queries.waitingOnMe();
    }

    /** Mandatory reviews still unsigned a week after the end, oldest first: on everyone's home page. */
    @Transactional(readOnly = true)
    public List<ChangeSummary> overdueReviews() {
        return queries.overdueReviews();
    }

    /**
     * Standard-change templates: an ADMIN writes one, lines {@code path-pattern|min|max}, and so
     * pre-approves it as the ADMIN; an APPROVER's approval makes it usable.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public long createTemplate(String name, String fields) {
        String title = TypedText.required(name, ChangeProposals.MAX_TITLE, "change_template_name_required");
        String lines = TypedText.required(fields, ChangeProposals.MAX_PLAN, "change_template_fields_required");
        try {
            TemplateCheck.read(lines);
        } catch (IllegalArgumentException e) {
            throw new PortalException(Kind.INVALID, "change_template_fields_invalid", e.getMessage());
        }
        String actor = CurrentUser.actor();
        TemplateEntity saved = templates.saveAndFlush(new TemplateEntity(title, lines, actor, clock.instant()));
        events.publishEvent(ChangeEvent.ofControl(
                actor,
                Action.CHANGE_TEMPLATE_CREATED,
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
                        template.getCreated().by(),
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
        if (actor.equals(template.getCreated().by()) || template.getApproverApprovedBy() != null) {
            throw new PortalException(Kind.CONFLICT, "change_template_already_approved", actor);
        }
        template.approveAsApprover(actor);
        templates.saveAndFlush(template);
        events.publishEvent(ChangeEvent.ofControl(
                actor,
                Action.CHANGE_TEMPLATE_APPROVED,
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

    /**
     * The request, locked for this transaction, when {@code seen} is its current revision. A caller
     * who saw an older one is told who changed it, when and what it now is (409, as runs do).
     */
    private ChangeRequest locked(long id, int seen) {
        ChangeRequest change = changes.lock(id).orElseThrow(() -> ChangeQueries.notFound(id));
        if (change.getCurrentRevision() != seen) {
            throw new PortalException(
                    Kind.CONFLICT,
                    "change_stale",
                    id,
                    seen,
                    change.getCurrentRevision(),
                    change.getChanged().by(),
                    // When and in what state as people read them, in their language (as runs say it).
                    PortalTime.format(change.getChanged().at()),
                    ChangeRulebook.state(change.getState()));
        }
        return change;
    }

    /** Revision {@code number} of request {@code changeId}, made of {@code draft} as proposed, saved. */
    private ChangeRevision revision(
            long changeId,
            int number,
            ChangeProposals.Proposal proposal,
            ChangeDraft draft,
            String actor,
            Instant now) {
        return revisions.saveAndFlush(new ChangeRevision(
                changeId,
                number,
                proposal.base(),
                proposal.content(),
                ChangeProposals.title(draft),
                ChangeProposals.justification(draft),
                actor,
                now));
    }

    /** The request's risk: computed from what {@code draft} proposes, and as the draft declares it. */
    private static void assess(ChangeRequest change, ChangeProposals.Proposal proposal, ChangeDraft draft) {
        change.assess(
                proposal.risk().computed(),
                draft.declaredRisk(),
                RiskAssessor.write(proposal.risk().reasons()));
    }

    /** What a transition of a request adds to its revision on the audit trail. */
    @FunctionalInterface
    private interface Transition {

        /**
         * Changes {@code change} for {@code actor} at {@code now}, or refuses; answers the details the
         * trail records: English text, an {@link AuditMessage} each reader sees in their language, or
         * {@code null} for none.
         */
        Object apply(ChangeRequest change, String actor, Instant now);
    }

    /**
     * A transition of request {@code id}: refused unless {@code seen} is its current revision and the
     * rulebook lets the signed-in user do {@code action}; then {@code transition} changes it, and it is
     * saved and audited as {@code audited}.
     */
    private ChangeView transition(long id, int seen, ChangeAction action, Action audited, Transition transition) {
        ChangeRequest change = locked(id, seen);
        String actor = allow(change, action);
        Object details = transition.apply(change, actor, clock.instant());
        changes.saveAndFlush(change);
        ChangeRevision revision = records.current(change);
        switch (details) {
            case null -> records.publish(actor, audited, change, revision);
            case AuditMessage said -> records.publish(actor, audited, change, revision, said);
            case String text -> records.publish(actor, audited, change, revision, text);
            default -> throw new IllegalArgumentException("audit details of " + audited + ": " + details);
        }
        return views.view(change);
    }

    /** {@link ApprovalService#approve} or {@link ApprovalService#reject}: a decision on a round. */
    @FunctionalInterface
    private interface Decision {
        Approval on(Subject round, String kind, String requester, String comment);
    }

    /** The signed-in approver's {@code decision} on the current round of {@code change}. */
    private void decide(ChangeRequest change, Decision decision, String comment) {
        decision.on(
                records.round(change),
                change.approvalKind(),
                change.getRequested().by(),
                comment);
    }

    /** The reason a cancellation, an extension or a freeze override must give. */
    private static String reason(String reason) {
        return TypedText.required(reason, MAX_COMMENT, "change_reason_required");
    }

    /** Asks the rulebook; the signed-in user when it allows, the rule's refusal otherwise. */
    private String allow(ChangeRequest change, ChangeAction action) {
        ChangeRulebook.Actor actor = ChangeRecords.actor();
        ChangeRulebook.check(
                        change, actor, records.roundApprovals(change), records.facts(change), clock.instant(), action)
                .ifPresent(refusal -> {
                    throw refusal.rule().exception(refusal.arguments().toArray());
                });
        return actor.name();
    }
}
