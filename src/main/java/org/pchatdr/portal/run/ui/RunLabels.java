package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunSummary;

/** How the run pages name runs, their kinds and states. Times are UTC, as typed. */
final class RunLabels {

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private RunLabels() {}

    /** The address of the run page. */
    static String runPath(long id) {
        return "runs/" + id;
    }

    /** A link to the run page, named so that it reads well out of context ("Run 12"). */
    static Anchor runLink(Component owner, long id) {
        Anchor link = new Anchor(runPath(id), owner.getTranslation("runs.run", id));
        link.addClassName("run-link");
        return link;
    }

    static String time(Instant time) {
        return time == null ? "" : UTC_TIME.format(time);
    }

    static String kind(Component owner, RunKind kind) {
        return owner.getTranslation("run.kind." + kind.name());
    }

    /** The state in words and colour; the words carry it for those who do not see colour. */
    static Span stateBadge(Component owner, RunState state) {
        Span badge = new Span(owner.getTranslation("run.state." + state.name()));
        badge.getElement()
                .getThemeList()
                .add(
                        switch (state) {
                            case REQUESTED -> "badge contrast";
                            case APPROVED, IN_PROGRESS -> "badge";
                            case COMPLETED -> "badge success";
                            case ABORTED, FAILED, REJECTED -> "badge error";
                        });
        return badge;
    }

    /** An emergency start whose ratification is still owed, in red once its deadline passed. */
    static Optional<Span> ratificationMarker(Component owner, RunSummary run, Instant now) {
        if (!run.ratificationOwed()) {
            return Optional.empty();
        }
        boolean overdue = run.ratifyBy() != null && run.ratifyBy().isBefore(now);
        Span marker = new Span(owner.getTranslation(overdue ? "runs.marker.overdue" : "runs.marker.owed"));
        marker.getElement().getThemeList().add(overdue ? "badge error primary" : "badge warning");
        marker.getElement().setAttribute("title", owner.getTranslation("runs.marker.ratify-by", time(run.ratifyBy())));
        return Optional.of(marker);
    }
}
