package org.pchatdr.portal.run.api;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.api.ApiPages;
import org.pchatdr.portal.procedure.ProcedureJson;
import org.pchatdr.portal.run.InboxItem;
import org.pchatdr.portal.run.RunAction;
import org.pchatdr.portal.run.RunFilter;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunSummary;
import org.pchatdr.portal.run.RunView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs for chat-ops and service desks. Every change carries the {@code version} of the run the
 * caller last saw: 409 when someone changed it since, 403 with the rule when a role or four eyes
 * forbids it, 422 for bad input, 404 for an unknown run or step.
 */
@RestController
@RequestMapping("/api/v1/runs")
record RunController(RunService runs) {

    /** The body of every change: the version seen, and what the change needs of the rest. */
    record ChangeJson(
            Long version,
            String comment,
            String reason,
            String note,
            String output,
            Long approvalId,
            String lastLogBackup,
            String lastLogBackupAt,
            String primaryLostAt) {

        long seen() {
            if (version == null) {
                throw new PortalException(Kind.INVALID, "run_version_required");
            }
            return version;
        }
    }

    @PostMapping
    ResponseEntity<RunView> request(@RequestBody RunRequest body, Locale locale) {
        RunView run = runs.request(body, locale);
        return ResponseEntity.created(URI.create("/api/v1/runs/" + run.id())).body(run);
    }

    /** Runs, newest first; {@code from} and {@code to} (excluded) bound the request time. */
    @GetMapping
    List<RunSummary> list(
            @RequestParam(required = false) String pool,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String requester,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        RunFilter filter = new RunFilter(
                pool,
                named(RunKind.class, kind, "run_kind_unknown"),
                named(RunState.class, state, "run_state_unknown"),
                requester,
                instant(from),
                instant(to));
        return runs.list(filter, ApiPages.of(page, size, 500)).getContent();
    }

    /** What waits on the signed-in approver. */
    @GetMapping("/inbox")
    List<InboxItem> inbox() {
        return runs.inbox();
    }

    /** Emergency starts whose ratification is overdue. */
    @GetMapping("/overdue-ratifications")
    List<RunSummary> overdueRatifications() {
        return runs.overdueRatifications();
    }

    /** The run, its steps titled in the caller's language ({@code Accept-Language}). */
    @GetMapping("/{id}")
    RunView run(@PathVariable long id, Locale locale) {
        return runs.run(id, locale);
    }

    /**
     * The procedure frozen into the run at request time, as procedure JSON in the caller's language
     * ({@code Accept-Language}); a run frozen before every language was kept answers its one procedure.
     */
    @GetMapping("/{id}/procedure")
    ResponseEntity<String> procedure(@PathVariable long id, Locale locale) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(ProcedureJson.write(runs.frozenProcedure(id).in(locale)));
    }

    /** The frozen document exactly as stored, every language in it: its SHA-256 is the run's {@code procedureSha256}. */
    @GetMapping("/{id}/procedure/frozen")
    ResponseEntity<String> frozenProcedure(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(runs.procedure(id));
    }

    /** Every action on the whole run but accepting the data loss, named as {@link RunAction#path()}. */
    @PostMapping("/{id}/{action:approve|reject|withdraw|start|emergency-start|ratify|data-loss|abort|fail}")
    RunView act(@PathVariable long id, @PathVariable String action, @RequestBody ChangeJson body) {
        return act(id, 0, RunAction.of(action, false), body);
    }

    @PostMapping("/{id}/data-loss/accept")
    RunView acceptDataLoss(@PathVariable long id, @RequestBody ChangeJson body) {
        return act(id, 0, RunAction.ACCEPT_DATA_LOSS, body);
    }

    /** Every action on one step, named as {@link RunAction#path()}. */
    @PostMapping("/{id}/steps/{number}/{action:start|complete|fail|retry|request-skip|approve-skip}")
    RunView actOnStep(
            @PathVariable long id,
            @PathVariable int number,
            @PathVariable String action,
            @RequestBody ChangeJson body) {
        return act(id, number, RunAction.of(action, true), body);
    }

    /** What each action asks of the service, and which fields of the body it reads. */
    private RunView act(long id, int step, RunAction action, ChangeJson body) {
        return switch (action) {
            case APPROVE -> runs.approve(id, body.seen(), body.comment());
            case REJECT -> runs.reject(id, body.seen(), body.comment() != null ? body.comment() : body.reason());
            case WITHDRAW -> {
                if (body.approvalId() == null) {
                    throw new PortalException(Kind.INVALID, "run_approval_id_required");
                }
                yield runs.withdraw(id, body.seen(), body.approvalId());
            }
            case START -> runs.start(id, body.seen());
            case EMERGENCY_START -> runs.emergencyStart(id, body.seen(), body.reason());
            case RATIFY -> runs.ratify(id, body.seen(), body.comment());
            case RECORD_DATA_LOSS ->
                runs.recordDataLoss(
                        id,
                        body.seen(),
                        body.lastLogBackup(),
                        instant(body.lastLogBackupAt()),
                        instant(body.primaryLostAt()));
            case ACCEPT_DATA_LOSS -> runs.acceptDataLoss(id, body.seen(), body.comment());
            case ABORT -> runs.abort(id, body.seen(), body.reason());
            case FAIL -> runs.fail(id, body.seen(), body.reason());
            case START_STEP -> runs.startStep(id, body.seen(), step);
            case COMPLETE_STEP -> runs.completeStep(id, body.seen(), step, body.note(), body.output());
            case FAIL_STEP -> runs.failStep(id, body.seen(), step, body.reason());
            case RETRY_STEP -> runs.retryStep(id, body.seen(), step);
            case REQUEST_SKIP -> runs.requestSkip(id, body.seen(), step, body.reason());
            case APPROVE_SKIP -> runs.approveSkip(id, body.seen(), step, body.comment());
        };
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name, String unknownCode) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PortalException(Kind.INVALID, unknownCode, name);
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new PortalException(Kind.INVALID, "run_time_invalid");
        }
    }
}
