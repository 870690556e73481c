package org.pchatdr.portal.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeSection;
import org.pchatdr.portal.review.PoolReadiness;
import org.pchatdr.portal.review.ReadinessService;
import org.pchatdr.portal.review.internal.ReadinessChart;
import org.springframework.core.annotation.Order;

/**
 * The readiness dashboard, first on a manager's home page (issue 14): per pool, the last drill and
 * how long ago (flagged past the configured days), RTO and RPO of the last drills against the
 * targets as a server-drawn chart, open findings, overdue reviews, and the published topology.
 */
@org.springframework.stereotype.Component
@Order(-10)
record ReadinessSection(ReadinessService readiness) implements HomeSection {

    @Override
    public Set<Role> roles() {
        return Set.of(Role.MANAGER);
    }

    @Override
    public Optional<Component> create() {
        Div block = new Div();
        block.setId("readiness");
        block.add(new H2(block.getTranslation("readiness.title")));
        List<PoolReadiness> pools = readiness.pools();
        if (pools.isEmpty()) {
            block.add(new Paragraph(block.getTranslation("readiness.none")));
        }
        for (PoolReadiness pool : pools) {
            block.add(pool(block, pool));
        }
        return Optional.of(block);
    }

    private Div pool(Div on, PoolReadiness pool) {
        Div card = new Div();
        card.setId("readiness-" + pool.topologyId() + "-" + pool.pool());
        card.add(new H3(pool.pool() + " · " + pool.topologyName()));
        Paragraph drill = new Paragraph(
                pool.lastDrillId() == null
                        ? on.getTranslation("readiness.no-drill")
                        : on.getTranslation(
                                "readiness.last-drill",
                                pool.lastDrillId(),
                                on.getTranslation(
                                        "run.state." + pool.lastDrillOutcome().name()),
                                ReviewFormat.time(pool.lastDrillEndedAt()),
                                pool.daysSinceDrill()));
        if (pool.stale()) {
            drill.addClassName("run-warning");
            drill.add(" " + on.getTranslation("readiness.stale", readiness.drillMaxAgeDays()));
        }
        card.add(drill);
        if (!pool.drills().isEmpty()) {
            card.add(new Html(ReadinessChart.svg(
                    pool,
                    on.getTranslation("readiness.chart", pool.pool()),
                    on.getTranslation("readiness.chart.rto"),
                    on.getTranslation("readiness.chart.rpo"))));
        }
        card.add(new Paragraph(on.getTranslation(
                "readiness.figures",
                pool.openFindings(),
                pool.overdueReviews(),
                pool.publishedVersion(),
                ReviewFormat.time(pool.publishedAt()))));
        card.add(new Anchor("topologies/" + pool.topologyId(), on.getTranslation("readiness.topology-link")));
        return card;
    }
}
