package org.pchatdr.portal.run;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pchatdr.portal.approval.ApprovalService;
import org.pchatdr.portal.approval.Subject;
import org.pchatdr.portal.approval.SubjectApprovals;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.base.TypedText;
import org.pchatdr.portal.procedure.FrozenProcedure;
import org.pchatdr.portal.run.internal.Run;
import org.pchatdr.portal.run.internal.RunProcedure;
import org.pchatdr.portal.run.internal.RunProcedureRepository;
import org.pchatdr.portal.run.internal.RunRepository;
import org.pchatdr.portal.run.internal.RunRulebook;
import org.pchatdr.portal.run.internal.RunStep;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The queries of runs: lists, the inbox, overdue ratifications, one run and its frozen procedure.
 * Reached only through {@link RunService}, which says who may ask each (its methods carry the
 * security annotations) and keeps the transitions; {@link RunViews} maps what these find.
 */
@Component
record RunQueries(
        RunRepository runs,
        RunProcedureRepository frozenDocuments,
        ApprovalService approvals,
        TopologyService topologies,
        ObjectProvider<RunSponsor> sponsors,
        Clock clock) {

    /** Emergency starts whose ratification is overdue, most overdue first. */
    List<RunSummary> overdueRatifications() {
        return runs.ratificationsDueBefore(clock.instant()).stream()
                .map(RunViews::summary)
                .toList();
    }

    /** Ids of overdue ratifications not on the audit trail yet, for the sweep. */
    List<Long> overdueUnrecorded() {
        return runs.ratificationsDueBefore(clock.instant()).stream()
                .filter(run -> !run.isOverdueRecorded())
                .map(Run::getId)
                .toList();
    }

    /**
     * What waits on the signed-in approver, oldest first: runs to approve, skips to allow, data
     * losses to accept and emergency starts to ratify, each only where four eyes let them decide.
     */
    List<InboxItem> inbox() {
        RunRulebook.Actor me = RunViews.reader();
        Instant now = clock.instant();
        List<InboxItem> items = new ArrayList<>();
        List<Run> awaiting = runs.awaitingSomeone();
        // The decisions on every run at once: the inbox is read on every change of its stamp.
        Map<Subject, SubjectApprovals> decided = approvals.approvals(
                RunService.SUBJECT_TYPE,
                awaiting.stream()
                        .collect(Collectors.toMap(
                                Run::getId, run -> run.getKind().approvalKind())));
        for (Run run : awaiting) {
            // Exactly what the rulebook lets this approver decide now, as the run page offers it.
            RunRulebook.Answer answer = RunRulebook.judge(run, me, decided.get(subject(run)), now);
            RunSummary summary = RunViews.summary(run);
            if (answer.allows(RunAction.RATIFY.path())) {
                items.add(new InboxItem(
                        summary, InboxItem.Need.RATIFICATION, null, Stamp.atOf(run.getEmergencyDeclared())));
            }
            // Approving an approved run adds a voice; only a run waiting for approval waits on someone.
            if (run.getState() == RunState.REQUESTED && answer.allows(RunAction.APPROVE.path())) {
                items.add(new InboxItem(
                        summary,
                        InboxItem.Need.APPROVAL,
                        null,
                        run.getRequested().at()));
            }
            for (RunStep step : run.getSteps()) {
                if (answer.allows(RunAction.APPROVE_SKIP.name(step.getNumber()))) {
                    items.add(new InboxItem(
                            summary, InboxItem.Need.SKIP, step.getNumber(), Stamp.atOf(step.getSkipRequested())));
                }
            }
            if (answer.allows(RunAction.ACCEPT_DATA_LOSS.path())) {
                items.add(new InboxItem(
                        summary,
                        InboxItem.Need.DATA_LOSS,
                        run.getDataLossGateStep(),
                        Stamp.atOf(run.getDataLossRecorded())));
            }
        }
        items.sort(Comparator.comparing(InboxItem::since));
        return items;
    }

    /** A value that changes whenever {@link #inbox()} may answer differently, for anyone. */
    String inboxStamp() {
        return runs.awaitingStamp();
    }

    /** Runs not finished, newest first, with their RTO clock and the step to do next: one query. */
    List<ActiveRunSummary> unfinished() {
        Instant now = clock.instant();
        return runs.unfinished().stream()
                .map(run -> new ActiveRunSummary(
                        RunViews.summary(run),
                        RunViews.timings(run, now),
                        run.getSteps().stream()
                                .filter(step -> !step.getState().isFinished())
                                .findFirst()
                                .map(step -> step.view(now))
                                .orElse(null)))
                .toList();
    }

    /** DISASTER runs waiting for approval or for the ratification of their emergency start. */
    List<RunSummary> pendingDisasters() {
        return runs.pendingDisasters().stream().map(RunViews::summary).toList();
    }

    /** The run, its steps titled as they were frozen for the requester. */
    RunView run(long id) {
        return view(runs.findById(id).orElseThrow(() -> notFound(id)));
    }

    /**
     * The run as a reader of {@code locale} sees it: the steps titled in their language, the
     * procedure being frozen in every language; a run frozen before that keeps its own titles.
     */
    RunView run(long id, Locale locale) {
        Run run = runs.findById(id).orElseThrow(() -> notFound(id));
        Map<Integer, String> titles = new HashMap<>();
        thaw(run).in(locale).steps().forEach(step -> titles.put(step.number(), step.title()));
        return view(run).withStepTitles(titles);
    }

    /** Step {@code number}'s title as a reader of {@code locale} reads it (see {@link #run(long, Locale)}). */
    String stepTitle(Run run, int number, Locale locale) {
        return thaw(run).in(locale).steps().stream()
                .filter(step -> step.number() == number)
                .map(step -> step.title())
                .findFirst()
                .orElse(run.step(number).getTitle());
    }

    /**
     * The frozen procedure of the run as stored, the document its {@code procedureSha256} is the
     * hash of: {@link FrozenProcedure}'s every-language form, or the plain procedure JSON of a run
     * requested before procedures were frozen in every language.
     */
    String procedure(long id) {
        return document(runs.findById(id).orElseThrow(() -> notFound(id)));
    }

    /**
     * The frozen procedure of the run, read back: what was approved, in every language it was frozen
     * in, whatever the topology became since, with the facts of its pool.
     */
    FrozenProcedure frozenProcedure(long id) {
        return thaw(runs.findById(id).orElseThrow(() -> notFound(id)));
    }

    /**
     * The frozen procedure with its facts. A run frozen before the facts were kept has only its
     * topology name, version and pool in the document: the site names come from the topology
     * version it was frozen from, which never changes once saved, so its page reads as it always did.
     */
    private FrozenProcedure thaw(Run run) {
        FrozenProcedure frozen = FrozenProcedure.thaw(document(run));
        if (!frozen.facts().siteNames().isEmpty()) {
            return frozen;
        }
        Topology topology = topologies
                .version(run.getTopologyId(), run.getTopologyVersion())
                .topology();
        Map<String, String> siteNames = new HashMap<>();
        topology.sites().forEach(site -> siteNames.put(site.id(), site.name()));
        FrozenProcedure.Facts facts = frozen.facts();
        return new FrozenProcedure(
                frozen.document(),
                frozen.sha256(),
                new FrozenProcedure.Facts(
                        run.getTopologyName(),
                        run.getTopologyVersion(),
                        run.getPool(),
                        run.getRtoTargetMinutes(),
                        run.getRpoTargetMinutes(),
                        siteNames),
                frozen.languages());
    }

    /** The frozen document of the run, kept apart from the run row (issue 10, bench/runs.sh). */
    private String document(Run run) {
        return frozenDocuments
                .findById(run.getId())
                .map(RunProcedure::getDocument)
                .orElseThrow(() -> new IllegalStateException("run " + run.getId() + " has no frozen procedure"));
    }

    /** The run's current version, a cheap read for pages that watch a run change under their eyes. */
    long version(long id) {
        return runs.version(id).orElseThrow(() -> notFound(id));
    }

    /** Runs, newest first, that match every criterion of {@code filter} that is set. */
    Slice<RunSummary> list(RunFilter filter, Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(
                        pageable.getPageNumber(),
                        pageable.getPageSize(),
                        Sort.by("id").descending());
        return runs.search(
                        TypedText.blankToNull(filter.pool()),
                        filter.kind(),
                        filter.state(),
                        TypedText.blankToNull(filter.requester()),
                        filter.from(),
                        filter.to(),
                        sorted)
                .map(RunViews::summary);
    }

    /** The decisions on the run with the policy of its kind: read once per call, judged as often as needed. */
    SubjectApprovals approvals(Run run) {
        return approvals(run, sponsorship(run));
    }

    /** As {@link #approvals(Run)}, with the run's {@code sponsorship} already read in this call. */
    SubjectApprovals approvals(Run run, Optional<RunSponsor.Sponsorship> sponsorship) {
        // A sponsored configuration run is approved by its sponsor (a change request), not by a round of its own.
        return sponsorship
                .map(RunSponsor.Sponsorship::approvals)
                .orElseGet(() -> approvals.approvals(subject(run), run.getKind().approvalKind()));
    }

    /** Who stands behind a configuration run, if a feature does; only configuration runs are asked. */
    Optional<RunSponsor.Sponsorship> sponsorship(Run run) {
        if (run.getKind() != RunKind.CONFIGURATION || run.getId() == null) {
            return Optional.empty();
        }
        return sponsors.orderedStream()
                .map(sponsor -> sponsor.sponsorship(run.getId()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * Every sponsor's check before step {@code number} of a run that one stands behind, as {@code
     * sponsorship} (read in this call) says: a run none stands behind passes without asking again
     * (issue 10: the question was a second query on every step's start, bench/runs.sh).
     */
    void beforeStep(Run run, Optional<RunSponsor.Sponsorship> sponsorship, int number) {
        if (sponsorship.isPresent()) {
            sponsors.orderedStream().forEach(sponsor -> sponsor.beforeStep(run.getId(), number));
        }
    }

    /** The run as the signed-in user sees it now. */
    RunView view(Run run) {
        return RunViews.view(run, approvals(run), RunViews.reader(), clock.instant());
    }

    static Subject subject(Run run) {
        return new Subject(RunService.SUBJECT_TYPE, run.getId());
    }

    static PortalException notFound(long id) {
        return new PortalException(Kind.NOT_FOUND, "run_not_found", id);
    }
}
