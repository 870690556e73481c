package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
import org.pchatdr.portal.base.ui.HomeCardSection;
import org.pchatdr.portal.base.ui.HomeSection;
import org.pchatdr.portal.topology.PublishedPool;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.core.annotation.Order;

/**
 * The operator's card of pools with a published topology version, each with a "Start a site
 * failover" link to the run request form filled in for it: at 3 a.m. the failover is two clicks
 * away. One query for the published versions.
 */
@org.springframework.stereotype.Component
@Order(HomeSection.OPERATOR_CARDS + 20)
class PoolsHomeSection extends HomeCardSection {

    /** Topologies listed; the topologies page has them all. */
    static final int TOPOLOGIES = 20;

    private final TopologyService topologies;

    PoolsHomeSection(TopologyService topologies) {
        super(Role.OPERATOR, "home-pools", "home.pools.title", "topologies");
        this.topologies = topologies;
    }

    @Override
    protected void fill(HomeCard card) {
        List<PublishedPool> pools = topologies.publishedPools(TOPOLOGIES);
        card.each(pools, "home.pools.empty", pool -> {
            Anchor failover = new Anchor(failoverRequest(pool), card.getTranslation("home.pools.failover"));
            failover.setId("home-failover-" + pool.topologyId() + "-" + pool.pool());
            failover.addClassName("home-action");
            card.line(
                    new Span(card.getTranslation(
                            "home.pools.line", pool.pool(), pool.topologyName(), pool.publishedVersion())),
                    new Span(" "),
                    failover);
        });
    }

    /** The run request form, preselected as the procedure page's link does it. */
    static String failoverRequest(PublishedPool pool) {
        return "runs/new?topology=" + pool.topologyId() + "&pool="
                + URLEncoder.encode(pool.pool(), StandardCharsets.UTF_8) + "&procedure=site-failover";
    }
}
