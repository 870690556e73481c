package org.pchatdr.portal.change.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pchatdr.portal.topology.TopologyDiff;

/**
 * Whether a diff stays inside a standard-change template: every change is of a field the template
 * lists ({@code *} standing for one list index) and its new value a number within the field's range.
 */
public final class TemplateCheck {

    /** One field a template allows, such as {@code pools[*].logShipping.backupAlertMinutes|30|120}. */
    public record Field(String pattern, long min, long max) {

        boolean matches(String path) {
            return Pattern.compile(Pattern.quote(pattern).replace("[*]", "\\E\\[\\d+]\\Q"))
                    .matcher(path)
                    .matches();
        }
    }

    private TemplateCheck() {}

    /** Reads a template's lines; refuses a malformed one. */
    public static List<Field> read(String text) {
        List<Field> fields = new ArrayList<>();
        for (String line : text.strip().split("\n")) {
            String[] parts = line.strip().split("\\|");
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException(line);
            }
            long min = Long.parseLong(parts[1].strip());
            long max = Long.parseLong(parts[2].strip());
            if (min > max) {
                throw new IllegalArgumentException(line);
            }
            fields.add(new Field(parts[0].strip(), min, max));
        }
        return fields;
    }

    /** The first change the template does not allow, if any. An empty diff is no standard change. */
    public static Optional<TopologyDiff.Change> outside(List<Field> fields, List<TopologyDiff.Change> diff) {
        for (TopologyDiff.Change change : diff) {
            boolean allowed =
                    fields.stream().anyMatch(field -> field.matches(change.path()) && inRange(field, change.after()));
            if (!allowed) {
                return Optional.of(change);
            }
        }
        return Optional.empty();
    }

    private static boolean inRange(Field field, String after) {
        try {
            long value = Long.parseLong(after);
            return value >= field.min() && value <= field.max();
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }
}
