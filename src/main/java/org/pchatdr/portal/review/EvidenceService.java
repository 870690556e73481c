package org.pchatdr.portal.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.pchatdr.portal.approval.Approval;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.audit.ChainPosition;
import org.pchatdr.portal.audit.EvidenceKey;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Sha256;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.review.EvidenceEvent.Action;
import org.pchatdr.portal.review.internal.PdfText;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evidence packs (issue 14): everything an outside auditor needs about one run, in one ZIP whose
 * {@code manifest.json} lists the SHA-256 of every file and the audit chain head, signed with the
 * portal's Ed25519 evidence key in {@code manifest.sig}. Checking a pack needs the public key and
 * openssl, not the portal. Generating and downloading a pack are on the audit trail.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR', 'ADMIN')")
public class EvidenceService {

    static final String GENERATOR = "pchat-dr-portal";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final RunService runs;
    private final ReviewService reviews;
    private final TopologyService topologies;
    private final AuditService audit;
    private final EvidenceKey key;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvidenceService(
            RunService runs,
            ReviewService reviews,
            TopologyService topologies,
            AuditService audit,
            EvidenceKey key,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.runs = runs;
        this.reviews = reviews;
        this.topologies = topologies;
        this.audit = audit;
        this.key = key;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The evidence pack of run {@code runId}, its summary in {@code locale}; recorded as generated
     * and downloaded by the caller, who receives it now.
     */
    public EvidencePack runPack(long runId, Locale locale) {
        RunView run = runs.run(runId);
        ReviewView review = review(runId);
        List<Finding> found = reviews.findings(runId);
        List<AuditEntry> history = reviews.history(run, found);
        ChainPosition head = audit.head();
        Instant now = clock.instant();
        String actor = CurrentUser.actor();

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("summary.pdf", summary(run, review, locale, head, now));
        files.put("events.csv", eventsCsv(history));
        files.put("events.ndjson", eventsNdjson(history));
        files.put("approvals.csv", approvalsCsv(run));
        files.put("steps.csv", stepsCsv(run));
        files.put("procedure.json", runs.procedure(runId).getBytes(StandardCharsets.UTF_8));
        files.put(
                "topology.json",
                topologies
                        .version(run.topologyId(), run.topologyVersion())
                        .document()
                        .getBytes(StandardCharsets.UTF_8));
        byte[] manifest = manifest(run, files, head, now, actor);
        byte[] signature = key.sign(manifest);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                entry(out, file.getKey(), file.getValue());
            }
            entry(out, "manifest.json", manifest);
            entry(out, "manifest.sig", signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String manifestSha = sha256(manifest);
        String subject = new ReviewEvent(null, ReviewEvent.Action.REVIEW_SIGNED_OFF, runId, null, null).target();
        events.publishEvent(new EvidenceEvent(
                actor,
                Action.EVIDENCE_GENERATED,
                subject,
                "manifest sha256 " + manifestSha + ", audit chain head " + head.seq() + " " + head.hash()));
        events.publishEvent(
                new EvidenceEvent(actor, Action.EVIDENCE_DOWNLOADED, subject, "manifest sha256 " + manifestSha));
        return new EvidencePack("evidence-run-" + runId + ".zip", zip.toByteArray(), manifestSha);
    }

    /** The evidence public key, PEM, as openssl reads it. */
    @PreAuthorize("isAuthenticated()")
    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    private ReviewView review(long runId) {
        try {
            return reviews.review(runId);
        } catch (PortalException e) {
            // A run that has not ended, or was rejected, has no review: its pack says so.
            return null;
        }
    }

    private byte[] manifest(RunView run, Map<String, byte[]> files, ChainPosition head, Instant now, String actor) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "pchat-dr-evidence/1");
        manifest.put("generator", GENERATOR + " " + version());
        manifest.put("generatedAt", now.toString());
        manifest.put("generatedBy", actor);
        manifest.put("subject", Map.of("type", "run", "id", run.id()));
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("seq", head.seq());
        chain.put("hash", head.hash());
        manifest.put("auditChainHead", chain);
        List<Map<String, Object>> listed = new ArrayList<>();
        files.forEach((name, bytes) -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", name);
            file.put("sha256", sha256(bytes));
            file.put("bytes", bytes.length);
            listed.add(file);
        });
        manifest.put("files", listed);
        manifest.put("signature", Map.of("file", "manifest.sig", "algorithm", "Ed25519"));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
    }

    private static String version() {
        String version = EvidenceService.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private byte[] summary(RunView run, ReviewView review, Locale locale, ChainPosition head, Instant now) {
        try (PdfText pdf = new PdfText()) {
            pdf.heading(text(locale, "evidence.pdf.title", run.id()));
            field(pdf, locale, text(locale, "evidence.pdf.generated"), now + " · " + CurrentUser.actor());
            field(pdf, locale, text(locale, "evidence.pdf.chain-head"), head.seq() + " · " + head.hash());
            pdf.heading(text(locale, "evidence.pdf.run"));
            field(
                    pdf,
                    locale,
                    text(locale, "reviews.column.kind"),
                    text(locale, "run.kind." + run.kind().name()));
            field(
                    pdf,
                    locale,
                    text(locale, "reviews.column.outcome"),
                    text(locale, "run.state." + run.state().name()));
            field(pdf, locale, text(locale, "reviews.column.pool"), run.pool());
            field(
                    pdf,
                    locale,
                    text(locale, "evidence.pdf.procedure"),
                    run.procedure() + (run.variant() == null ? "" : " (" + run.variant() + ")"));
            field(pdf, locale, text(locale, "evidence.pdf.procedure-sha"), run.procedureSha256());
            field(
                    pdf,
                    locale,
                    text(locale, "evidence.pdf.topology"),
                    run.topologyName() + " v" + run.topologyVersion());
            field(pdf, locale, text(locale, "evidence.pdf.reason"), run.reason());
            pdf.heading(text(locale, "evidence.pdf.people"));
            field(pdf, locale, text(locale, "evidence.pdf.requested"), run.requestedBy() + " · " + run.requestedAt());
            for (Approval approval : run.approvals().decisions()) {
                field(
                        pdf,
                        locale,
                        text(
                                locale,
                                "evidence.pdf.decision." + approval.decision().name()),
                        approval.approver() + " · " + approval.decidedAt()
                                + (approval.comment() == null ? "" : " · " + approval.comment())
                                + (approval.withdrawnAt() == null
                                        ? ""
                                        : " · " + text(locale, "evidence.pdf.withdrawn", approval.withdrawnAt())));
            }
            field(
                    pdf,
                    locale,
                    text(locale, "evidence.pdf.executed"),
                    run.startedBy() == null ? null : run.startedBy() + " · " + run.startedAt());
            field(
                    pdf,
                    locale,
                    text(locale, "evidence.pdf.reviewed"),
                    review == null || review.decidedBy() == null
                            ? text(locale, "evidence.pdf.not-reviewed")
                            : review.decidedBy() + " · " + review.decidedAt() + " · "
                                    + text(
                                            locale,
                                            "review.state." + review.state().name()));
            pdf.heading(text(locale, "review.objectives"));
            RunView.Timings timings = run.timings();
            pdf.line(
                    timings.elapsedSeconds() == null
                            ? text(locale, "review.rto.unknown")
                            : text(
                                    locale,
                                    "review.rto",
                                    seconds(timings.elapsedSeconds()),
                                    target(locale, timings.rtoTargetMinutes(), timings.withinRto())));
            RunView.DataLoss loss = run.dataLoss();
            pdf.line(
                    loss == null || loss.windowSeconds() == null
                            ? text(locale, "review.rpo.none")
                            : text(
                                    locale,
                                    "review.rpo",
                                    seconds(loss.windowSeconds()),
                                    target(locale, loss.rpoTargetMinutes(), loss.withinRpo())));
            if (review != null) {
                pdf.heading(text(locale, "review.timeline"));
                for (TimelineEntry entry : review.timeline()) {
                    pdf.line(entry.at() + " — " + (entry.who() == null ? "" : entry.who()) + " "
                            + text(locale, "review.what." + entry.what().name())
                            + (entry.step() == null ? "" : " " + text(locale, "review.timeline.step", entry.step()))
                            + (entry.text() == null || entry.text().isBlank() ? "" : "\n    " + entry.text()));
                }
                pdf.heading(text(locale, "review.exceptions"));
                if (review.exceptions().isEmpty()) {
                    pdf.line(text(locale, "review.exceptions.none"));
                }
                for (RunException exception : review.exceptions()) {
                    pdf.line(text(locale, "review.exception." + exception.kind().name(), exception.step()) + " — "
                            + (exception.disposed()
                                    ? text(locale, "review.disposed", exception.disposedBy(), exception.disposition())
                                    : text(locale, "evidence.pdf.undisposed")));
                }
                pdf.heading(text(locale, "review.findings"));
                if (review.findings().isEmpty()) {
                    pdf.line(text(locale, "review.findings.none"));
                }
                for (Finding finding : review.findings()) {
                    pdf.line(text(locale, "review.finding.line", finding.title(), finding.owner()) + " · "
                            + (finding.open()
                                    ? text(locale, "review.finding.open", finding.due())
                                    : text(locale, "review.finding.closed", finding.closedBy(), finding.closeNote())));
                }
                pdf.heading(text(locale, "evidence.pdf.sign-off"));
                pdf.line(
                        review.state() == ReviewState.SIGNED_OFF
                                ? text(
                                        locale,
                                        "review.decided",
                                        review.decidedBy(),
                                        String.valueOf(review.decidedAt()),
                                        review.comment() == null ? "" : review.comment())
                                : text(
                                        locale,
                                        "review.status",
                                        text(
                                                locale,
                                                "review.state." + review.state().name()),
                                        review.dueAt()));
            }
            return pdf.bytes();
        }
    }

    /** A label and its value, with the punctuation of the language (French puts a space before the colon). */
    private void field(PdfText pdf, Locale locale, String label, String value) {
        pdf.line(text(locale, "evidence.pdf.field", label, value == null ? "—" : value));
    }

    private String target(Locale locale, Integer minutes, Boolean within) {
        if (minutes == null) {
            return text(locale, "review.no-target");
        }
        return seconds(minutes * 60L) + " ("
                + text(locale, Boolean.TRUE.equals(within) ? "review.within" : "review.over") + ")";
    }

    private static String seconds(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }

    private byte[] eventsCsv(List<AuditEntry> history) {
        return csv(
                List.of("seq", "occurredAt", "actor", "action", "target", "details", "clientAddress"),
                history.stream()
                        .map(e -> List.<Object>of(
                                e.seq(),
                                e.occurredAt(),
                                e.actor(),
                                e.action(),
                                nullable(e.target()),
                                nullable(e.details()),
                                nullable(e.clientAddress())))
                        .toList());
    }

    private static byte[] eventsNdjson(List<AuditEntry> history) {
        StringBuilder lines = new StringBuilder();
        for (AuditEntry e : history) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seq", e.seq());
            line.put("occurredAt", e.occurredAt().toString());
            line.put("actor", e.actor());
            line.put("action", e.action());
            line.put("target", e.target());
            line.put("details", e.details());
            line.put("clientAddress", e.clientAddress());
            lines.append(JSON.writeValueAsString(line)).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] approvalsCsv(RunView run) {
        return csv(
                List.of("id", "approver", "decision", "comment", "decidedAt", "expiresAt", "withdrawnAt"),
                run.approvals().decisions().stream()
                        .map(a -> List.<Object>of(
                                a.id(),
                                a.approver(),
                                a.decision(),
                                nullable(a.comment()),
                                a.decidedAt(),
                                a.expiresAt(),
                                nullable(a.withdrawnAt())))
                        .toList());
    }

    private byte[] stepsCsv(RunView run) {
        // The scripts are the same in every language the procedure was frozen in (decision 016).
        Procedure procedure = runs.frozenProcedure(run.id()).in(Locale.ENGLISH);
        Map<Integer, String> scriptHashes = new LinkedHashMap<>();
        procedure
                .steps()
                .forEach(step -> scriptHashes.put(
                        step.number(),
                        step.script() == null ? "" : sha256(step.script().getBytes(StandardCharsets.UTF_8))));
        return csv(
                List.of(
                        "number",
                        "ruleId",
                        "title",
                        "state",
                        "attempts",
                        "scriptSha256",
                        "startedBy",
                        "startedAt",
                        "endedBy",
                        "endedAt",
                        "durationSeconds",
                        "note",
                        "output",
                        "failureReason",
                        "skipRequestedBy",
                        "skipReason",
                        "skipApprovedBy"),
                run.steps().stream()
                        .map(s -> List.<Object>of(
                                s.number(),
                                nullable(s.ruleId()),
                                s.title(),
                                s.state(),
                                s.attempts(),
                                scriptHashes.getOrDefault(s.number(), ""),
                                nullable(s.startedBy()),
                                nullable(s.startedAt()),
                                nullable(s.endedBy()),
                                nullable(s.endedAt()),
                                nullable(s.durationSeconds()),
                                nullable(s.note()),
                                nullable(s.output()),
                                nullable(s.failureReason()),
                                nullable(s.skipRequestedBy()),
                                nullable(s.skipReason()),
                                nullable(s.skipApprovedBy())))
                        .toList());
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    private static byte[] csv(List<String> header, List<List<Object>> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSV)) {
            printer.printRecord(header);
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(Sha256.digest().digest(bytes));
    }
}
