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
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Sha256;
import org.pchatdr.portal.change.ChangeEvent;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeView;
import org.pchatdr.portal.change.RevisionView;
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
    private final ChangeService changes;
    private final ReviewService reviews;
    private final TopologyService topologies;
    private final AuditService audit;
    private final EvidenceKey key;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvidenceService(
            RunService runs,
            ChangeService changes,
            ReviewService reviews,
            TopologyService topologies,
            AuditService audit,
            EvidenceKey key,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.runs = runs;
        this.changes = changes;
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
        String subject = new ReviewEvent(null, ReviewEvent.Action.REVIEW_SIGNED_OFF, runId, null, null).target();
        return pack("run", runId, subject, files, head, now, actor);
    }

    /**
     * The evidence pack of change request {@code changeId} (issue 14): every revision, the approvals
     * each round was given, the configuration runs its implementation created, its post-implementation
     * review, its audit records and the topology version it is bound to, signed as a run's pack is.
     * Reads the change module through its public service only.
     */
    public EvidencePack changePack(long changeId, Locale locale) {
        ChangeView change = changes.change(changeId);
        List<RevisionView> revisions = changes.revisions(changeId);
        List<RunView> sponsored = sponsoredRuns(change);
        List<String> targets = new ArrayList<>();
        for (int revision = 1; revision <= change.revision(); revision++) {
            targets.add(changeTarget(changeId, revision));
        }
        List<AuditEntry> history = audit.history(targets);
        ChainPosition head = audit.head();
        Instant now = clock.instant();
        String actor = CurrentUser.actor();

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("summary.pdf", changeSummary(change, revisions, sponsored, locale, head, now));
        files.put("events.csv", eventsCsv(history));
        files.put("events.ndjson", eventsNdjson(history));
        files.put("revisions.csv", revisionsCsv(revisions));
        files.put("approvals.csv", changeApprovalsCsv(change));
        files.put("runs.csv", runsCsv(sponsored));
        files.put("change.json", changeJson(change));
        files.put(
                "topology.json",
                topologies
                        .version(change.topologyId(), change.current().topologyVersion())
                        .document()
                        .getBytes(StandardCharsets.UTF_8));
        return pack("change", changeId, changeTarget(changeId, change.revision()), files, head, now, actor);
    }

    /** The audit target of a change request's records, as the change module writes it. */
    private static String changeTarget(long changeId, int revision) {
        return new ChangeEvent(null, ChangeEvent.Action.CHANGE_CREATED, changeId, revision, null, null).target();
    }

    /**
     * The configuration runs the request's implementation created, and only those (issue 14): the
     * change module keeps which runs it sponsored ({@code RunSponsor}); another run on the same pool
     * in the same hours was not done under this change and is not its evidence.
     */
    private List<RunView> sponsoredRuns(ChangeView change) {
        return change.runs().stream()
                .map(ChangeView.ConfigurationRun::runId)
                .filter(java.util.Objects::nonNull)
                .map(runs::run)
                .sorted(java.util.Comparator.comparing(RunView::requestedAt).thenComparing(RunView::id))
                .toList();
    }

    /**
     * Signs the manifest of {@code files}, zips them with it and its signature, and records the pack
     * as generated and downloaded by {@code actor} on the subject's audit target.
     */
    private EvidencePack pack(
            String type,
            long id,
            String subject,
            Map<String, byte[]> files,
            ChainPosition head,
            Instant now,
            String actor) {
        byte[] manifest = manifest(type, id, files, head, now, actor);
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
        events.publishEvent(new EvidenceEvent(
                actor,
                Action.EVIDENCE_GENERATED,
                subject,
                null,
                AuditMessage.of(
                        "audit.details.EVIDENCE_GENERATED", manifestSha, String.valueOf(head.seq()), head.hash())));
        events.publishEvent(new EvidenceEvent(
                actor,
                Action.EVIDENCE_DOWNLOADED,
                subject,
                null,
                AuditMessage.of("audit.details.EVIDENCE_DOWNLOADED", manifestSha)));
        return new EvidencePack("evidence-" + type + "-" + id + ".zip", zip.toByteArray(), manifestSha);
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

    private byte[] manifest(
            String type, long id, Map<String, byte[]> files, ChainPosition head, Instant now, String actor) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "pchat-dr-evidence/1");
        manifest.put("generator", GENERATOR + " " + version());
        manifest.put("generatedAt", now.toString());
        manifest.put("generatedBy", actor);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", type);
        subject.put("id", id);
        manifest.put("subject", subject);
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
            lines.append(JSON.writeValueAsString(e.facts())).append('\n');
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

    private byte[] changeSummary(
            ChangeView change,
            List<RevisionView> revisions,
            List<RunView> sponsored,
            Locale locale,
            ChainPosition head,
            Instant now) {
        try (PdfText pdf = new PdfText()) {
            RevisionView current = change.current();
            pdf.heading(text(locale, "evidence.pdf.change-title", change.id()));
            field(pdf, locale, text(locale, "evidence.pdf.generated"), now + " · " + CurrentUser.actor());
            field(pdf, locale, text(locale, "evidence.pdf.chain-head"), head.seq() + " · " + head.hash());
            pdf.heading(text(locale, "evidence.pdf.change"));
            field(pdf, locale, text(locale, "evidence.pdf.change-subject"), current.title());
            field(
                    pdf,
                    locale,
                    text(locale, "evidence.pdf.change-type"),
                    text(locale, "change.type." + change.type().name()));
            field(
                    pdf,
                    locale,
                    text(locale, "evidence.pdf.change-state"),
                    text(locale, "change.state." + change.state().name())
                            + (change.outcome() == null
                                    ? ""
                                    : " · "
                                            + text(
                                                    locale,
                                                    "change.outcome."
                                                            + change.outcome().name())));
            field(
                    pdf,
                    locale,
                    text(locale, "evidence.pdf.risk"),
                    text(locale, "change.risk." + change.risk().effective().name()));
            field(
                    pdf,
                    locale,
                    text(locale, "evidence.pdf.topology"),
                    change.topologyName() + " v" + current.topologyVersion() + " · " + current.topologySha256());
            field(pdf, locale, text(locale, "evidence.pdf.content-hash"), change.contentHash());
            field(pdf, locale, text(locale, "evidence.pdf.pools"), String.join(", ", current.pools()));
            pdf.heading(text(locale, "evidence.pdf.people"));
            field(
                    pdf,
                    locale,
                    text(locale, "evidence.pdf.requested"),
                    change.requestedBy() + " · " + change.requestedAt());
            field(
                    pdf,
                    locale,
                    text(locale, "evidence.pdf.executed"),
                    change.startedBy() == null ? null : change.startedBy() + " · " + change.startedAt());
            field(
                    pdf,
                    locale,
                    text(locale, "evidence.pdf.ended"),
                    change.endedBy() == null ? null : change.endedBy() + " · " + change.endedAt());
            pdf.heading(text(locale, "evidence.pdf.revisions"));
            for (RevisionView revision : revisions) {
                pdf.line(text(
                        locale,
                        "evidence.pdf.revision-line",
                        revision.number(),
                        revision.title(),
                        revision.author(),
                        String.valueOf(revision.createdAt()),
                        revision.contentHash()));
            }
            pdf.heading(text(locale, "evidence.pdf.approvals"));
            for (ChangeView.RoundApprovals round : change.approvals()) {
                pdf.line(text(locale, "evidence.pdf.round", round.revision(), round.contentHash()));
                if (round.decisions().isEmpty()) {
                    pdf.line("    " + text(locale, "evidence.pdf.no-decision"));
                }
                for (Approval approval : round.decisions()) {
                    pdf.line("    "
                            + text(
                                    locale,
                                    "evidence.pdf.field",
                                    text(
                                            locale,
                                            "evidence.pdf.decision."
                                                    + approval.decision().name()),
                                    approval.approver() + " · " + approval.decidedAt()
                                            + (approval.comment() == null ? "" : " · " + approval.comment())));
                }
            }
            pdf.heading(text(locale, "evidence.pdf.runs"));
            if (sponsored.isEmpty()) {
                pdf.line(text(locale, "evidence.pdf.runs.none"));
            }
            for (RunView run : sponsored) {
                pdf.line(text(
                        locale,
                        "evidence.pdf.run-line",
                        run.id(),
                        text(locale, "run.kind." + run.kind().name()),
                        run.procedure() + (run.variant() == null ? "" : " (" + run.variant() + ")"),
                        run.pool(),
                        text(locale, "run.state." + run.state().name()),
                        run.requestedBy(),
                        String.valueOf(run.requestedAt())));
            }
            pdf.heading(text(locale, "evidence.pdf.pir"));
            ChangeView.Review review = change.review();
            if (review == null || review.signedBy() == null) {
                pdf.line(text(locale, "evidence.pdf.pir.none"));
            } else {
                field(
                        pdf,
                        locale,
                        text(locale, "evidence.pdf.reviewed"),
                        review.signedBy() + " · " + review.signedAt());
                pdf.line(review.text());
            }
            return pdf.bytes();
        }
    }

    private byte[] revisionsCsv(List<RevisionView> revisions) {
        return csv(
                List.of(
                        "number",
                        "title",
                        "justification",
                        "topologyVersion",
                        "topologySha256",
                        "implementationPlan",
                        "backoutPlan",
                        "testPlan",
                        "windowStart",
                        "windowEnd",
                        "timeZone",
                        "pools",
                        "contentHash",
                        "approvalRound",
                        "author",
                        "createdAt"),
                revisions.stream()
                        .map(r -> List.<Object>of(
                                r.number(),
                                nullable(r.title()),
                                nullable(r.justification()),
                                r.topologyVersion(),
                                nullable(r.topologySha256()),
                                nullable(r.implementationPlan()),
                                nullable(r.backoutPlan()),
                                nullable(r.testPlan()),
                                nullable(r.windowStart()),
                                nullable(r.windowEnd()),
                                nullable(r.timeZone()),
                                String.join(" ", r.pools()),
                                nullable(r.contentHash()),
                                r.approvalRound(),
                                nullable(r.author()),
                                nullable(r.createdAt())))
                        .toList());
    }

    /** The decisions of every approval round, with the revision and content hash each was given to. */
    private byte[] changeApprovalsCsv(ChangeView change) {
        List<List<Object>> rows = new ArrayList<>();
        for (ChangeView.RoundApprovals round : change.approvals()) {
            for (Approval a : round.decisions()) {
                rows.add(List.of(
                        round.revision(),
                        nullable(round.contentHash()),
                        round.current(),
                        a.id(),
                        a.approver(),
                        a.decision(),
                        nullable(a.comment()),
                        a.decidedAt(),
                        nullable(a.expiresAt()),
                        nullable(a.withdrawnAt())));
            }
        }
        return csv(
                List.of(
                        "revision",
                        "contentHash",
                        "currentRound",
                        "id",
                        "approver",
                        "decision",
                        "comment",
                        "decidedAt",
                        "expiresAt",
                        "withdrawnAt"),
                rows);
    }

    private byte[] runsCsv(List<RunView> sponsored) {
        return csv(
                List.of("id", "kind", "state", "pool", "procedure", "variant", "requestedBy", "requestedAt", "endedAt"),
                sponsored.stream()
                        .map(r -> List.<Object>of(
                                r.id(),
                                r.kind(),
                                r.state(),
                                r.pool(),
                                r.procedure(),
                                nullable(r.variant()),
                                r.requestedBy(),
                                r.requestedAt(),
                                nullable(r.endedAt())))
                        .toList());
    }

    /** The request as it stands, without the reader's own actions: its diff, risk and review. */
    private static byte[] changeJson(ChangeView change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", change.id());
        json.put("type", change.type());
        json.put("state", change.state());
        json.put("outcome", change.outcome());
        json.put("topologyId", change.topologyId());
        json.put("topologyName", change.topologyName());
        json.put("revision", change.revision());
        json.put("contentHash", change.contentHash());
        json.put("current", change.current());
        json.put("diff", change.diff());
        json.put("risk", change.risk());
        json.put("approvalKind", change.approvalKind());
        json.put("requiredApprovers", change.requiredApprovers());
        json.put("ratified", change.ratified());
        json.put("requestedBy", change.requestedBy());
        json.put("requestedAt", change.requestedAt());
        json.put("startedBy", change.startedBy());
        json.put("startedAt", change.startedAt());
        json.put("endedBy", change.endedBy());
        json.put("endedAt", change.endedAt());
        json.put("review", change.review());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
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
