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
class RunController {

    private final RunService runs;

    RunController(RunService runs) {
        this.runs = runs;
    }

    record RequestJson(
            Long topologyId,
            String pool,
            String procedure,
            String variant,
            RunKind kind,
            String reason,
            Instant incidentAt) {}

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
    ResponseEntity<RunView> request(@RequestBody RequestJson body, Locale locale) {
        if (body.topologyId() == null) {
            throw new PortalException(Kind.INVALID, "run_topology_required");
        }
        RunView run = runs.request(
                new RunRequest(
                        body.topologyId(),
                        body.pool(),
                        body.procedure(),
                        body.variant(),
                        body.kind(),
                        body.reason(),
                        body.incidentAt()),
                locale);
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

    @PostMapping("/{id}/approve")
    RunView approve(@PathVariable long id, @RequestBody ChangeJson body) {
        return runs.approve(id, body.seen(), body.comment());
    }

    @PostMapping("/{id}/reject")
    RunView reject(@PathVariable long id, @RequestBody ChangeJson body) {
        return runs.reject(id, body.seen(), body.comment() != null ? body.comment() : body.reason());
    }

    @PostMapping("/{id}/withdraw")
    RunView withdraw(@PathVariable long id, @RequestBody ChangeJson body) {
        if (body.approvalId() == null) {
            throw new PortalException(Kind.INVALID, "run_approval_id_required");
        }
        return runs.withdraw(id, body.seen(), body.approvalId());
    }

    @PostMapping("/{id}/start")
    RunView start(@PathVariable long id, @RequestBody ChangeJson body) {
        return runs.start(id, body.seen());
    }

    @PostMapping("/{id}/emergency-start")
    RunView emergencyStart(@PathVariable long id, @RequestBody ChangeJson body) {
        return runs.emergencyStart(id, body.seen(), body.reason());
    }

    @PostMapping("/{id}/ratify")
    RunView ratify(@PathVariable long id, @RequestBody ChangeJson body) {
        return runs.ratify(id, body.seen(), body.comment());
    }

    @PostMapping("/{id}/data-loss")
    RunView recordDataLoss(@PathVariable long id, @RequestBody ChangeJson body) {
        return runs.recordDataLoss(
                id, body.seen(), body.lastLogBackup(), instant(body.lastLogBackupAt()), instant(body.primaryLostAt()));
    }

    @PostMapping("/{id}/data-loss/accept")
    RunView acceptDataLoss(@PathVariable long id, @RequestBody ChangeJson body) {
        return runs.acceptDataLoss(id, body.seen(), body.comment());
    }

    @PostMapping("/{id}/abort")
    RunView abort(@PathVariable long id, @RequestBody ChangeJson body) {
        return runs.abort(id, body.seen(), body.reason());
    }

    @PostMapping("/{id}/fail")
    RunView fail(@PathVariable long id, @RequestBody ChangeJson body) {
        return runs.fail(id, body.seen(), body.reason());
    }

    @PostMapping("/{id}/steps/{number}/start")
    RunView startStep(@PathVariable long id, @PathVariable int number, @RequestBody ChangeJson body) {
        return runs.startStep(id, body.seen(), number);
    }

    @PostMapping("/{id}/steps/{number}/complete")
    RunView completeStep(@PathVariable long id, @PathVariable int number, @RequestBody ChangeJson body) {
        return runs.completeStep(id, body.seen(), number, body.note(), body.output());
    }

    @PostMapping("/{id}/steps/{number}/fail")
    RunView failStep(@PathVariable long id, @PathVariable int number, @RequestBody ChangeJson body) {
        return runs.failStep(id, body.seen(), number, body.reason());
    }

    @PostMapping("/{id}/steps/{number}/retry")
    RunView retryStep(@PathVariable long id, @PathVariable int number, @RequestBody ChangeJson body) {
        return runs.retryStep(id, body.seen(), number);
    }

    @PostMapping("/{id}/steps/{number}/request-skip")
    RunView requestSkip(@PathVariable long id, @PathVariable int number, @RequestBody ChangeJson body) {
        return runs.requestSkip(id, body.seen(), number, body.reason());
    }

    @PostMapping("/{id}/steps/{number}/approve-skip")
    RunView approveSkip(@PathVariable long id, @PathVariable int number, @RequestBody ChangeJson body) {
        return runs.approveSkip(id, body.seen(), number, body.comment());
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
