package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunSummary;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.StepState;

/**
 * How the run pages write runs: times (always UTC, which they say), durations, kinds, states,
 * links to a run and what people wrote. Every run page goes through it, so that a run reads the
 * same wherever it shows.
 */
final class RunFormat {

    private RunFormat() {}

    /** A time in UTC; nothing for a time that has not come yet (a run not ended). */
    static String time(Instant at) {
        return PortalTime.format(at);
    }

    static String duration(Component component, long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return component.getTranslation("runpage.duration.hours", hours, minutes, rest);
        }
        if (minutes > 0) {
            return component.getTranslation("runpage.duration.minutes", minutes, rest);
        }
        return component.getTranslation("runpage.duration.seconds", rest);
    }

    /** How long a step took, or has taken so far while it is in progress. */
    static long seconds(RunView.Step step, Instant now) {
        return step.state() == StepState.IN_PROGRESS
                ? Math.max(0, Duration.between(step.startedAt(), now).toSeconds())
                : step.durationSeconds();
    }

    /** The address of the run page. */
    static String runPath(long id) {
        return "runs/" + id;
    }

    /** A link to the run page, named so that it reads well out of context ("Run 12"). */
    static Anchor runLink(Component component, long id) {
        Anchor link = new Anchor(runPath(id), component.getTranslation("runs.run", id));
        link.addClassName("run-link");
        return link;
    }

    static String kind(Component component, RunKind kind) {
        return component.getTranslation("run.kind." + kind.name());
    }

    static String state(Component component, RunState state) {
        return component.getTranslation("run.state." + state.name());
    }

    /** Names as a sentence says them: "alice", "alice and bob", "alice, bob and carol". */
    static String names(Component component, List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return names.getFirst();
        }
        return component.getTranslation(
                "runpage.names", String.join(", ", names.subList(0, names.size() - 1)), names.getLast());
    }

    /** A labelled fact; the value carries the id, for whoever reads it back. */
    static Div fact(Component component, String labelKey, String value, String id) {
        Span label = new Span(component.getTranslation(labelKey));
        label.addClassName("run-fact-label");
        Span shown = new Span(value);
        shown.setId(id);
        Div fact = new Div(label, shown);
        fact.addClassName("run-fact");
        return fact;
    }

    /** What someone wrote, in quotation marks of the page's language. */
    static Span quote(Component component, String text) {
        Span quote = new Span(component.getTranslation("runpage.quoted", text));
        quote.addClassName("run-quote");
        return quote;
    }

    /** A badge with its meaning in words; the colour only repeats it. */
    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme == null ? "badge" : "badge " + theme);
        return badge;
    }

    /** A run as a home card lists it: its link, kind and state badges, then what the card adds. */
    static Component[] headline(Component component, RunSummary run, Component then) {
        return new Component[] {
            runLink(component, run.id()),
            new Span(" "),
            kindBadge(component, run.kind()),
            new Span(" "),
            stateBadge(component, run.state()),
            then
        };
    }

    /** A disaster stands out in red. */
    static Span kindBadge(Component component, RunKind kind) {
        return badge(kind(component, kind), kind == RunKind.DISASTER ? "error" : null);
    }

    /**
     * One colour a meaning, for run and step states alike: contrast waits or was passed over,
     * primary is under way, success went well, error went wrong.
     */
    static Span stateBadge(Component component, RunState state) {
        String theme = switch (state) {
            case APPROVED, COMPLETED -> "success";
            case ABORTED, FAILED, REJECTED -> "error";
            case IN_PROGRESS -> "primary";
            case REQUESTED -> "contrast";
        };
        return badge(state(component, state), theme);
    }

    static Span stateBadge(Component component, StepState state) {
        String theme = switch (state) {
            case DONE -> "success";
            case FAILED -> "error";
            case IN_PROGRESS -> "primary";
            case NOT_STARTED, SKIPPED -> "contrast";
        };
        return badge(component.getTranslation("runpage.step-state." + state.name()), theme);
    }

    /** An emergency start whose ratification is still owed, in red once its deadline passed. */
    static Optional<Span> ratificationMarker(Component component, RunSummary run, Instant now) {
        if (!run.ratificationOwed()) {
            return Optional.empty();
        }
        boolean overdue = run.ratifyBy() != null && run.ratifyBy().isBefore(now);
        Span marker = badge(
                component.getTranslation(overdue ? "runs.marker.overdue" : "runs.marker.owed"),
                overdue ? "error primary" : "warning");
        marker.getElement()
                .setAttribute("title", component.getTranslation("runs.marker.ratify-by", time(run.ratifyBy())));
        return Optional.of(marker);
    }
}
