package org.pchatdr.portal.procedure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain, complete text of a procedure for golden tests: every field of every step, one per line,
 * so that a reviewer reads the expected output line by line and a diff shows exactly what changed.
 * The generation time is left out: it changes on every run.
 */
public final class ProcedureDump {

    private ProcedureDump() {}

    public static String of(Procedure procedure) {
        StringBuilder out = new StringBuilder();
        out.append("procedure: ").append(procedure.procedure()).append('\n');
        out.append("variant: ").append(procedure.variant()).append('\n');
        out.append("pool: ").append(procedure.pool()).append('\n');
        out.append("topology: ")
                .append(procedure.topology().name())
                .append(" v")
                .append(procedure.topology().version())
                .append('\n');
        procedure
                .warnings()
                .forEach(note -> out.append("warning ")
                        .append(note.ruleId())
                        .append(": ")
                        .append(note.message())
                        .append('\n'));
        for (Procedure.Step step : procedure.steps()) {
            out.append("\n=== step ")
                    .append(step.number())
                    .append(" [")
                    .append(step.ruleId())
                    .append("] ");
            out.append(step.title()).append('\n');
            out.append("purpose: ").append(step.purpose()).append('\n');
            out.append("target: ")
                    .append(step.target().kind())
                    .append(' ')
                    .append(step.target().name())
                    .append(" (site ")
                    .append(step.target().site())
                    .append(")\n");
            out.append("language: ").append(step.language()).append('\n');
            out.append("script:\n")
                    .append(step.script() == null ? "" : step.script())
                    .append('\n');
            out.append("expected: ").append(step.expected()).append('\n');
            out.append("verify:\n")
                    .append(step.verify() == null ? "" : step.verify())
                    .append('\n');
            step.warnings()
                    .forEach(note -> out.append("warning ")
                            .append(note.ruleId())
                            .append(": ")
                            .append(note.message())
                            .append('\n'));
            out.append("undo: ")
                    .append(step.undo() == null ? "(cannot be undone)" : step.undo())
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Compares with {@code src/test/resources/golden/<name>.txt}. With {@code -Dgolden.update=true}
     * the file is (re)written instead, for a person to review line by line before committing.
     */
    public static void assertMatchesGolden(String name, Procedure procedure) {
        Path file = Path.of("src/test/resources/golden", name + ".txt");
        String actual = of(procedure);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(actual)
                    .as(file.toString())
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException("No golden file " + file + ": generate it with -Dgolden.update=true", e);
        }
    }
}
