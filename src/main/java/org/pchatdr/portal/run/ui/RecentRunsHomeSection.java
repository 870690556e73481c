package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
import org.pchatdr.portal.base.ui.HomeCardSection;
import org.pchatdr.portal.base.ui.HomeSection;
import org.pchatdr.portal.run.RunFilter;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunSummary;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;

/**
 * The auditor's card of the latest runs, newest first, with their kind, state and who requested
 * them, each linking to its run page. One query, one page.
 */
@org.springframework.stereotype.Component
@Order(HomeSection.AUDITOR_CARDS + 10)
class RecentRunsHomeSection extends HomeCardSection {

    static final int SHOWN = 8;

    private final RunService runs;

    RecentRunsHomeSection(RunService runs) {
        super(Role.AUDITOR, "home-recent-runs", "home.runs.recent.title", "runs");
        this.runs = runs;
    }

    @Override
    protected void fill(HomeCard card) {
        List<RunSummary> recent =
                runs.list(RunFilter.ALL, PageRequest.of(0, SHOWN)).getContent();
        card.each(
                recent,
                "home.runs.recent.empty",
                run -> card.line(RunFormat.headline(
                                card,
                                run,
                                new Span(" "
                                        + card.getTranslation(
                                                "home.runs.recent.line",
                                                run.pool(),
                                                run.requestedBy(),
                                                RunFormat.time(run.requestedAt())))))
                        .setId("home-recent-run-" + run.id()));
    }
}
