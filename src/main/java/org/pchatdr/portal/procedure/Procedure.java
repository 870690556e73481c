package org.pchatdr.portal.procedure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated procedure for one pool of one topology version: the warnings that apply to the
 * whole of it, then the steps in the order they must be carried out. Every text is already in the
 * requested language; every name in a script comes from the topology, quoted by {@link Quote}.
 */
public record Procedure(
        String procedure,
        String variant,
        String pool,
        TopologyRef topology,
        Instant generatedAt,
        List<Note> warnings,
        List<Step> steps) {

    public Procedure {
        warnings = List.copyOf(warnings);
        steps = List.copyOf(steps);
    }

    /** Which topology version the procedure was generated from. */
    public record TopologyRef(String name, int version, String sha256) {}

    /** A warning with the rule it comes from (P-…, F-0 …). */
    public record Note(String ruleId, String message) {}

    /**
     * One thing to do. {@code script} is what to run ({@code language} says in what; {@code NONE}
     * for manual work), {@code expected} what the operator should see when it worked,
     * {@code verify} how to check it, {@code undo} how to take it back, or {@code null} when it
     * cannot be undone.
     */
    public record Step(
            int number,
            String ruleId,
            String title,
            String purpose,
            Target target,
            Language language,
            String script,
            String expected,
            String verify,
            List<Note> warnings,
            String undo) {

        public Step {
            warnings = List.copyOf(warnings);
        }

        /** The same step at place {@code number} of its procedure. */
        public Step numbered(int number) {
            return new Step(number, ruleId, title, purpose, target, language, script, expected, verify, warnings, undo);
        }

        /** The same step with {@code note} after its own warnings. */
        public Step withWarning(Note note) {
            List<Note> more = new ArrayList<>(warnings);
            more.add(note);
            return new Step(number, ruleId, title, purpose, target, language, script, expected, verify, more, undo);
        }
    }

    /** Where a step runs: a SQL instance, a server, the Lync Management Shell, a share, a person. */
    public record Target(TargetKind kind, String name, String site) {}

    public enum TargetKind {
        SQL_INSTANCE,
        PERSISTENT_CHAT_SERVER,
        LYNC_MANAGEMENT_SHELL,
        FILE_SYSTEM,
        OPERATOR
    }

    public enum Language {
        TSQL,
        POWERSHELL,
        NONE
    }
}
