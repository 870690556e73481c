package org.pchatdr.portal.change;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.TypedText;
import org.pchatdr.portal.change.internal.ChangeRequest;
import org.pchatdr.portal.change.internal.ChangeRequestRepository;
import org.pchatdr.portal.change.internal.ChangeRevision;
import org.pchatdr.portal.change.internal.ChangeRevisionRepository;
import org.pchatdr.portal.topology.TopologyDiff;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The queries of change control: lists, one request, its revisions and what changed between them,
 * the approvals inbox, overdue reviews and the publication gate's question. Reached only through
 * {@link ChangeService}, whose methods carry the security annotations and the transactions.
 */
@Component
record ChangeQueries(
        ChangeRequestRepository changes,
        ChangeRevisionRepository revisions,
        ChangeRecords records,
        ChangeViews views,
        Clock clock) {

    Slice<ChangeSummary> list(ChangeState state, Long topologyId, String requester, Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "id"));
        return changes.search(state, topologyId, TypedText.blankToNull(requester), sorted)
                .map(views::summary);
    }

    ChangeView change(long id) {
        return views.view(request(id));
    }

    RevisionView revision(long id, int number) {
        request(id);
        List<ChangeRevision> all = revisions.findByChangeIdOrderByNumberAsc(id);
        return all.stream()
                .filter(revision -> revision.getNumber() == number)
                .findFirst()
                .map(revision -> ChangeViews.revision(revision, all))
                .orElseThrow(() -> revisionNotFound(id, number));
    }

    List<RevisionView> revisions(long id) {
        request(id);
        List<ChangeRevision> all = revisions.findByChangeIdOrderByNumberAsc(id);
        return all.stream().map(revision -> ChangeViews.revision(revision, all)).toList();
    }

    List<TopologyDiff.Change> changesSince(long id, int number) {
        ChangeRequest change = request(id);
        ChangeRevision then =
                revisions.findByChangeIdAndNumber(id, number).orElseThrow(() -> revisionNotFound(id, number));
        return views.changesBetween(change, then, records.current(change));
    }

    /**
     * Whether an approved (or implementing) request for that exact version, by hash, has its window
     * open now: change control's gate on replacing a published version.
     */
    void checkPublication(long topologyId, int number, String sha256) {
        Instant now = clock.instant();
        boolean covered = changes
                .findByTopologyIdAndStateIn(topologyId, List.of(ChangeState.APPROVED, ChangeState.IMPLEMENTING))
                .stream()
                .map(records::current)
                .anyMatch(revision -> revision.content().topologySha256().equals(sha256)
                        && !now.isBefore(revision.getWindowStart())
                        && now.isBefore(revision.getWindowEnd()));
        if (!covered) {
            throw new PortalException(Kind.CONFLICT, "change_request_required", topologyId, number);
        }
    }

    /** Requests the signed-in approver may decide on or review now, as their actions say. */
    List<ChangeView> waitingOnMe() {
        List<ChangeView> waiting = new ArrayList<>();
        Set<ChangeState> states = Set.of(
                ChangeState.SUBMITTED,
                ChangeState.IMPLEMENTING,
                ChangeState.IMPLEMENTED,
                ChangeState.FAILED,
                ChangeState.BACKED_OUT);
        for (ChangeRequest change : changes.findByStateIn(states)) {
            ChangeView view = views.view(change);
            if (view.actions().contains(ChangeAction.APPROVE.path())
                    || (view.reviewDue() && view.actions().contains(ChangeAction.REVIEW.path()))) {
                waiting.add(view);
            }
        }
        return waiting;
    }

    /** Mandatory reviews still unsigned {@link ChangeService#REVIEW_OVERDUE} after the end, oldest first. */
    List<ChangeSummary> overdueReviews() {
        Instant due = clock.instant().minus(ChangeService.REVIEW_OVERDUE);
        return changes
                .findByStateIn(List.of(ChangeState.IMPLEMENTED, ChangeState.FAILED, ChangeState.BACKED_OUT))
                .stream()
                .filter(change -> change.isReviewDue() && change.getEnded().at().isBefore(due))
                .sorted(Comparator.comparing(change -> change.getEnded().at()))
                .map(views::summary)
                .toList();
    }

    ChangeRequest request(long id) {
        return changes.findById(id).orElseThrow(() -> notFound(id));
    }

    static PortalException notFound(long id) {
        return new PortalException(Kind.NOT_FOUND, "change_not_found", id);
    }

    private static PortalException revisionNotFound(long id, int number) {
        return new PortalException(Kind.NOT_FOUND, "change_revision_not_found", id, number);
    }
}
