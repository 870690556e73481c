package org.pchatdr.portal.procedure.generators;

import java.util.ArrayList;
import java.util.List;
import org.pchatdr.portal.procedure.Procedure.Language;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.procedure.Procedure.Target;
import org.pchatdr.portal.procedure.ProcedureTexts;

/**
 * Collects the steps of one procedure, in the order they are added, each with its texts read from
 * {@code <key>.title}, {@code .purpose} and {@code .expected}, all three filled from one argument
 * list: what every generator of this package writes its steps with.
 */
final class Steps {

    private final ProcedureTexts texts;
    private final List<Step> steps = new ArrayList<>();

    Steps(ProcedureTexts texts) {
        this.texts = texts;
    }

    /**
     * The text keys of one step: those under one key, or each named where steps share a text (a
     * variant's own title, the expected result of another step).
     */
    record Keys(String title, String purpose, String expected) {

        static Keys under(String key) {
            return new Keys(key + ".title", key + ".purpose", key + ".expected");
        }
    }

    String text(String key, Object... arguments) {
        return texts.text(key, arguments);
    }

    Note note(String ruleId, String key, Object... arguments) {
        return new Note(ruleId, texts.text(key, arguments));
    }

    /**
     * One step; {@code args} fill the title, purpose and expected texts alike; {@code undo} is already
     * a text (or {@code null} when the step cannot be undone).
     */
    void add(
            String ruleId,
            Keys keys,
            Object[] args,
            Target target,
            Language language,
            String script,
            String verify,
            List<Note> warnings,
            String undo) {
        steps.add(new Step(
                0,
                ruleId,
                texts.text(keys.title(), args),
                texts.text(keys.purpose(), args),
                target,
                language,
                script,
                texts.text(keys.expected(), args),
                verify,
                warnings,
                undo));
    }

    /** A step written elsewhere (configure-log-shipping's, at failback B-5), with {@code note} added. */
    void addWritten(Step step, Note note) {
        steps.add(step.withWarning(note));
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }
}
