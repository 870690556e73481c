package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.base.ui.HomeCard;
import org.pchatdr.portal.base.ui.HomeCardSection;
import org.pchatdr.portal.base.ui.HomeSection;
import org.pchatdr.portal.run.ActiveRunSummary;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunSummary;
import org.pchatdr.portal.run.RunView;
import org.springframework.core.annotation.Order;

/**
 * The operator's card of runs under way: each with its state, its RTO clock against the target and
 * what comes next, linking to its run page. One query, the steps fetched with the runs.
 */
@org.springframework.stereotype.Component
@Order(HomeSection.OPERATOR_CARDS + 10)
class ActiveRunsHomeSection extends HomeCardSection {

    private final RunService runs;

    ActiveRunsHomeSection(RunService runs) {
        super(Role.OPERATOR, "home-active-runs", "home.runs.active.title", "runs");
        this.runs = runs;
    }

    @Override
    protected void fill(HomeCard card) {
        List<ActiveRunSummary> active = runs.unfinished();
        card.figure(active.size(), "home.runs.active.count");
        card.each(active, "home.runs.active.empty", run -> line(card, run));
    }

    private static void line(HomeCard card, ActiveRunSummary active) {
        RunSummary run = active.run();
        Div what = new Div(RunFormat.headline(card, run, new Span(" " + run.pool())));
        Div clock = new Div(rto(card, active.timings()));
        clock.setId("home-run-" + run.id() + "-rto");
        if (Boolean.FALSE.equals(active.timings().withinRto())) {
            clock.addClassName("home-card-alert");
        }
        Div next = new Div(next(card, run.state(), active.next()));
        next.setId("home-run-" + run.id() + "-next");
        card.line(what, clock, next).setId("home-run-" + run.id());
    }

    private static String rto(Component card, RunView.Timings timings) {
        if (timings.elapsedSeconds() == null) {
            return card.getTranslation("home.runs.rto.not-started");
        }
        String elapsed = RunFormat.duration(card, timings.elapsedSeconds());
        return timings.rtoTargetMinutes() == null
                ? card.getTranslation("home.runs.rto.no-target", elapsed)
                : card.getTranslation("home.runs.rto", elapsed, timings.rtoTargetMinutes());
    }

    private static String next(Component card, RunState state, RunView.Step step) {
        return switch (state) {
            case REQUESTED, APPROVED -> card.getTranslation("home.runs.next." + state.name());
            default ->
                step == null
                        ? card.getTranslation("home.runs.next.none")
                        : card.getTranslation(
                                "home.runs.next.step",
                                step.number(),
                                step.title(),
                                card.getTranslation(
                                        "runpage.step-state." + step.state().name()));
        };
    }
}
