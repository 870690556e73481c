package org.pchatdr.portal.change;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pchatdr.portal.approval.ApprovalPolicy;
import org.pchatdr.portal.approval.SubjectApprovals;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.change.ChangeEvent.Action;
import org.pchatdr.portal.change.internal.ChangeRequest;
import org.pchatdr.portal.change.internal.ChangeRequestRepository;
import org.pchatdr.portal.change.internal.ChangeRevision;
import org.pchatdr.portal.change.internal.ChangeRulebook;
import org.pchatdr.portal.change.internal.ChangeRunEntity;
import org.pchatdr.portal.change.internal.ChangeRunRepository;
import org.pchatdr.portal.procedure.ProcedureService;
import org.pchatdr.portal.procedure.Procedures;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunSponsor;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.topology.TopologyDiff;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyVersion;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A change's configuration runs (issue 13): planned from the diff when the implementation starts,
 * created on the proposed version one per pool at a time and approved by the change (no second
 * approval round), and the change's word on each of their steps (C-11 window, C-7 freezes).
 * Reached only through {@link ChangeService}, which keeps the transactions and says who may ask.
 */
@Component
record ChangeRuns(
        ChangeRequestRepository changes,
        ChangeRecords records,
        ChangeRunRepository runLinks,
        RunService runs,
        ProcedureService procedures,
        TopologyService topologies,
        Clock clock) {

    /** The procedures each kind of field calls for, in the order tried; the first that applies is run. */
    private static final List<Map.Entry<Pattern, List<String>>> CONFIGURED_BY = List.of(
            Map.entry(Pattern.compile("^pools\\[(\\d+)]\\.mirroring(\\..*)?$"), List.of("configure-mirroring")),
            Map.entry(
                    Pattern.compile("^pools\\[(\\d+)]\\.logShipping(\\..*)?$"),
                    List.of("configure-log-shipping", "configure-log-shipping-from-mirror")));

    /**
     * The configuration runs the diff calls for, saved as waiting: per pool, the procedures of the
     * fields it changes (mirroring, log shipping) that apply to the proposed version, in the order
     * an operator meets them, each with its first applicable variant.
     */
    List<ChangeRunEntity> plan(ChangeRequest change, ChangeRevision revision, Instant now) {
        TopologyVersion proposed = topologies.version(change.getTopologyId(), revision.getTopologyVersion());
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        for (TopologyDiff.Change each :
                topologies.compare(change.getTopologyId(), revision.getBaseVersion(), revision.getTopologyVersion())) {
            for (var entry : CONFIGURED_BY) {
                Matcher matcher = entry.getKey().matcher(each.path());
                int index = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
                if (index >= 0 && index < proposed.topology().pools().size()) {
                    wanted.computeIfAbsent(
                                    proposed.topology().pools().get(index).fqdn(), pool -> new LinkedHashSet<>())
                            .addAll(entry.getValue());
                }
            }
        }
        List<ChangeRunEntity> planned = new ArrayList<>();
        wanted.forEach((pool, names) -> {
            Set<String> covered = new HashSet<>();
            for (Procedures.Applicable applicable :
                    procedures.applicable(change.getTopologyId(), pool, revision.getTopologyVersion())) {
                if (!names.contains(applicable.procedure())) {
                    continue;
                }
                // One log-shipping procedure per pool: the plain one or the one from the mirror.
                String family = applicable.procedure().startsWith("configure-log-shipping")
                        ? "configure-log-shipping"
                        : applicable.procedure();
                if (covered.add(family)) {
                    planned.add(runLinks.saveAndFlush(new ChangeRunEntity(
                            change.getId(),
                            pool,
                            applicable.procedure(),
                            applicable.variants().isEmpty()
                                    ? null
                                    : applicable.variants().getFirst(),
                            now)));
                }
            }
        });
        return planned;
    }

    /**
     * Creates the change's waiting configuration runs whose pool no earlier run of it still holds,
     * on the proposed version, approved by the change (no second approval round).
     */
    void createWaiting(ChangeRequest change, ChangeRevision revision) {
        List<ChangeRunEntity> links = runLinks.findByChangeIdOrderByIdAsc(change.getId());
        Set<String> busy = new HashSet<>();
        for (ChangeRunEntity link : links) {
            if (link.getRunId() != null && !runs.run(link.getRunId()).state().isFinished()) {
                busy.add(link.getPool().toLowerCase(Locale.ROOT));
            }
        }
        for (ChangeRunEntity link : links) {
            if (link.getRunId() != null || !busy.add(link.getPool().toLowerCase(Locale.ROOT))) {
                continue;
            }
            RunView run = runs.request(
                    new RunRequest(
                            change.getTopologyId(),
                            link.getPool(),
                            link.getProcedure(),
                            link.getVariant(),
                            RunKind.CONFIGURATION,
                            "Change request " + change.getId() + ": " + revision.getTitle(),
                            null),
                    revision.getTopologyVersion(),
                    LocaleContextHolder.getLocale());
            link.created(run.id());
            runLinks.saveAndFlush(link);
            runs.approveAsSponsored(run.id(), run.version());
            records.publish(
                    CurrentUser.actor(),
                    Action.CHANGE_RUN_CREATED,
                    change,
                    revision,
                    AuditMessage.of(
                            "audit.details.CHANGE_RUN_CREATED",
                            run.id(),
                            AuditMessage.of("audit.details.change.run-on", link.getProcedure(), link.getPool()),
                            String.valueOf(revision.getTopologyVersion())));
        }
    }

    /**
     * The change request behind configuration run {@code runId}, if any, for the run module: its
     * current round's approvals stand for the run's (one suffices before an emergency's
     * ratification; a STANDARD change's template is its approval).
     */
    Optional<RunSponsor.Sponsorship> sponsorship(long runId) {
        return runLinks.findByRunId(runId)
                .flatMap(link -> changes.findById(link.getChangeId()))
                .map(change -> {
                    ChangeRevision revision = records.current(change);
                    SubjectApprovals round = records.roundApprovals(change);
                    ApprovalPolicy policy = round.policy();
                    int required = switch (change.getType()) {
                        case STANDARD -> 0;
                        case EMERGENCY -> 1;
                        case NORMAL -> policy.requiredApprovers();
                    };
                    return new RunSponsor.Sponsorship(
                            "change request " + change.getId() + ", revision " + revision.getNumber() + " ("
                                    + revision.getContentHash() + ")",
                            new SubjectApprovals(
                                    round.kind(),
                                    new ApprovalPolicy(
                                            required,
                                            policy.executorMayApprove(),
                                            policy.validity(),
                                            policy.ratificationWindow(),
                                            false),
                                    round.decisions()));
                });
    }

    /**
     * C-11 and C-7 before step {@code number} of a change's configuration run: refused once the
     * window (and its last extension) has ended, inside a freeze not overridden, or when the change
     * is no longer being implemented. A run no change stands behind passes.
     */
    void checkStep(long runId, int number) {
        Optional<ChangeRunEntity> link = runLinks.findByRunId(runId);
        if (link.isEmpty()) {
            return;
        }
        ChangeRequest change = changes.findById(link.get().getChangeId()).orElseThrow();
        ChangeRulebook.step(change, records.facts(change), clock.instant()).ifPresent(refusal -> {
            throw refusal.rule().exception(refusal.arguments().toArray());
        });
    }

    /** A run of a change ended: the change's next run waiting for that pool is created. */
    void ended(long runId) {
        runLinks.findByRunId(runId)
                .flatMap(link -> changes.findById(link.getChangeId()))
                .filter(change -> change.getState() == ChangeState.IMPLEMENTING)
                .ifPresent(change -> createWaiting(change, records.current(change)));
    }
}
