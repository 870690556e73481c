package org.pchatdr.portal.procedure;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a procedure, the same for the REST API and the command line: fields in the order of
 * issue 4, {@code null} written as {@code null}, {@code generatedAt} in ISO-8601 UTC, two-space
 * indentation. Written by hand rather than with Jackson so that the command line loads no more
 * than it needs and the field order is fixed by the code, not by annotations. {@link #read} gives
 * back the procedure a run froze, so that its page shows exactly what was approved.
 */
public final class ProcedureJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ProcedureJson() {}

    /**
     * The procedure {@link #write} wrote: {@code write(read(json))} is {@code json} again.
     *
     * @throws IllegalArgumentException when {@code json} is not such a document
     */
    public static Procedure read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            JsonNode topology = root.required("topology");
            String generatedAt = text(root, "generatedAt");
            List<Procedure.Step> steps = new ArrayList<>();
            for (JsonNode step : root.required("steps")) {
                steps.add(new Procedure.Step(
                        step.required("number").asInt(),
                        text(step, "ruleId"),
                        text(step, "title"),
                        text(step, "purpose"),
                        target(step.required("target")),
                        constant(Procedure.Language.class, text(step, "language")),
                        text(step, "script"),
                        text(step, "expected"),
                        text(step, "verify"),
                        notes(step.required("warnings")),
                        text(step, "undo")));
            }
            return new Procedure(
                    text(root, "procedure"),
                    text(root, "variant"),
                    text(root, "pool"),
                    topology.isNull()
                            ? null
                            : new Procedure.TopologyRef(
                                    text(topology, "name"),
                                    topology.required("version").asInt(),
                                    text(topology, "sha256")),
                    generatedAt == null ? null : Instant.parse(generatedAt),
                    notes(root.required("warnings")),
                    steps);
        } catch (JacksonException | DateTimeException e) {
            throw new IllegalArgumentException("Not a procedure document: " + e.getMessage(), e);
        }
    }

    private static Procedure.Target target(JsonNode target) {
        return target.isNull()
                ? null
                : new Procedure.Target(
                        constant(Procedure.TargetKind.class, text(target, "kind")),
                        text(target, "name"),
                        text(target, "site"));
    }

    private static List<Procedure.Note> notes(JsonNode notes) {
        List<Procedure.Note> read = new ArrayList<>();
        for (JsonNode note : notes) {
            read.add(new Procedure.Note(text(note, "ruleId"), text(note, "message")));
        }
        return read;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.required(field);
        return value.isNull() ? null : value.asString();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    public static String write(Procedure procedure) {
        Writer out = new Writer();
        out.open('{');
        out.field("procedure").string(procedure.procedure());
        out.field("variant").string(procedure.variant());
        out.field("pool").string(procedure.pool());
        out.field("topology");
        if (procedure.topology() == null) {
            out.raw("null");
        } else {
            out.open('{');
            out.field("name").string(procedure.topology().name());
            out.field("version").raw(Integer.toString(procedure.topology().version()));
            out.field("sha256").string(procedure.topology().sha256());
            out.close('}');
        }
        out.field("generatedAt")
                .string(
                        procedure.generatedAt() == null
                                ? null
                                : DateTimeFormatter.ISO_INSTANT.format(
                                        procedure.generatedAt().truncatedTo(ChronoUnit.MILLIS)));
        out.field("warnings");
        notes(out, procedure.warnings());
        out.field("steps").open('[');
        for (Procedure.Step step : procedure.steps()) {
            out.element().open('{');
            out.field("number").raw(Integer.toString(step.number()));
            out.field("ruleId").string(step.ruleId());
            out.field("title").string(step.title());
            out.field("purpose").string(step.purpose());
            out.field("target");
            if (step.target() == null) {
                out.raw("null");
            } else {
                out.open('{');
                out.field("kind").string(name(step.target().kind()));
                out.field("name").string(step.target().name());
                out.field("site").string(step.target().site());
                out.close('}');
            }
            out.field("language").string(name(step.language()));
            out.field("script").string(step.script());
            out.field("expected").string(step.expected());
            out.field("verify").string(step.verify());
            out.field("warnings");
            notes(out, step.warnings());
            out.field("undo").string(step.undo());
            out.close('}');
        }
        out.close(']');
        out.close('}');
        return out.text.append('\n').toString();
    }

    private static void notes(Writer out, List<Procedure.Note> notes) {
        out.open('[');
        for (Procedure.Note note : notes) {
            out.element().open('{');
            out.field("ruleId").string(note.ruleId());
            out.field("message").string(note.message());
            out.close('}');
        }
        out.close(']');
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Pretty JSON with commas and indentation handled in one place. */
    private static final class Writer {

        private final StringBuilder text = new StringBuilder(4096);
        private int depth;
        private boolean first = true;

        Writer open(char bracket) {
            text.append(bracket);
            depth++;
            first = true;
            return this;
        }

        Writer close(char bracket) {
            depth--;
            if (!first) {
                newLine();
            }
            text.append(bracket);
            first = false;
            return this;
        }

        Writer field(String name) {
            element();
            quoted(name);
            text.append(": ");
            return this;
        }

        Writer element() {
            if (!first) {
                text.append(',');
            }
            newLine();
            first = false;
            return this;
        }

        Writer raw(String value) {
            text.append(value);
            return this;
        }

        Writer string(String value) {
            if (value == null) {
                text.append("null");
            } else {
                quoted(value);
            }
            return this;
        }

        private void newLine() {
            text.append('\n');
            text.repeat("  ", depth);
        }

        private void quoted(String value) {
            text.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> text.append("\\\"");
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    default -> {
                        if (c < 0x20
                                || c == '\u2028'
                                || c == '\u2029'
                                || Character.isSurrogate(c) && !validSurrogate(value, i)) {
                            text.append(String.format("\\u%04x", (int) c));
                        } else {
                            text.append(c);
                        }
                    }
                }
            }
            text.append('"');
        }

        private static boolean validSurrogate(String value, int i) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            }
            return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
        }
    }
}
