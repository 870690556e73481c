package org.pchatdr.portal.procedure;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printable page of a procedure for the DR binder: what it is for and where it comes from, the
 * warnings, then every step with its script in a fenced block. Headings follow the language of
 * {@link ProcedureTexts}; the procedure's own texts are already in that language.
 */
public final class ProcedureMarkdown {

    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final String MARKUP = "\\`*_[]<>&|~";

    private ProcedureMarkdown() {}

    public static String write(Procedure procedure, ProcedureTexts texts) {
        StringBuilder out = new StringBuilder(8192);
        out.append("# ").append(inline(title(procedure, texts))).append("\n\n");
        out.append("| | |\n|---|---|\n");
        row(out, texts.text("binder.pool"), cellCode(procedure.pool()));
        if (procedure.topology() != null) {
            row(
                    out,
                    texts.text("binder.topology"),
                    procedure.topology().version() == 0
                            ? texts.text(
                                    "binder.topology.file",
                                    inline(procedure.topology().name()))
                            : texts.text(
                                    "binder.topology.value",
                                    inline(procedure.topology().name()),
                                    Integer.toString(procedure.topology().version())));
            row(out, texts.text("binder.sha256"), cellCode(procedure.topology().sha256()));
        }
        if (procedure.generatedAt() != null) {
            row(
                    out,
                    texts.text("binder.generated"),
                    DateTimeFormatter.ISO_INSTANT.format(procedure.generatedAt().truncatedTo(ChronoUnit.SECONDS)));
        }
        row(out, texts.text("binder.steps"), Integer.toString(procedure.steps().size()));
        out.append('\n');
        if (!procedure.warnings().isEmpty()) {
            out.append("## ").append(texts.text("binder.warnings")).append("\n\n");
            notes(out, procedure.warnings());
            out.append('\n');
        }
        for (Procedure.Step step : procedure.steps()) {
            step(out, step, texts);
        }
        return out.toString();
    }

    /** The procedure's name, and its variant when it has one, in the texts' language. */
    static String title(Procedure procedure, ProcedureTexts texts) {
        String key = "binder.procedure." + procedure.procedure();
        String name = texts.has(key) ? texts.text(key) : procedure.procedure();
        if (procedure.variant() == null) {
            return name;
        }
        String variantKey = "binder.variant." + procedure.variant();
        return texts.text(
                "binder.title.variant", name, texts.has(variantKey) ? texts.text(variantKey) : procedure.variant());
    }

    private static void step(StringBuilder out, Procedure.Step step, ProcedureTexts texts) {
        out.append("## ")
                .append(texts.text("binder.step", Integer.toString(step.number()), inline(step.title())))
                .append("\n\n");
        out.append("*").append(texts.text("binder.rule", step.ruleId())).append("*\n\n");
        if (step.purpose() != null) {
            out.append(escape(step.purpose())).append("\n\n");
        }
        if (step.target() != null) {
            Procedure.Target target = step.target();
            out.append("**")
                    .append(texts.text("binder.where"))
                    .append("** ")
                    .append(texts.text(
                            "binder.target",
                            texts.text("binder.target." + target.kind().name()),
                            code(target.name()),
                            target.site() == null ? "—" : inline(target.site())))
                    .append("\n\n");
        }
        String language = fenceLanguage(step.language());
        if (step.script() != null) {
            out.append("**").append(texts.text("binder.script")).append("**\n\n");
            fenced(out, step.script(), language);
        }
        if (step.expected() != null) {
            out.append("**")
                    .append(texts.text("binder.expected"))
                    .append("** ")
                    .append(escape(step.expected()))
                    .append("\n\n");
        }
        if (step.verify() != null) {
            out.append("**").append(texts.text("binder.verify")).append("**\n\n");
            fenced(out, step.verify(), language);
        }
        if (!step.warnings().isEmpty()) {
            out.append("**").append(texts.text("binder.step-warnings")).append("**\n\n");
            notes(out, step.warnings());
            out.append('\n');
        }
        out.append("**").append(texts.text("binder.undo")).append("** ");
        if (step.undo() == null) {
            out.append(texts.text("binder.undo.none")).append("\n\n");
        } else if (step.undo().contains("\n") || step.language() != Procedure.Language.NONE) {
            out.append("\n\n");
            fenced(out, step.undo(), language);
        } else {
            out.append(inline(step.undo())).append("\n\n");
        }
    }

    private static String fenceLanguage(Procedure.Language language) {
        return switch (language == null ? Procedure.Language.NONE : language) {
            case TSQL -> "sql";
            case POWERSHELL -> "powershell";
            case NONE -> "text";
        };
    }

    private static void notes(StringBuilder out, List<Procedure.Note> notes) {
        for (Procedure.Note note : notes) {
            out.append("- **")
                    .append(inline(note.ruleId()))
                    .append("** ")
                    .append(inline(note.message()))
                    .append('\n');
        }
    }

    /** {@code value} is Markdown already: escaped text, or a code span from {@link #cellCode}. */
    private static void row(StringBuilder out, String label, String value) {
        out.append("| ").append(escape(label)).append(" | ").append(value).append(" |\n");
    }

    /**
     * A code span inside a table cell: GFM splits cells at every unescaped {@code |}, even in code
     * spans, and shows {@code \|} there as {@code |}.
     */
    private static String cellCode(String value) {
        return code(value).replace("|", "\\|");
    }

    /** A fence longer than any run of backticks in the text, so that no script can close it. */
    private static void fenced(StringBuilder out, String text, String language) {
        int longest = 0;
        Matcher matcher = BACKTICKS.matcher(text);
        while (matcher.find()) {
            longest = Math.max(longest, matcher.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        out.append(fence).append(language).append('\n').append(text);
        if (!text.endsWith("\n")) {
            out.append('\n');
        }
        out.append(fence).append("\n\n");
    }

    /** A code span shows its content as written: no HTML, no entity, no emphasis inside it. */
    private static String code(String value) {
        if (value == null) {
            return "—";
        }
        String flat = oneLine(value);
        String ticks = flat.contains("`") ? "`` " : "`";
        return ticks + flat + (ticks.length() > 1 ? " ``" : "`");
    }

    /** One line of text as Markdown shows it: a value never starts a new block nor turns into markup. */
    private static String inline(String value) {
        return value == null ? "—" : escape(oneLine(value));
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }

    /**
     * Text with every character Markdown could read as markup backslash-escaped (CommonMark allows
     * it before any ASCII punctuation): {@code < > &} would become HTML or an entity, {@code |}
     * would end a table cell, {@code \ ` * _ [ ] ~} would escape, quote, emphasise, link or strike
     * through. Names are legal with all of these ({@code \\fs01\Logs & Backups$}, C-11), and
     * {@code \\fs01} must print with both backslashes.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (MARKUP.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
