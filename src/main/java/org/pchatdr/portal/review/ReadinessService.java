package org.pchatdr.portal.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pchatdr.portal.run.RunFilter;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunSummary;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologySummary;
import org.pchatdr.portal.topology.TopologyVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The readiness dashboard's figures (issue 14), per pool of every published topology: read only,
 * from the runs, the reviews and the topologies.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR', 'ADMIN')")
public class ReadinessService {

    /** How many ended drills the chart shows per pool. */
    static final int DRILLS = 6;

    static final int TOPOLOGIES = 50;

    private final TopologyService topologies;
    private final RunService runs;
    private final ReviewService reviews;
    private final Clock clock;
    private final int drillMaxAgeDays;

    ReadinessService(
            TopologyService topologies,
            RunService runs,
            ReviewService reviews,
            Clock clock,
            @Value("${portal.readiness.drill-max-age-days:90}") int drillMaxAgeDays) {
        this.topologies = topologies;
        this.runs = runs;
        this.reviews = reviews;
        this.clock = clock;
        this.drillMaxAgeDays = drillMaxAgeDays;
    }

    public int drillMaxAgeDays() {
        return drillMaxAgeDays;
    }

    /** Every pool of the newest published topologies ({@value #TOPOLOGIES} at most), those most in need of a drill first. */
    public List<PoolReadiness> pools() {
        Instant now = clock.instant();
        List<ReviewSummary> overdue = reviews.overdueReviews();
        List<PoolReadiness> pools = new ArrayList<>();
        for (TopologySummary summary : topologies
                .list(PageRequest.of(0, TOPOLOGIES, Sort.by("id").descending()))
                .getContent()) {
            if (summary.publishedVersion() == null) {
                continue;
            }
            TopologyVersion published = topologies.published(summary.id());
            for (Topology.Pool pool : published.topology().pools()) {
                pools.add(pool(summary, published, pool, overdue, now));
            }
        }
        pools.sort(
                java.util.Comparator.comparing(PoolReadiness::stale).reversed().thenComparing(PoolReadiness::pool));
        return pools;
    }

    private PoolReadiness pool(
            TopologySummary summary,
            TopologyVersion published,
            Topology.Pool pool,
            List<ReviewSummary> overdue,
            Instant now) {
        List<RunView> ended = new ArrayList<>();
        for (RunSummary run : runs.list(
                        new RunFilter(pool.fqdn(), RunKind.DRILL, null, null, null, null), PageRequest.of(0, 50))
                .getContent()) {
            if (run.topologyId() == summary.id() && run.endedAt() != null && run.state() != RunState.REJECTED) {
                ended.add(runs.run(run.id()));
                if (ended.size() == DRILLS) {
                    break;
                }
            }
        }
        RunView last = ended.isEmpty() ? null : ended.getFirst();
        Long days = last == null ? null : Duration.between(last.endedAt(), now).toDays();
        List<PoolReadiness.Drill> drills = new ArrayList<>();
        for (RunView run : ended.reversed()) {
            drills.add(new PoolReadiness.Drill(
                    run.id(),
                    run.endedAt(),
                    run.timings().elapsedSeconds(),
                    run.dataLoss() == null ? null : run.dataLoss().windowSeconds()));
        }
        var objectives = pool.objectives();
        return new PoolReadiness(
                summary.id(),
                summary.name(),
                pool.fqdn(),
                published.number(),
                published.createdAt(),
                last == null ? null : last.id(),
                last == null ? null : last.state(),
                last == null ? null : last.endedAt(),
                days,
                days == null || days > drillMaxAgeDays,
                objectives == null ? null : objectives.rtoMinutes(),
                objectives == null ? null : objectives.rpoMinutes(),
                drills,
                reviews.openFindings(pool.fqdn()),
                overdue.stream()
                        .filter(review -> review.pool().equalsIgnoreCase(pool.fqdn()))
                        .count());
    }
}
