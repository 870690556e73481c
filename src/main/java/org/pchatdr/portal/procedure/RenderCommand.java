package org.pchatdr.portal.procedure;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.StructuralError;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologyRules;
import org.pchatdr.portal.topology.Violation;

/**
 * {@code render}: one procedure from a topology file, for the offline DR binder and automation. It
 * runs before Spring starts and touches neither Spring, Vaadin nor the database, so that it answers
 * in well under a second from the packaged jar.
 *
 * <p>Exit codes: {@value #OK} with the document on standard output; {@value #UNUSABLE} when the
 * topology cannot be used (structural errors and error-level rule violations on standard error);
 * {@value #USAGE} on wrong arguments, with the usage text on standard error.
 */
public final class RenderCommand {

    public static final int OK = 0;
    public static final int UNUSABLE = 2;
    /** {@code EX_USAGE} of BSD's sysexits.h. */
    public static final int USAGE = 64;

    public static final String NAME = "render";

    private static final List<String> OPTIONS =
            List.of("--topology", "--pool", "--procedure", "--variant", "--format", "--lang");
    private static final long MAX_FILE_BYTES = 4L * TopologyFormat.MAX_DOCUMENT_CHARS;

    private RenderCommand() {}

    /** For {@code main}: standard output and error in UTF-8, whatever the console's default. */
    public static int runOnConsole(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        try {
            return run(args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code args[0]} is {@code render}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        String problem = parse(args, options);
        Locale locale = locale(options.get("--lang"));
        ProcedureTexts texts = ProcedureTexts.of(locale == null ? Locale.ROOT : locale);
        if (problem == null && options.containsKey("--help")) {
            out.println(texts.text("cli.usage", String.join(", ", Procedures.names())));
            out.flush();
            return OK;
        }
        if (problem == null && locale == null) {
            problem = texts.text("error.procedure_language_unknown", options.get("--lang"));
        }
        if (problem == null) {
            for (String required : List.of("--topology", "--pool", "--procedure")) {
                if (!options.containsKey(required)) {
                    problem = texts.text("cli.option-missing", required);
                    break;
                }
            }
        }
        String format = options.getOrDefault("--format", "json");
        if (problem == null && !format.equals("json") && !format.equals("markdown")) {
            problem = texts.text("cli.format-unknown", format);
        }
        if (problem != null) {
            return usage(err, texts, problem);
        }

        String file = options.get("--topology");
        String document;
        try {
            Path path = Path.of(file);
            if (Files.size(path) > MAX_FILE_BYTES) {
                return usage(err, texts, texts.text("cli.file-unreadable", file, "> " + MAX_FILE_BYTES + " bytes"));
            }
            document = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return usage(err, texts, texts.text("cli.file-unreadable", file, "not UTF-8"));
        } catch (IOException | RuntimeException e) {
            return usage(err, texts, texts.text("cli.file-unreadable", file, e.toString()));
        }

        Topology topology;
        switch (TopologyFormat.read(document)) {
            case ReadResult.Unreadable unreadable -> {
                TopologyMessages messages = new TopologyMessages(texts.locale());
                err.println(texts.text("cli.unusable", file));
                for (StructuralError error : unreadable.errors()) {
                    err.println(
                            texts.text("cli.problem", error.path(), texts.text("cli.structural"), messages.of(error)));
                }
                return UNUSABLE;
            }
            case ReadResult.Read read -> topology = read.topology();
        }
        // The topology is judged before the request, so that a broken file says so whatever is asked of it.
        List<Violation> errors = TopologyRules.check(topology).stream()
                .filter(violation -> violation.severity() == Severity.ERROR)
                .toList();
        if (!errors.isEmpty()) {
            return unusable(err, texts, file, errors);
        }

        Procedure procedure;
        try {
            procedure = Procedures.generate(
                    topology,
                    new Procedure.TopologyRef(topology.name(), 0, TopologyFormat.sha256(topology)),
                    options.get("--pool"),
                    options.get("--procedure"),
                    options.get("--variant"),
                    texts.locale(),
                    Instant.now());
        } catch (ProcedureException e) {
            return switch (e.reason()) {
                case UNKNOWN_PROCEDURE, UNKNOWN_VARIANT, UNKNOWN_POOL, NOT_APPLICABLE ->
                    usage(err, texts, texts.text("error." + e.code(), e.arguments()));
                case UNUSABLE_TOPOLOGY -> unusable(err, texts, file, e.violations());
                case UNSAFE_VALUE -> {
                    err.println(texts.text("cli.unusable", file));
                    err.println(texts.text("error." + e.code(), e.arguments()));
                    yield UNUSABLE;
                }
            };
        }
        out.print(
                format.equals("markdown") ? ProcedureMarkdown.write(procedure, texts) : ProcedureJson.write(procedure));
        out.flush();
        return OK;
    }

    /** Fills {@code options}; returns what is wrong with the arguments, in English, or null. */
    private static String parse(String[] args, Map<String, String> options) {
        ProcedureTexts english = ProcedureTexts.of(Locale.ROOT);
        int start = args.length > 0 && NAME.equals(args[0]) ? 1 : 0;
        for (int i = start; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("--help", "");
                continue;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!OPTIONS.contains(name)) {
                return english.text("cli.option-unknown", arg);
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    return english.text("cli.option-value", name);
                }
                value = args[++i];
            }
            if (options.putIfAbsent(name, value) != null) {
                return english.text("cli.option-twice", name);
            }
        }
        return null;
    }

    /** English without {@code --lang}, French for {@code fr}; null for any other value. */
    private static Locale locale(String lang) {
        if (lang == null || lang.equalsIgnoreCase("en")) {
            return Locale.ROOT;
        }
        return lang.equalsIgnoreCase("fr") ? Locale.FRENCH : null;
    }

    private static int unusable(PrintStream err, ProcedureTexts texts, String file, List<Violation> errors) {
        TopologyMessages messages = new TopologyMessages(texts.locale());
        err.println(texts.text("cli.unusable", file));
        for (Violation violation : errors) {
            err.println(texts.text("cli.problem", violation.path(), violation.ruleId(), messages.of(violation)));
        }
        err.flush();
        return UNUSABLE;
    }

    private static int usage(PrintStream err, ProcedureTexts texts, String problem) {
        err.println(problem);
        err.println();
        err.println(texts.text("cli.usage", String.join(", ", Procedures.names())));
        err.flush();
        return USAGE;
    }

    /** The topology module's texts for structural errors and rule violations, read without Spring. */
    private static final class TopologyMessages {

        private final Locale locale;
        private final List<ResourceBundle> bundles;

        TopologyMessages(Locale locale) {
            this.locale = locale;
            this.bundles = List.of("i18n/topology-import", "i18n/topology-rules").stream()
                    .map(name -> ResourceBundle.getBundle(
                            name,
                            locale,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)))
                    .toList();
        }

        String of(StructuralError error) {
            return text(error.messageKey(), error.arguments());
        }

        String of(Violation violation) {
            return text(violation.messageKey(), violation.arguments());
        }

        private String text(String key, List<String> arguments) {
            for (ResourceBundle bundle : bundles) {
                if (bundle.containsKey(key)) {
                    return new MessageFormat(bundle.getString(key), locale).format(arguments.toArray());
                }
            }
            throw new MissingResourceException("No topology text " + key, bundles.toString(), key);
        }
    }
}
