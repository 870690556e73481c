package org.pchatdr.portal.procedure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.procedure.Procedure.Note;
import org.pchatdr.portal.procedure.Procedure.Step;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyVersion;

/**
 * One generated procedure as the operator reads it: what it is and from which topology version,
 * the warnings that apply to all of it, then every step with where it runs, its script, what to
 * expect, how to verify and how to undo. The same content on screen (with copy buttons) and on the
 * printable page (without).
 */
class ProcedureDocument extends Div {

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Procedure procedure;
    private final TopologyVersion version;
    private final boolean copyButtons;

    ProcedureDocument(Procedure procedure, TopologyVersion version, boolean groupBySite, boolean copyButtons) {
        this.procedure = procedure;
        this.version = version;
        this.copyButtons = copyButtons;
        addClassName("procedure-document");
        add(header());
        if (!version.isPublished()) {
            Div draft = new Div(getTranslation("procedure.ui.draft", version.number()));
            draft.setId("draft-marker");
            draft.addClassName("procedure-draft");
            add(draft);
        }
        if (!procedure.warnings().isEmpty()) {
            add(procedureWarnings());
        }
        if (procedure.steps().isEmpty()) {
            add(new Paragraph(getTranslation("procedure.ui.no-steps")));
        } else if (groupBySite) {
            add(stepsBySite());
        } else {
            Div steps = new Div();
            steps.setId("steps");
            procedure.steps().forEach(step -> steps.add(step(step)));
            add(steps);
        }
    }

    /** A procedure name as the page shows it; the name itself when it has no translation. */
    static String procedureLabel(Component component, String name) {
        return labelOr(component, "procedure.name." + name, name);
    }

    static String variantLabel(Component component, String variant) {
        return labelOr(component, "procedure.variant." + variant, variant);
    }

    private static String labelOr(Component component, String key, String fallback) {
        String text = component.getTranslation(key);
        return text.startsWith("!") && text.endsWith("!") ? fallback : text;
    }

    private Component header() {
        String title = procedureLabel(this, procedure.procedure());
        if (procedure.variant() != null) {
            title += " (" + variantLabel(this, procedure.variant()) + ")";
        }
        H2 name = new H2(title);
        name.setId("procedure-title");
        Span pool = new Span(getTranslation("procedure.ui.header.pool", procedure.pool()));
        pool.setId("procedure-pool");
        String sha = procedure.topology().sha256();
        Span topology = new Span(getTranslation(
                "procedure.ui.header.topology",
                procedure.topology().name(),
                Integer.toString(procedure.topology().version()),
                sha == null ? "" : sha.substring(0, Math.min(12, sha.length()))));
        topology.setId("procedure-topology");
        Span generated =
                new Span(getTranslation("procedure.ui.header.generated", UTC_TIME.format(procedure.generatedAt())));
        generated.setId("procedure-generated");
        Div facts = new Div(pool, topology, generated);
        facts.addClassNames("procedure-facts", "secondary-text");
        Div header = new Div(name, facts);
        header.addClassName("procedure-header");
        return header;
    }

    private Component procedureWarnings() {
        Div warnings = new Div(new H3(getTranslation("procedure.ui.warnings")));
        warnings.setId("procedure-warnings");
        warnings.addClassName("procedure-warnings");
        procedure.warnings().forEach(note -> warnings.add(note(note)));
        return warnings;
    }

    private Component stepsBySite() {
        Map<String, List<Step>> bySite = new LinkedHashMap<>();
        procedure
                .steps()
                .forEach(step -> bySite.computeIfAbsent(siteOf(step), site -> new ArrayList<>())
                        .add(step));
        Div groups = new Div();
        groups.setId("steps-by-site");
        bySite.forEach((site, steps) -> {
            Div group = new Div(new H3(
                    site.isEmpty()
                            ? getTranslation("procedure.ui.site.none")
                            : getTranslation("procedure.ui.site.heading", siteName(site))));
            group.addClassName("procedure-site");
            group.getElement().setAttribute("data-site", site);
            steps.forEach(step -> group.add(step(step)));
            groups.add(group);
        });
        return groups;
    }

