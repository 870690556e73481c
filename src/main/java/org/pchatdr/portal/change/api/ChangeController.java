package org.pchatdr.portal.change.api;

import java.net.URI;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.api.ApiPages;
import org.pchatdr.portal.change.ChangeAction;
import org.pchatdr.portal.change.ChangeDraft;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeState;
import org.pchatdr.portal.change.ChangeSummary;
import org.pchatdr.portal.change.ChangeView;
import org.pchatdr.portal.change.Outcome;
import org.pchatdr.portal.change.RevisionView;
import org.pchatdr.portal.topology.TopologyDiff;
import org.springframework.data.domain.Slice;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Change requests over HTTP (issue 13). Every change names the revision the caller saw
 * ({@code {"revision": n}}, or {@code If-Match} on {@code PUT}): 409 with who changed it and when
 * otherwise; 403 with the rule when a role or separation of duties forbids it. Every answer about a
 * request carries the caller's allowed {@code actions}, and its revision as the {@code ETag}.
 */
@RestController
@RequestMapping("/api/v1/change-requests")
record ChangeController(ChangeService changes) {

    /** The body of every action: the revision seen, and what the action needs of the rest. */
    record ActionJson(
            Integer revision, String comment, String reason, Outcome outcome, String note, String text, String until) {

        int seen() {
            if (revision == null) {
                throw new PortalException(Kind.INVALID, "change_revision_required");
            }
            return revision;
        }
    }

    @PostMapping
    ResponseEntity<ChangeView> create(@RequestBody ChangeDraft body) {
        ChangeView change = changes.create(body);
        return tagged(ResponseEntity.created(URI.create("/api/v1/change-requests/" + change.id())), change);
    }

    @PutMapping("/{id}")
    ResponseEntity<ChangeView> revise(
            @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ChangeDraft body) {
        return tagged(ResponseEntity.ok(), changes.revise(id, revision(ifMatch), body));
    }

    @GetMapping
    Slice<ChangeSummary> list(
            @RequestParam(required = false) ChangeState state,
            @RequestParam(required = false) Long topologyId,
            @RequestParam(required = false) String requester,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return changes.list(state, topologyId, requester, ApiPages.of(page, size, 200));
    }

    @GetMapping("/{id}")
    ResponseEntity<ChangeView> change(@PathVariable long id) {
        return tagged(ResponseEntity.ok(), changes.change(id));
    }

    @GetMapping("/{id}/revisions/{number}")
    RevisionView revision(@PathVariable long id, @PathVariable int number) {
        return changes.revision(id, number);
    }

    /**
     * Every action but the edit, named as {@link ChangeAction#path()}. C-11's {@code extend} takes
     * {@code {"revision": n, "until": "2026-12-03T12:00:00Z", "reason": "…"}}, by an approver not the
     * implementer; C-12's {@code override-freeze}, {@code {"revision": n, "reason": "…"}}, lets a second
     * approver start an emergency inside a freeze.
     */
    @PostMapping("/{id}/{action:submit|approve|reject|cancel|start|complete|review|close|extend|override-freeze}")
    ResponseEntity<ChangeView> act(@PathVariable long id, @PathVariable String action, @RequestBody ActionJson body) {
        ChangeView change = switch (ChangeAction.of(action)) {
            case SUBMIT -> changes.submit(id, body.seen());
            case APPROVE -> changes.approve(id, body.seen(), body.comment());
            case REJECT -> changes.reject(id, body.seen(), body.comment());
            case CANCEL -> changes.cancel(id, body.seen(), body.reason());
            case START -> changes.start(id, body.seen());
            case COMPLETE -> changes.complete(id, body.seen(), body.outcome(), body.note());
            case REVIEW -> changes.review(id, body.seen(), body.text());
            case CLOSE -> changes.close(id, body.seen());
            case EXTEND -> changes.extend(id, body.seen(), body.until(), body.reason());
            case OVERRIDE_FREEZE -> changes.overrideFreeze(id, body.seen(), body.reason());
            case EDIT -> throw new IllegalArgumentException(action);
        };
        return tagged(ResponseEntity.ok(), change);
    }

    /** What changed in the request since revision {@code number}, field by field. */
    @GetMapping("/{id}/revisions/{number}/changes")
    java.util.List<TopologyDiff.Change> changesSince(@PathVariable long id, @PathVariable int number) {
        return changes.changesSince(id, number);
    }

    /** {@code If-Match: "3"} (or {@code 3}): the revision the caller edits from. */
    private static int revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PortalException(Kind.INVALID, "change_if_match_required");
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new PortalException(Kind.INVALID, "change_if_match_required");
        }
    }

    private static ResponseEntity<ChangeView> tagged(ResponseEntity.BodyBuilder builder, ChangeView change) {
        return builder.eTag("\"" + change.revision() + "\"").body(change);
    }
}
