package org.pchatdr.portal.topology.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pchatdr.portal.topology.HostileText;
import org.pchatdr.portal.topology.ImportKeys;
import org.pchatdr.portal.topology.StructuralError;
import org.pchatdr.portal.topology.format.Json.JArray;
import org.pchatdr.portal.topology.format.Json.JBoolean;
import org.pchatdr.portal.topology.format.Json.JNull;
import org.pchatdr.portal.topology.format.Json.JNumber;
import org.pchatdr.portal.topology.format.Json.JObject;
import org.pchatdr.portal.topology.format.Json.JString;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * Strict JSON text to {@link Json} and back. Jackson's streaming parser does the lexing (and gives
 * line and column of a syntax error); the tree is built here so that a repeated key is reported
 * instead of silently overwriting the first one.
 */
public final class JsonText {

    /** The format nests five levels deep; anything far deeper is an attack or an accident. */
    private static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNameLength(1_000)
                    .maxNumberLength(100)
                    .build())
            .build();

    private static final int CONTEXT_CHARS = 30;

    private JsonText() {}

    /** {@code root} is null when the text is not JSON; {@code errors} then says why. */
    public record Parsed(Json root, List<StructuralError> errors) {
        public Parsed {
            errors = List.copyOf(errors);
        }
    }

    public static Parsed parse(String text) {
        List<StructuralError> errors = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                errors.add(error(Paths.ROOT, ImportKeys.EMPTY));
                return new Parsed(null, errors);
            }
            Json root = value(parser, first, Paths.ROOT, errors);
            if (parser.nextToken() != null) {
                TokenStreamLocation location = parser.currentTokenLocation();
                errors.add(error(Paths.ROOT, ImportKeys.JSON_TRAILING, line(location), column(location)));
                return new Parsed(null, errors);
            }
            return new Parsed(root, errors);
        } catch (Truncated | UnexpectedEndOfInputException e) {
            TokenStreamLocation location = e instanceof JacksonException jackson ? jackson.getLocation() : null;
            errors.add(error(Paths.ROOT, ImportKeys.JSON_TRUNCATED, line(location), column(location)));
        } catch (StreamConstraintsException e) {
            TokenStreamLocation location = e.getLocation();
            errors.add(error(Paths.ROOT, ImportKeys.JSON_LIMIT, line(location), column(location)));
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            if (endOfInput(e)) {
                errors.add(error(Paths.ROOT, ImportKeys.JSON_TRUNCATED, line(location), column(location)));
                return new Parsed(null, errors);
            }
            errors.add(error(
                    Paths.ROOT, ImportKeys.JSON_SYNTAX, line(location), column(location), around(text, location)));
        }
        return new Parsed(null, errors);
    }

    private static Json value(JsonParser parser, JsonToken token, String path, List<StructuralError> errors) {
        if (token == null) {
            throw new Truncated();
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Json> fields = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    if (next == null) {
                        throw new Truncated();
                    }
                    String name = parser.currentName();
                    String fieldPath = Paths.field(path, name);
                    Json field = value(parser, parser.nextToken(), fieldPath, errors);
                    if (fields.containsKey(name)) {
                        errors.add(error(fieldPath, ImportKeys.DUPLICATE_KEY, HostileText.excerpt(name)));
                    } else {
                        fields.put(name, field);
                    }
                }
                yield new JObject(fields);
            }
            case START_ARRAY -> {
                List<Json> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(value(parser, next, Paths.index(path, items.size()), errors));
                }
                yield new JArray(items);
            }
            case VALUE_STRING -> new JString(parser.getString());
            case VALUE_NUMBER_INT -> new JNumber(parser.getString(), parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> new JNumber(parser.getString(), null);
            case VALUE_TRUE -> new JBoolean(true);
            case VALUE_FALSE -> new JBoolean(false);
            case VALUE_NULL -> JNull.INSTANCE;
            default -> throw new IllegalStateException("Unexpected JSON token " + token);
        };
    }

    /** The end of the text came inside a value (some parsers report it as a null token). */
    private static final class Truncated extends RuntimeException {
        Truncated() {
            super(null, null, false, false);
        }
    }

    /** Jackson reports some truncations (between entries) as a plain read error rather than its own type. */
    private static boolean endOfInput(JacksonException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Unexpected end-of-input");
    }

    private static String line(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0 ? "?" : Integer.toString(location.getLineNr());
    }

    private static String column(TokenStreamLocation location) {
        return location == null || location.getColumnNr() < 0 ? "?" : Integer.toString(location.getColumnNr());
    }

    /** The text around an error, on its line, so the user recognises the place. */
    private static String around(String text, TokenStreamLocation location) {
        long offset = location == null ? -1 : location.getCharOffset();
        if (offset < 0 || offset > text.length()) {
            return "";
        }
        int at = (int) offset;
        int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at == 0) {
            lineStart = 0;
        }
        int lineEnd = text.indexOf('\n', at);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        int from = Math.max(lineStart, at - CONTEXT_CHARS);
        int to = Math.min(lineEnd, at + CONTEXT_CHARS);
        return from >= to ? "" : HostileText.excerpt(text.substring(from, to).strip());
    }

    private static StructuralError error(String path, String key, String... arguments) {
        return new StructuralError(path, key, List.of(arguments));
    }

    /**
     * Two-space indented JSON with {@code \n} line ends and no trailing space. Objects held by a field
     * named in {@code inlineKeys} (directly, or as elements of an array) are written on one line.
     */
    public static String pretty(Json root, Set<String> inlineKeys) {
        StringBuilder out = new StringBuilder();
        pretty(out, root, 0, inlineKeys, false, null);
        return out.append('\n').toString();
    }

    private static void pretty(
            StringBuilder out, Json value, int indent, Set<String> inlineKeys, boolean inline, String key) {
        if (inline) {
            oneLine(out, value, SPACED);
            return;
        }
        switch (value) {
            case JObject object when object.fields().isEmpty() -> out.append("{}");
            case JObject object -> {
                out.append("{\n");
                int remaining = object.fields().size();
                for (Map.Entry<String, Json> field : object.fields().entrySet()) {
                    out.append(" ".repeat(indent + 2));
                    quote(out, field.getKey());
                    out.append(": ");
                    boolean inlineChild = field.getValue() instanceof JObject && inlineKeys.contains(field.getKey());
                    pretty(out, field.getValue(), indent + 2, inlineKeys, inlineChild, field.getKey());
                    out.append(--remaining > 0 ? ",\n" : "\n");
                }
                out.append(" ".repeat(indent)).append('}');
            }
            case JArray array when array.items().isEmpty() -> out.append("[]");
            case JArray array -> {
                out.append("[\n");
                boolean inlineItems = key != null && inlineKeys.contains(key);
                for (int index = 0; index < array.items().size(); index++) {
                    out.append(" ".repeat(indent + 2));
                    pretty(out, array.items().get(index), indent + 2, inlineKeys, inlineItems, key);
                    out.append(index < array.items().size() - 1 ? ",\n" : "\n");
                }
                out.append(" ".repeat(indent)).append(']');
            }
            default -> scalar(out, value);
        }
    }

    /** JSON without any whitespace, for values shown in a diff. */
    public static String compact(Json value) {
        StringBuilder out = new StringBuilder();
        oneLine(out, value, COMPACT);
        return out.toString();
    }

    /**
     * How a value written on one line is spaced: {@code {"a":[1,2]}} in a diff,
     * {@code { "a": [ 1, 2 ] }} for the short objects of a document.
     */
    private record Spacing(String separator, String colon, String padding) {}

    private static final Spacing COMPACT = new Spacing(",", ":", "");
    private static final Spacing SPACED = new Spacing(", ", ": ", " ");

    private static void oneLine(StringBuilder out, Json value, Spacing spacing) {
        switch (value) {
            case JObject object when object.fields().isEmpty() -> out.append("{}");
            case JObject object -> {
                out.append('{').append(spacing.padding());
                String separator = "";
                for (Map.Entry<String, Json> field : object.fields().entrySet()) {
                    out.append(separator);
                    quote(out, field.getKey());
                    out.append(spacing.colon());
                    oneLine(out, field.getValue(), spacing);
                    separator = spacing.separator();
                }
                out.append(spacing.padding()).append('}');
            }
            case JArray array when array.items().isEmpty() -> out.append("[]");
            case JArray array -> {
                out.append('[').append(spacing.padding());
                for (int index = 0; index < array.items().size(); index++) {
                    out.append(index == 0 ? "" : spacing.separator());
                    oneLine(out, array.items().get(index), spacing);
                }
                out.append(spacing.padding()).append(']');
            }
            default -> scalar(out, value);
        }
    }

    private static void scalar(StringBuilder out, Json value) {
        switch (value) {
            case JString string -> quote(out, string.value());
            case JNumber number -> out.append(number.text());
            case JBoolean bool -> out.append(bool.value());
            case JNull ignored -> out.append("null");
            default -> throw new IllegalArgumentException("Not a scalar: " + value);
        }
    }

    /** Quotes a string; control, separator and bidirectional characters and lone surrogates are escaped. */
    static void quote(StringBuilder out, String value) {
        out.append('"');
        JSON.append(out, value);
        out.append('"');
    }

    private static final HostileText.Escapes JSON = new HostileText.Escapes(
            "\"\\\n\r\t\b\f", List.of("\\\"", "\\\\", "\\n", "\\r", "\\t", "\\b", "\\f"), (out, c) -> {
                if (HostileText.isForbidden(c)) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            });
}
