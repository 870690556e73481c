package org.pchatdr.portal.change;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pchatdr.portal.approval.SubjectApprovals;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.Stamp;
import org.pchatdr.portal.change.internal.ChangeRequest;
import org.pchatdr.portal.change.internal.ChangeRevision;
import org.pchatdr.portal.change.internal.ChangeRevisionRepository;
import org.pchatdr.portal.change.internal.ChangeRulebook;
import org.pchatdr.portal.change.internal.ChangeRunEntity;
import org.pchatdr.portal.change.internal.ChangeRunRepository;
import org.pchatdr.portal.change.internal.RiskAssessor;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.topology.TopologyDiff;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.stereotype.Component;

/**
 * A change request as its readers see it: {@link ChangeView} with the signed-in user's allowed
 * actions (the rulebook's answer), the approvals of every round, what changed since the last
 * approved revision, its configuration runs and its review; {@link ChangeSummary} for lists.
 */
@Component
record ChangeViews(
        ChangeRecords records,
        ChangeReviewDraft reviewDraft,
        ChangeRevisionRepository revisions,
        ChangeRunRepository runLinks,
        TopologyService topologies,
        RunService runs,
        Clock clock) {

    ChangeView view(ChangeRequest change) {
        Instant now = clock.instant();
        List<ChangeRevision> all = revisions.findByChangeIdOrderByNumberAsc(change.getId());
        ChangeRevision revision = all.getLast();
        SubjectApprovals round = records.roundApprovals(change);
        ChangeRulebook.Facts facts = records.facts(change);
        List<String> actions = CurrentUser.username().isPresent()
                ? ChangeRulebook.judge(change, ChangeRecords.actor(), round, facts, now)
                        .allowed()
                : List.of();
        List<ChangeView.RoundApprovals> rounds = new ArrayList<>();
        for (ChangeRevision each : all) {
            if (each.getId().equals(each.getApprovalRound())) {
                rounds.add(new ChangeView.RoundApprovals(
                        each.getNumber(),
                        each.getContentHash(),
                        each.getId().equals(change.getApprovalRound()),
                        records.decisions(each.getId())));
            }
        }
        String topologyName = topologies.summary(change.getTopologyId()).name();
        List<TopologyDiff.Change> diff =
                topologies.compare(change.getTopologyId(), revision.getBaseVersion(), revision.getTopologyVersion());
        ChangeView.Review review = change.getState().ended() || change.getReview() != null
                ? new ChangeView.Review(
                        change.getReviewText() == null ? reviewDraft.draft(change) : null,
                        change.getReviewText(),
                        Stamp.byOf(change.getReview()),
                        Stamp.atOf(change.getReview()))
                : null;
        return new ChangeView(
                change.getId(),
                change.getType(),
                change.getState(),
                change.getTopologyId(),
                topologyName,
                change.getTemplateId(),
                revision.getNumber(),
                revision.getContentHash(),
                revision(revision, all),
                diff,
                new Risk(
                        change.getComputedRisk(),
                        change.getDeclaredRisk(),
                        change.getEffectiveRisk(),
                        RiskAssessor.read(change.getRiskReasons())),
                change.approvalKind(),
                round.policy().requiredApprovers(),
                rounds,
                ChangeRulebook.ratified(change, round, now),
                facts.conflicts(),
                change.getRequested().by(),
                change.getRequested().at(),
                Stamp.byOf(change.getStarted()),
                Stamp.atOf(change.getStarted()),
                Stamp.byOf(change.getEnded()),
                Stamp.atOf(change.getEnded()),
                change.getOutcome(),
                change.isReviewDue(),
                review,
                change.getChanged().by(),
                change.getChanged().at(),
                actions,
                configurationRuns(change),
                records.extensions(change),
                change.isFreezeOverridden()
                        ? new ChangeView.FreezeOverride(
                                Stamp.byOf(change.getFreezeOverride()),
                                Stamp.atOf(change.getFreezeOverride()),
                                change.getFreezeOverrideReason())
                        : null,
                sinceApproved(change, all));
    }

    /** {@code revision} with the number of the revision that opened its approval round. */
    static RevisionView revision(ChangeRevision revision, List<ChangeRevision> all) {
        int round = all.stream()
                .filter(each -> each.getId().equals(revision.getApprovalRound()))
                .mapToInt(ChangeRevision::getNumber)
                .findFirst()
                .orElse(revision.getNumber());
        return revision.view(round);
    }

    ChangeSummary summary(ChangeRequest change) {
        ChangeRevision revision = records.current(change);
        return new ChangeSummary(
                change.getId(),
                revision.getTitle(),
                change.getType(),
                change.getState(),
                change.getEffectiveRisk(),
                change.getTopologyId(),
                revision.getNumber(),
                revision.getWindowStart(),
                revision.getWindowEnd(),
                change.getRequested().by(),
                change.getChanged().at());
    }

    /** Each content field that differs from {@code then} to {@code now}, topology fields prefixed. */
    List<TopologyDiff.Change> changesBetween(ChangeRequest change, ChangeRevision then, ChangeRevision now) {
        List<TopologyDiff.Change> changed = new ArrayList<>();
        if (then.getTopologyVersion() != now.getTopologyVersion()) {
            changed.add(new TopologyDiff.Change(
                    "topologyVersion",
                    String.valueOf(then.getTopologyVersion()),
                    String.valueOf(now.getTopologyVersion())));
            topologies
                    .compare(change.getTopologyId(), then.getTopologyVersion(), now.getTopologyVersion())
                    .forEach(each -> changed.add(
                            new TopologyDiff.Change("topology." + each.path(), each.before(), each.after())));
        }
        field(
                changed,
                "implementationPlan",
                then.content().implementationPlan(),
                now.content().implementationPlan());
        field(
                changed,
                "backoutPlan",
                then.content().backoutPlan(),
                now.content().backoutPlan());
        field(changed, "testPlan", then.content().testPlan(), now.content().testPlan());
        field(changed, "windowStart", String.valueOf(then.getWindowStart()), String.valueOf(now.getWindowStart()));
        field(changed, "windowEnd", String.valueOf(then.getWindowEnd()), String.valueOf(now.getWindowEnd()));
        field(changed, "timeZone", then.getTimeZone(), now.getTimeZone());
        field(changed, "pools", String.join(", ", then.pools()), String.join(", ", now.pools()));
        return changed;
    }

    private static void field(List<TopologyDiff.Change> changed, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            changed.add(new TopologyDiff.Change(name, before, after));
        }
    }

    /**
     * When a material edit voided approvals: the last revision of the latest earlier round that had
     * any, and what changed since, so its approvers see what they are asked to approve again.
     */
    private ChangeView.SinceApproved sinceApproved(ChangeRequest change, List<ChangeRevision> all) {
        ChangeRevision latest = all.getLast();
        ChangeRevision approved = null;
        for (ChangeRevision each : all) {
            if (!each.getApprovalRound().equals(change.getApprovalRound())
                    && !records.decisions(each.getApprovalRound()).isEmpty()) {
                approved = each;
            }
        }
        return approved == null
                ? null
                : new ChangeView.SinceApproved(approved.getNumber(), changesBetween(change, approved, latest));
    }

    private List<ChangeView.ConfigurationRun> configurationRuns(ChangeRequest change) {
        List<ChangeView.ConfigurationRun> list = new ArrayList<>();
        for (ChangeRunEntity link : runLinks.findByChangeIdOrderByIdAsc(change.getId())) {
            RunView run = link.getRunId() == null ? null : runs.run(link.getRunId());
            list.add(new ChangeView.ConfigurationRun(
                    link.getPool(),
                    link.getProcedure(),
                    link.getVariant(),
                    link.getRunId(),
                    run == null ? null : run.state(),
                    run == null ? null : run.startedAt(),
                    run == null ? null : run.endedAt()));
        }
        return list;
    }
}
