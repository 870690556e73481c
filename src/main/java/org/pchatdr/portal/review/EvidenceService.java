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
import java.util.function.Function;
import java.util.stream.Stream;
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

    private static byte[] eventsCsv(List<AuditEntry> history) {
        return csv(
                history,
                column("seq", AuditEntry::seq),
                column("occurredAt", AuditEntry::occurredAt),
                column("actor", AuditEntry::actor),
                column("action", AuditEntry::action),
                column("target", AuditEntry::target),
                column("details", AuditEntry::details),
                column("clientAddress", AuditEntry::clientAddress));
    }

    private static byte[] eventsNdjson(List<AuditEntry> history) {
        StringBuilder lines = new StringBuilder();
        for (AuditEntry e : history) {
            lines.append(JSON.writeValueAsString(e.facts())).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] approvalsCsv(RunView run) {
        return csv(
                run.approvals().decisions(),
                column("id", Approval::id),
                column("approver", Approval::approver),
                column("decision", Approval::decision),
                column("comment", Approval::comment),
                column("decidedAt", Approval::decidedAt),
                column("expiresAt", Approval::expiresAt),
                column("withdrawnAt", Approval::withdrawnAt));
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
                run.steps(),
                column("number", RunView.Step::number),
                column("ruleId", RunView.Step::ruleId),
                column("title", RunView.Step::title),
                column("state", RunView.Step::state),
                column("attempts", RunView.Step::attempts),
                column("scriptSha256", step -> scriptHashes.getOrDefault(step.number(), "")),
                column("startedBy", RunView.Step::startedBy),
                column("startedAt", RunView.Step::startedAt),
                column("endedBy", RunView.Step::endedBy),
                column("endedAt", RunView.Step::endedAt),
                column("durationSeconds", RunView.Step::durationSeconds),
                column("note", RunView.Step::note),
                column("output", RunView.Step::output),
                column("failureReason", RunView.Step::failureReason),
                column("skipRequestedBy", RunView.Step::skipRequestedBy),
                column("skipReason", RunView.Step::skipReason),
                column("skipApprovedBy", RunView.Step::skipApprovedBy));
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

    private static byte[] revisionsCsv(List<RevisionView> revisions) {
        return csv(
                revisions,
                column("number", RevisionView::number),
                column("title", RevisionView::title),
                column("justification", RevisionView::justification),
                column("topologyVersion", RevisionView::topologyVersion),
                column("topologySha256", RevisionView::topologySha256),
                column("implementationPlan", RevisionView::implementationPlan),
                column("backoutPlan", RevisionView::backoutPlan),
                column("testPlan", RevisionView::testPlan),
                column("windowStart", RevisionView::windowStart),
                column("windowEnd", RevisionView::windowEnd),
                column("timeZone", RevisionView::timeZone),
                column("pools", revision -> String.join(" ", revision.pools())),
                column("contentHash", RevisionView::contentHash),
                column("approvalRound", RevisionView::approvalRound),
                column("author", RevisionView::author),
                column("createdAt", RevisionView::createdAt));
    }

    /** The decisions of every approval round, with the revision and content hash each was given to. */
    private static byte[] changeApprovalsCsv(ChangeView change) {
        record Decision(ChangeView.RoundApprovals round, Approval approval) {}
        List<Decision> decisions = change.approvals().stream()
                .flatMap(round -> round.decisions().stream().map(approval -> new Decision(round, approval)))
                .toList();
        return csv(
                decisions,
                column("revision", decision -> decision.round().revision()),
                column("contentHash", decision -> decision.round().contentHash()),
                column("currentRound", decision -> decision.round().current()),
                column("id", decision -> decision.approval().id()),
                column("approver", decision -> decision.approval().approver()),
                column("decision", decision -> decision.approval().decision()),
                column("comment", decision -> decision.approval().comment()),
                column("decidedAt", decision -> decision.approval().decidedAt()),
                column("expiresAt", decision -> decision.approval().expiresAt()),
                column("withdrawnAt", decision -> decision.approval().withdrawnAt()));
    }

    private static byte[] runsCsv(List<RunView> sponsored) {
        return csv(
                sponsored,
                column("id", RunView::id),
                column("kind", RunView::kind),
                column("state", RunView::state),
                column("pool", RunView::pool),
                column("procedure", RunView::procedure),
                column("variant", RunView::variant),
                column("requestedBy", RunView::requestedBy),
                column("requestedAt", RunView::requestedAt),
                column("endedAt", RunView::endedAt));
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

    /** A column of a CSV file: its header, and its value in a row (an empty cell for {@code null}). */
    private record Column<T>(String header, Function<T, ?> value) {}

    private static <T> Column<T> column(String header, Function<T, ?> value) {
        return new Column<>(header, value);
    }

    /** A header line, then a line a row: each file is one table of {@code columns}, named once beside their value. */
    @SafeVarargs
    private static <T> byte[] csv(List<T> rows, Column<T>... columns) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSV)) {
            printer.printRecord(Stream.of(columns).map(Column::header));
            for (T row : rows) {
                printer.printRecord(Stream.of(columns).map(column -> {
                    Object value = column.value().apply(row);
                    return value == null ? "" : value;
                }));
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
