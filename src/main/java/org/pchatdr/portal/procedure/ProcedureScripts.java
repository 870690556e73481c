package org.pchatdr.portal.procedure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scripts of a procedure as files to run: one T-SQL file per SQL instance, for SSMS or sqlcmd,
 * and one PowerShell file for the Lync Management Shell. Steps keep their order and number; manual
 * steps are left out, so the files are no substitute for the procedure itself.
 */
public final class ProcedureScripts {

    /**
     * sqlcmd (and SSMS in SQLCMD mode) replaces {@code $(name)} everywhere, string literals included,
     * and stops on an undefined variable; {@code $(} is legal in Windows folder names (C-11), so a
     * quoted path such as {@code N'D:\Logs $(old)'} would break. {@code -x} makes sqlcmd ignore
     * scripting variables (learn.microsoft.com/sql/tools/sqlcmd/sqlcmd-utility, option -x), as
     * {@code -DisableVariables} does for Invoke-Sqlcmd; SSMS outside SQLCMD mode never substitutes.
     */
    static final String SQLCMD_NOTE =
            "-- Run in SSMS (SQLCMD mode off) or with: sqlcmd -x -S <instance> -E -i <this file>\n"
                    + "-- -x stops sqlcmd from replacing $(...) inside names and strings (Invoke-Sqlcmd: -DisableVariables).\n";

    private ProcedureScripts() {}

    /** For every SQL instance a T-SQL step runs on (in order of first use), its steps separated by {@code GO}. */
    public static Map<String, String> sqlByInstance(Procedure procedure) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        for (Procedure.Step step : procedure.steps()) {
            if (step.language() != Procedure.Language.TSQL
                    || step.script() == null
                    || step.target() == null
                    || step.target().kind() != Procedure.TargetKind.SQL_INSTANCE) {
                continue;
            }
            StringBuilder file = files.computeIfAbsent(
                    step.target().name(),
                    instance -> header(new StringBuilder(), "-- ", procedure, instance)
                            .append(SQLCMD_NOTE)
                            .append('\n'));
            step(file, "-- ", step).append("GO\n\n");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach((instance, file) -> texts.put(instance, file.toString()));
        return texts;
    }

    /** Every PowerShell step, in order; an empty text when there is none. */
    public static String powerShell(Procedure procedure) {
        StringBuilder file = new StringBuilder();
        boolean any = false;
        for (Procedure.Step step : procedure.steps()) {
            if (step.language() != Procedure.Language.POWERSHELL || step.script() == null) {
                continue;
            }
            if (!any) {
                header(file, "# ", procedure, "Lync Management Shell").append('\n');
                any = true;
            }
            step(file, "# ", step).append('\n');
        }
        return file.toString();
    }

    /** A step's title as a comment line, then its script, ending with a line break. */
    private static StringBuilder step(StringBuilder file, String comment, Procedure.Step step) {
        file.append(comment)
                .append("Step ")
                .append(step.number())
                .append(": ")
                .append(oneLine(step.title()))
                .append('\n')
                .append(step.script());
        if (!step.script().endsWith("\n")) {
            file.append('\n');
        }
        return file;
    }

    private static StringBuilder header(StringBuilder file, String comment, Procedure procedure, String where) {
        file.append(comment)
                .append(oneLine(procedure.procedure()))
                .append(procedure.variant() == null ? "" : " (" + oneLine(procedure.variant()) + ")")
                .append(" for pool ")
                .append(oneLine(procedure.pool()))
                .append(", run on ")
                .append(oneLine(where))
                .append('\n');
        if (procedure.topology() != null) {
            file.append(comment)
                    .append("Topology ")
                    .append(oneLine(procedure.topology().name()))
                    .append(" version ")
                    .append(procedure.topology().version())
                    .append(", sha256 ")
                    .append(oneLine(procedure.topology().sha256()))
                    .append('\n');
        }
        return file;
    }

    /** A comment ends at the line break: a title must not be able to end it. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }
}
