package org.pchatdr.portal.audit.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.pchatdr.portal.audit.AuditExportFormat;
import org.pchatdr.portal.audit.AuditPage;
import org.pchatdr.portal.audit.AuditQuery;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.audit.ChainPosition;
import org.pchatdr.portal.audit.ChainVerification;
import org.pchatdr.portal.audit.Completeness;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain check for automation (a crash test, a nightly job). A POST, because every check is
 * itself appended to the trail; administrators, auditors and managers, as on the audit page.
 */
@RestController
record AuditController(AuditService audit, MessageSource messages) {

    /** {@code firstBadSeq} and {@code problem} are null when the chain is intact. */
    record VerificationJson(
            boolean intact,
            long recordsChecked,
            Long firstBadSeq,
            ChainVerification.Problem problem,
            String message,
            CompletenessJson completeness) {}

    /** Whether records are missing (gaps, or after the last signed checkpoint), apart from integrity. */
    record CompletenessJson(
            boolean complete,
            long lastRecordSeq,
            int checkpoints,
            Long lastCheckpointSeq,
            Completeness.Problem problem,
            Long at,
            String message) {}

    /** Signs the chain head now and writes the checkpoint outside the database. */
    @PostMapping("/api/v1/audit/checkpoints")
    ChainPosition checkpoint() {
        return audit.checkpoint();
    }

    /** One event as the API shows it: the record, its translated action label and its subject's page. */
    record EventJson(
            long seq,
            Instant occurredAt,
            String actor,
            String action,
            String actionLabel,
            String target,
            String details,
            String clientAddress,
            String hash,
            String subjectPath) {}

    record PageJson(List<EventJson> events, Long next) {}

    /**
     * The trail, newest first, {@code limit} (at most 1000, default 100) at a time; {@code after} is
     * the {@code next} of the previous page (keyset pagination on the sequence, never an offset).
     * The filter's query parameters are the components of {@link AuditQuery}, by their names.
     */
    @GetMapping("/api/v1/audit/events")
    PageJson events(
            AuditQuery filter,
            @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "100") int limit,
            Locale locale) {
        AuditPage page = audit.page(filter, after, limit);
        return new PageJson(
                page.events().stream()
                        .map(e -> new EventJson(
                                e.seq(),
                                e.occurredAt(),
                                e.actor(),
                                e.action(),
                                messages.getMessage("audit.action." + e.action(), null, e.action(), locale),
                                e.target(),
                                e.details(),
                                e.clientAddress(),
                                e.hash(),
                                e.subjectPath()))
                        .toList(),
                page.next());
    }

    /**
     * Exactly what {@code /api/v1/audit/events} lists for the same filter, streamed as CSV or NDJSON
     * and closed by a manifest line; the export is on the trail.
     */
    @GetMapping("/api/v1/audit/events/export")
    void export(
            @RequestParam(defaultValue = "CSV") AuditExportFormat format,
            AuditQuery filter,
            HttpServletResponse response)
            throws IOException {
        response.setContentType(format.mediaType() + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-events." + format.extension() + "\"");
        audit.export(filter, format, response.getOutputStream());
    }

    @PostMapping("/api/v1/audit/verification")
    VerificationJson verify(Locale locale) {
        ChainVerification result = audit.verifyChain();
        return new VerificationJson(
                result.isIntact(),
                result.recordsChecked(),
                result.firstBadSeq(),
                result.problem(),
                messages.getMessage(result.messageKey(), new Object[] {result.messageArgument()}, locale),
                completeness(result.completeness(), locale));
    }

    private CompletenessJson completeness(Completeness completeness, Locale locale) {
        return new CompletenessJson(
                completeness.isComplete(),
                completeness.lastRecordSeq(),
                completeness.checkpoints(),
                completeness.lastCheckpointSeq(),
                completeness.problem(),
                completeness.at(),
                messages.getMessage(
                        completeness.messageKey(),
                        new Object[] {completeness.isComplete() ? completeness.checkpoints() : completeness.at()},
                        locale));
    }
}
