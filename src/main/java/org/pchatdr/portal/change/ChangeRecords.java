package org.pchatdr.portal.change;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.approval.ApprovalService;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.approval.SubjectApprovals;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.change.ChangeEvent.Action;
import org.pchatdr.portal.change.internal.ChangeRequest;
import org.pchatdr.portal.change.internal.ChangeRequestRepository;
import org.pchatdr.portal.change.internal.ChangeRevision;
import org.pchatdr.portal.change.internal.ChangeRevisionRepository;
import org.pchatdr.portal.change.internal.ChangeRulebook;
import org.pchatdr.portal.change.internal.ChangeRunRepository;
import org.pchatdr.portal.change.internal.ExtensionEntity;
import org.pchatdr.portal.change.internal.ExtensionRepository;
import org.pchatdr.portal.run.RunService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every part of change control reads about one request: its current revision, its approval
 * round and the decisions given to it, the facts {@link ChangeRulebook} weighs (authors, approvers
 * of any round, window and extensions, freezes, conflicts), and its events for the audit trail.
 * Reached only through {@link ChangeService}, which keeps the transactions and says who may ask.
 */
@Component
record ChangeRecords(
        ChangeRequestRepository changes,
        ChangeRevisionRepository revisions,
        ChangeCalendarService calendar,
        ApprovalService approvals,
        RunService runs,
        ChangeRunRepository runLinks,
        ExtensionRepository extensions,
        ApplicationEventPublisher events,
        Clock clock) {

    /** The signed-in user as the rulebook weighs them. */
    static ChangeRulebook.Actor actor() {
        return new ChangeRulebook.Actor(CurrentUser.actor(), CurrentUser.roles());
    }

    ChangeRevision current(ChangeRequest change) {
        return revisions
                .findByChangeIdAndNumber(change.getId(), change.getCurrentRevision())
                .orElseThrow(() -> new IllegalStateException("change " + change.getId() + " lost its revision"));
    }

    /** The approval engine's subject of the request's current round (decision 019). */
    Subject round(ChangeRequest change) {
        return new Subject(ChangeService.SUBJECT_TYPE, change.getApprovalRound());
    }

    SubjectApprovals roundApprovals(ChangeRequest change) {
        return approvals.approvals(round(change), change.approvalKind());
    }

    /** Every decision given to the round whose id is {@code round}, voided ones included. */
    List<Approval> decisions(long round) {
        return approvals.decisions(new Subject(ChangeService.SUBJECT_TYPE, round));
    }

    /** The round's approvals suffice: one for an emergency before its start, the policy's otherwise. */
    boolean enough(ChangeRequest change, Instant now) {
        var status = roundApprovals(change).statusFor(null, now);
        return switch (change.getType()) {
            case STANDARD -> true;
            case EMERGENCY -> !status.rejected() && !status.valid().isEmpty();
            case NORMAL -> status.satisfied();
        };
    }

    /** What the rulebook weighs besides the request and its round, as of now. */
    ChangeRulebook.Facts facts(ChangeRequest change) {
        List<ChangeRevision> all = revisions.findByChangeIdOrderByNumberAsc(change.getId());
        ChangeRevision revision = all.getLast();
        Set<String> authors = new HashSet<>();
        all.forEach(each -> authors.add(each.getAuthor()));
        Set<String> approvedAnyRound = new HashSet<>();
        all.stream()
                .map(ChangeRevision::getApprovalRound)
                .distinct()
                .forEach(round -> decisions(round).stream()
                        .filter(decision ->
                                decision.decision() == Approval.Decision.APPROVED && !decision.isWithdrawn())
                        .forEach(decision -> approvedAnyRound.add(decision.approver())));
        Instant extendedTo = extensions.findByChangeIdOrderByIdAsc(change.getId()).stream()
                .map(each -> each.view().until())
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

    /**
     * C-8: other requests whose window overlaps on one of the pools, and runs active on them other
     * than the request's own configuration runs.
     */
    List<String> conflicts(ChangeRequest change, ChangeRevision revision) {
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

    /** The extensions of the request's window (C-11), oldest first. */
    List<ChangeView.Extension> extensions(ChangeRequest change) {
        return extensions.findByChangeIdOrderByIdAsc(change.getId()).stream()
                .map(ExtensionEntity::view)
                .toList();
    }

    /** An event of the request on the audit trail, with the revision and hash it concerns. */
    void publish(String actor, Action action, ChangeRequest change, ChangeRevision revision, String details) {
        events.publishEvent(new ChangeEvent(
                actor, action, change.getId(), revision.getNumber(), revision.getContentHash(), details));
    }

    /** An event of the request that needs no details beyond its revision and hash. */
    void publish(String actor, Action action, ChangeRequest change, ChangeRevision revision) {
        publish(actor, action, change, revision, (String) null);
    }

    /**
     * As {@link #publish(String, Action, ChangeRequest, ChangeRevision, String)}, with details in
     * words shown in each reader's language (issue 12); their English is the text stored, word for
     * word as before ({@code null}: no details).
     */
    void publish(String actor, Action action, ChangeRequest change, ChangeRevision revision, AuditMessage said) {
        events.publishEvent(new ChangeEvent(
                actor, action, change.getId(), revision.getNumber(), revision.getContentHash(), null, said));
    }
}
