package org.pchatdr.portal.procedure;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a procedure, the same for the REST API, the command line and the runs that froze one:
 * the fields in the order of the {@link Procedure} records (the order of issue 4), {@code null}
 * written as {@code null}, {@code generatedAt} in ISO-8601 UTC to the millisecond, two-space
 * indentation. One mapper writes and reads it, so that {@code write(read(json))} is {@code json}.
 */
public final class ProcedureJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // A field added later must not make a frozen procedure unreadable, nor one missing from
            // an older document: both read as null.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer()
            .with(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final ObjectReader READER = MAPPER.readerFor(Procedure.class);

    private ProcedureJson() {}

    public static String write(Procedure procedure) {
        return WRITER.writeValueAsString(toMillis(procedure)) + "\n";
    }

    /** The generation time to the millisecond, as the JSON keeps it. */
    private static Procedure toMillis(Procedure procedure) {
        return procedure.generatedAt() == null
                ? procedure
                : new Procedure(
                        procedure.procedure(),
                        procedure.variant(),
                        procedure.pool(),
                        procedure.topology(),
                        procedure.generatedAt().truncatedTo(ChronoUnit.MILLIS),
                        procedure.warnings(),
                        procedure.steps());
    }

    /** A frozen procedure: its format, the pool's facts, then the procedure in each language. */
    static String writeFrozen(String format, FrozenProcedure.Facts facts, Map<String, Procedure> languages) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", format);
        document.put("facts", facts);
        Map<String, Procedure> written = new LinkedHashMap<>();
        languages.forEach((language, procedure) -> written.put(language, toMillis(procedure)));
        document.put("languages", written);
        return WRITER.writeValueAsString(document) + "\n";
    }

    /** What {@link #writeFrozen} wrote, or empty when {@code json} is not of {@code format} (a plain procedure). */
    static Optional<Frozen> readFrozen(String format, String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null
                    || !root.isObject()
                    || !format.equals(root.path("format").asString(null))) {
                return Optional.empty();
            }
            FrozenProcedure.Facts facts = MAPPER.treeToValue(root.required("facts"), FrozenProcedure.Facts.class);
            Map<String, Procedure> languages = new LinkedHashMap<>();
            for (var language : root.required("languages").properties()) {
                languages.put(language.getKey(), MAPPER.treeToValue(language.getValue(), Procedure.class));
            }
            if (languages.isEmpty()) {
                throw new IllegalArgumentException("Not a frozen procedure: no language");
            }
            return Optional.of(new Frozen(facts, languages));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a procedure document: " + e.getOriginalMessage(), e);
        }
    }

    record Frozen(FrozenProcedure.Facts facts, Map<String, Procedure> languages) {}

    /**
     * The procedure {@link #write} wrote: {@code write(read(json))} is {@code json} again.
     *
     * @throws IllegalArgumentException when {@code json} is not such a document
     */
    public static Procedure read(String json) {
        try {
            Procedure procedure = READER.readValue(json);
            if (procedure == null || procedure.procedure() == null || procedure.steps() == null) {
                throw new IllegalArgumentException("Not a procedure document: no procedure name or no steps");
            }
            return procedure;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a procedure document: " + e.getOriginalMessage(), e);
        }
    }
}