    private static String siteOf(Step step) {
        return step.target() == null || step.target().site() == null
                ? ""
                : step.target().site();
    }

    /** Steps name a site by its id; people know it by its name. */
    private String siteName(String site) {
        return version.topology().site(site).map(Topology.Site::name).orElse(site);
    }

    private Component step(Step step) {
        Div card = new Div();
        card.setId("step-" + step.number());
        card.addClassName("procedure-step");
        Span rule = new Span(step.ruleId());
        rule.addClassName("procedure-rule");
        rule.getElement().getThemeList().add("badge");
        H3 title = new H3(step.number() + ". " + step.title());
        Div heading = new Div(title, rule);
        heading.addClassName("procedure-step-heading");
        card.add(heading);
        if (step.target() != null) {
            card.add(target(step));
        }
        if (step.purpose() != null && !step.purpose().isBlank()) {
            Paragraph purpose = new Paragraph(step.purpose());
            purpose.addClassName("procedure-purpose");
            card.add(purpose);
        }
        if (step.script() != null && !step.script().isBlank()) {
            if (step.language() == Procedure.Language.NONE) {
                Div manual = new Div(step.script());
                manual.addClassName("procedure-manual");
                card.add(section("procedure.ui.step.manual"), manual);
            } else {
                card.add(
                        section("procedure.ui.step.script", getTranslation("procedure.ui.language." + step.language())),
                        code(step.script(), "script-" + step.number(), "copy-script-" + step.number()));
            }
        }
        if (step.expected() != null && !step.expected().isBlank()) {
            Paragraph expected = new Paragraph(step.expected());
            expected.addClassName("procedure-expected");
            card.add(section("procedure.ui.step.expected"), expected);
        }
        if (step.verify() != null && !step.verify().isBlank()) {
            card.add(
                    section("procedure.ui.step.verify"),
                    code(step.verify(), "verify-" + step.number(), "copy-verify-" + step.number()));
        }
        if (!step.warnings().isEmpty()) {
            Div warnings = new Div();
            warnings.setId("step-warnings-" + step.number());
            warnings.addClassName("procedure-step-warnings");
            step.warnings().forEach(note -> warnings.add(note(note)));
            card.add(section("procedure.ui.step.warnings"), warnings);
        }
        card.add(section("procedure.ui.step.undo"));
        if (step.undo() == null || step.undo().isBlank()) {
            Paragraph none = new Paragraph(getTranslation("procedure.ui.step.no-undo"));
            none.setId("undo-" + step.number());
            none.addClassName("procedure-no-undo");
            card.add(none);
        } else {
            Pre undo = new Pre(step.undo());
            undo.setId("undo-" + step.number());
            undo.addClassName("procedure-code");
            card.add(undo);
        }
        return card;
    }

    private Component target(Step step) {
        Procedure.Target target = step.target();
        StringBuilder text = new StringBuilder(getTranslation("procedure.target." + target.kind()));
        if (target.name() != null && !target.name().isBlank()) {
            text.append(" · ").append(target.name());
        }
        if (target.site() != null) {
            text.append(" · ").append(siteName(target.site()));
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

    private Component note(Note note) {
        Span rule = new Span(note.ruleId());
        rule.getElement().getThemeList().add("badge error");
        Div line = new Div(rule, new Span(" " + note.message()));
        line.addClassName("procedure-note");
        return line;
    }

    /** A monospace block; on screen with a button that copies it to the clipboard. */
    private Component code(String text, String id, String copyId) {
        Pre block = new Pre(text);
        block.setId(id);
        block.addClassName("procedure-code");
        if (!copyButtons) {
            return block;
        }
        Button copy = new Button(getTranslation("procedure.ui.copy"), VaadinIcon.COPY.create());
        copy.setId(copyId);
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
