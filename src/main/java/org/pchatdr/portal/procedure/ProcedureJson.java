package org.pchatdr.portal.procedure;

import java.time.temporal.ChronoUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
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
        Procedure toMillis = procedure.generatedAt() == null
                ? procedure
                : new Procedure(
                        procedure.procedure(),
                        procedure.variant(),
                        procedure.pool(),
                        procedure.topology(),
                        procedure.generatedAt().truncatedTo(ChronoUnit.MILLIS),
                        procedure.warnings(),
                        procedure.steps());
        return WRITER.writeValueAsString(toMillis) + "\n";
    }

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
