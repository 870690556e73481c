package org.pchatdr.portal.topology.diagram;

import static org.pchatdr.portal.topology.diagram.Style.ERROR_COLOUR;
import static org.pchatdr.portal.topology.diagram.Style.WARNING_COLOUR;

import java.util.List;
import java.util.Objects;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Violation;

/**
 * How the rule findings on one thing of the drawing are marked: an outline in the colour of the worst
 * one, a badge with the rule ids, and the class and data attributes the page and the tests read.
 */
final class ViolationMarks {

    private ViolationMarks() {}

    static void mark(Svg svg, List<Violation> marks, double x, double y, double w, double h, double radius) {
        if (marks.isEmpty()) {
            return;
        }
        boolean error = worst(marks) == Severity.ERROR;
        svg.rect(
                x - 4,
                y - 4,
                w + 8,
                h + 8,
                radius + 3,
                error ? Style.ERROR : Style.WARNING,
                "class",
                "violation-outline");
        String rules = rules(marks);
        double badgeWidth = TextWidth.of(rules, 10, true) + 10;
        badge(svg, marks, rules, x + w + 4 - badgeWidth, y - 22);
    }

    static void badge(Svg svg, List<Violation> marks, String rules, double x, double y) {
        boolean error = worst(marks) == Severity.ERROR;
        double width = TextWidth.of(rules, 10, true) + 10;
        svg.open("g", "class", "violation-marker");
        svg.empty(
                "rect",
                "x",
                x,
                "y",
                y,
                "width",
                width,
                "height",
                16,
                "rx",
                8,
                "fill",
                error ? ERROR_COLOUR : WARNING_COLOUR);
        svg.text(
                "text",
                rules,
                "x",
                x + width / 2,
                "y",
                y + 12,
                "font-size",
                10,
                "font-weight",
                "bold",
                "text-anchor",
                "middle",
                "fill",
                error ? "#ffffff" : "#000000");
        svg.close();
    }

    static Severity worst(List<Violation> marks) {
        return marks.stream().anyMatch(v -> v.severity() == Severity.ERROR) ? Severity.ERROR : Severity.WARNING;
    }

    static String violationColour(List<Violation> marks) {
        return worst(marks) == Severity.ERROR ? ERROR_COLOUR : WARNING_COLOUR;
    }

    static String violationClass(List<Violation> marks) {
        if (marks.isEmpty()) {
            return "";
        }
        return worst(marks) == Severity.ERROR ? " violation-error" : " violation-warning";
    }

    /** The distinct rule ids, in the order the violations came: {@code T-8, T-10}. */
    static String rules(List<Violation> marks) {
        if (marks.isEmpty()) {
            return null;
        }
        return String.join(
                ", ",
                marks.stream()
                        .map(v -> Objects.toString(v.ruleId(), "?"))
                        .distinct()
                        .toList());
    }
}
