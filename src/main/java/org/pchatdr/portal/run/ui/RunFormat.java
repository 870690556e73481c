package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.pchatdr.portal.run.RunState;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.run.StepState;

/** How the run page writes times, durations and states; times always in UTC, which it says. */
final class RunFormat {

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private RunFormat() {}

    static String time(Instant at) {
        return UTC_TIME.format(at);
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

    static Span state(Component component, RunState state) {
        String theme = switch (state) {
            case APPROVED, COMPLETED -> "success";
            case ABORTED, FAILED, REJECTED -> "error";
            case IN_PROGRESS -> "primary";
            case REQUESTED -> "contrast";
        };
        return badge(component.getTranslation("run.state." + state.name()), theme);
    }

    static Span state(Component component, StepState state) {
        String theme = switch (state) {
            case DONE -> "success";
            case FAILED -> "error";
            case IN_PROGRESS -> "primary";
            case NOT_STARTED, SKIPPED -> "contrast";
        };
        return badge(component.getTranslation("runpage.step-state." + state.name()), theme);
    }
}
