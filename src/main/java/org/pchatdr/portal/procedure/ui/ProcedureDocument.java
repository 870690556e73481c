package org.pchatdr.portal.procedure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.procedure.Procedure;
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

    private Component header() {
        H2 name = new H2(ProcedureLabels.title(this, procedure.procedure(), procedure.variant()));
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
                new Span(getTranslation("procedure.ui.header.generated", PortalTime.format(procedure.generatedAt())));
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
        procedure.warnings().forEach(note -> warnings.add(ProcedureStepCard.note(note)));
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
        return new ProcedureStepCard(step, this::siteName, copyButtons);
    }
}
