package org.pchatdr.portal.procedure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.UnaryOperator;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;

/**
 * One step of a procedure as the operator reads it: number, title and rule, where it runs, its
 * script, what to expect, how to verify, its warnings and how to undo it. The procedure pages and
 * the run page show steps with it, so a step reads the same wherever it is carried out.
 */
public class ProcedureStepCard extends Div {

    private final Div heading;
    private int afterHeading = 1;

    /**
     * @param siteName the name people know a site by, from the site id a step names
     * @param copyButtons whether scripts get a button that copies them (on screen, not in print)
     */
    public ProcedureStepCard(Step step, UnaryOperator<String> siteName, boolean copyButtons) {
        setId("step-" + step.number());
        addClassName("procedure-step");
        Span rule = new Span(step.ruleId());
        rule.addClassName("procedure-rule");
        rule.getElement().getThemeList().add("badge");
        heading = new Div(new H3(step.number() + ". " + step.title()), rule);
        heading.addClassName("procedure-step-heading");
        add(heading);
        if (step.target() != null) {
            add(target(step, siteName));
        }
        if (step.purpose() != null && !step.purpose().isBlank()) {
            Paragraph purpose = new Paragraph(step.purpose());
            purpose.addClassName("procedure-purpose");
            add(purpose);
        }
        if (step.script() != null && !step.script().isBlank()) {
            if (step.language() == Procedure.Language.NONE) {
                Div manual = new Div(step.script());
                manual.addClassName("procedure-manual");
                add(section("procedure.ui.step.manual"), manual);
            } else {
                add(
                        section("procedure.ui.step.script", getTranslation("procedure.ui.language." + step.language())),
                        code(
                                step.script(),
                                "script-" + step.number(),
                                copyButtons ? getTranslation("procedure.ui.copy.script", step.number()) : null));
            }
        }
        if (step.expected() != null && !step.expected().isBlank()) {
            Paragraph expected = new Paragraph(step.expected());
            expected.addClassName("procedure-expected");
            add(section("procedure.ui.step.expected"), expected);
        }
        if (step.verify() != null && !step.verify().isBlank()) {
            add(
                    section("procedure.ui.step.verify"),
                    code(
                            step.verify(),
                            "verify-" + step.number(),
                            copyButtons ? getTranslation("procedure.ui.copy.verify", step.number()) : null));
        }
        if (!step.warnings().isEmpty()) {
            Div warnings = new Div();
            warnings.setId("step-warnings-" + step.number());
            warnings.addClassName("procedure-step-warnings");
            step.warnings().forEach(note -> warnings.add(note(note)));
            add(section("procedure.ui.step.warnings"), warnings);
        }
        add(section("procedure.ui.step.undo"));
        if (step.undo() == null || step.undo().isBlank()) {
            Paragraph none = new Paragraph(getTranslation("procedure.ui.step.no-undo"));
            none.setId("undo-" + step.number());
            none.addClassName("procedure-no-undo");
            add(none);
        } else {
            Pre undo = new Pre(step.undo());
            undo.setId("undo-" + step.number());
            undo.addClassName("procedure-code");
            add(undo);
        }
    }

    /** Puts more next to the step's title, such as where a run stands with it. */
    public void addToHeading(Component... components) {
        heading.add(components);
    }

    /** Puts more right under the title, before what the procedure says, in the order given. */
    public void addAfterHeading(Component... components) {
        for (Component component : components) {
            addComponentAtIndex(afterHeading++, component);
        }
    }

    /** A warning with the rule it comes from. */
    public static Component note(Note note) {
        Span rule = new Span(note.ruleId());
        rule.getElement().getThemeList().add("badge error");
        Div line = new Div(rule, new Span(" " + note.message()));
        line.addClassName("procedure-note");
        return line;
    }

    private Component target(Step step, UnaryOperator<String> siteName) {
        Procedure.Target target = step.target();
        StringBuilder text = new StringBuilder(getTranslation("procedure.target." + target.kind()));
        // A shell's name is its kind ("Lync Management Shell · Lync Management Shell" said it twice).
        if (target.name() != null && !target.name().isBlank() && !target.name().equalsIgnoreCase(text.toString())) {
            text.append(" · ").append(target.name());
        }
        if (target.site() != null) {
            text.append(" · ").append(siteName.apply(target.site()));
        }
        Span badge = new Span(text.toString());
        badge.setId("target-" + step.number());
        badge.addClassName("procedure-target");
        badge.getElement().getThemeList().add("badge contrast");
        return badge;
    }

    private H4 section(String key, Object... arguments) {
        H4 heading = new H4(getTranslation(key, arguments));
        heading.addClassName("procedure-section");
        return heading;
    }

    /** A monospace block; with a button that copies it to the clipboard when {@code copyLabel} is set. */
    private Component code(String text, String id, String copyLabel) {
        Pre block = new Pre(text);
        block.setId(id);
        block.addClassName("procedure-code");
        if (copyLabel == null) {
            return block;
        }
        Button copy = new Button(getTranslation("procedure.ui.copy"), VaadinIcon.COPY.create());
        copy.setId("copy-" + id);
        copy.setAriaLabel(copyLabel);
        copy.addClassName("procedure-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        copy.addClickListener(click -> copy(copy, text));
        Div wrapper = new Div(copy, block);
        wrapper.addClassName("procedure-code-block");
        return wrapper;
    }

    /**
     * The Clipboard API is reached through executeJs: it needs no JavaScript module. Browsers allow
     * it only on HTTPS (or localhost) pages; elsewhere the operator is told to select the text.
     */
    private void copy(Button button, String text) {
        button.getElement()
                .executeJs("return navigator.clipboard.writeText($0)", text)
                .then(
                        ignored -> Notification.show(
                                getTranslation("procedure.ui.copied"), 2000, Notification.Position.BOTTOM_START),
                        error -> Notification.show(
                                        getTranslation("procedure.ui.copy-failed"),
                                        5000,
                                        Notification.Position.BOTTOM_START)
                                .addThemeVariants(NotificationVariant.LUMO_WARNING));
    }
}
