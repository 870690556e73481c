package org.pchatdr.portal.procedure.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyVersion;

/**
 * The procedures of one pool of a topology: choose pool, procedure and variant, read the steps
 * (optionally grouped by the site they run in), copy scripts, print, download. Everything the page
 * shows is in its address, so a link to it shows the same procedure to a colleague.
 */
@Route("topologies/:id/procedures")
@PermitAll
class ProcedureView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TopologyService topologies;
    private final ProcedureSource procedures;
    private final AuthenticationContext authentication;
    private long topologyId;
    private String topologyName = "";

    ProcedureView(TopologyService topologies, ProcedureSource procedures, AuthenticationContext authentication) {
        this.topologies = topologies;
        this.procedures = procedures;
        this.authentication = authentication;
        addClassName("procedure-view");
    }

    static RouteParameters parameters(long id) {
        return new RouteParameters("id", Long.toString(id));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        new ProcedureResolver(topologies, procedures).enter(event, this).ifPresent(this::showOutcome);
    }

    private void showOutcome(ProcedureResolver.Outcome outcome) {
        topologyId = outcome.version().topologyId();
        removeAll();
        switch (outcome) {
            case ProcedureResolver.NotPublished notPublished ->
                notPublished(notPublished.version(), notPublished.query());
            case ProcedureResolver.Unresolved unresolved -> {
                topologyName = unresolved.version().topology().name();
                add(selectors(unresolved.version(), unresolved.query()));
                Div message = new Div(getTranslation(unresolved.key(), unresolved.arguments()));
                message.setId("procedure-message");
                message.addClassName(unresolved.problem() ? "procedure-problem" : "procedure-hint");
                add(message);
            }
            case ProcedureResolver.Shown shown -> {
                topologyName = shown.version().topology().name();
                add(selectors(shown.version(), shown.query()));
                add(actions(shown.query(), shown.procedure()));
                if (shown.version().isPublished() && authentication.hasRole(Roles.OPERATOR)) {
                    add(requestRun(shown.query()));
                }
                add(new ProcedureDocument(
                        shown.procedure(), shown.version(), shown.query().groupBySite(), true));
            }
        }
    }

    private void notPublished(TopologyVersion latest, ProcedureQuery query) {
        topologyName = latest.topology().name();
        add(new H2(getTranslation("procedure.ui.heading", topologyName)));
        Div message = new Div(getTranslation("procedure.ui.not-published", topologyName));
        message.setId("procedure-message");
        message.addClassName("procedure-problem");
        add(message);
        if (authentication.hasRole(Roles.OPERATOR) || authentication.hasRole(Roles.APPROVER)) {
            Button preview = new Button(
                    getTranslation("procedure.ui.preview-latest", latest.number()),
                    click -> show(query.withVersion(latest.number())));
            preview.setId("preview-latest");
            add(preview);
        }
    }

    private Component selectors(TopologyVersion version, ProcedureQuery query) {
        List<String> pools =
                version.topology().pools().stream().map(Topology.Pool::fqdn).toList();
        Select<String> pool = choice("pool-choice", "procedure.ui.pool", pools, query.pool(), null, query::withPool);

        List<String> names = procedures.names();
        Select<String> name = choice(
                "procedure-choice",
                "procedure.ui.procedure",
                names,
                query.procedure(),
                value -> ProcedureLabels.procedure(this, value),
                query::withProcedure);
        name.setPlaceholder(getTranslation("procedure.ui.choose"));

        HorizontalLayout bar = new HorizontalLayout(pool, name);
        bar.setId("procedure-selectors");
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.setWidthFull();
        if (query.procedure() != null && names.contains(query.procedure())) {
            List<String> variants = procedures.variants(query.procedure());
            if (!variants.isEmpty()) {
                bar.add(choice(
                        "variant-choice",
                        "procedure.ui.variant",
                        variants,
                        query.variant(),
                        value -> ProcedureLabels.variant(this, value),
                        query::withVariant));
            }
        }
        Span shownVersion = new Span(getTranslation("procedure.ui.version", version.number()));
        shownVersion.setId("procedure-version");
        shownVersion.getElement().getThemeList().add(version.isPublished() ? "badge success" : "badge contrast");
        bar.add(shownVersion);
        return bar;
    }

    /**
     * A choice among {@code values}, showing {@code current} when it is one of them (an unknown value
     * stays unselected: the selector then offers only valid ones), that shows the page for what is
     * chosen; {@code labels} names the values, or they stand for themselves.
     */
    private Select<String> choice(
            String id,
            String labelKey,
            List<String> values,
            String current,
            ItemLabelGenerator<String> labels,
            Function<String, ProcedureQuery> chosen) {
        Select<String> select = new Select<>();
        select.setId(id);
        select.setLabel(getTranslation(labelKey));
        select.setItems(values);
        if (labels != null) {
            select.setItemLabelGenerator(labels);
        }
        if (current != null && values.contains(current)) {
            select.setValue(current);
        }
        select.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                show(chosen.apply(change.getValue()));
            }
        });
        return select;
    }

    private Component actions(ProcedureQuery query, Procedure procedure) {
        Checkbox bySite = new Checkbox(getTranslation("procedure.ui.group-by-site"), query.groupBySite());
        bySite.setId("group-by-site");
        bySite.addValueChangeListener(change -> show(query.withGroupBySite(change.getValue())));

        Anchor print = new Anchor(printUrl(query), getTranslation("procedure.ui.print"));
        print.setId("print");
        print.setTarget(AnchorTarget.BLANK);
        print.addClassName("procedure-print-link");

        HorizontalLayout actions = new HorizontalLayout(bySite, print);
        actions.setId("procedure-actions");
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        actions.add(new Span(getTranslation("procedure.ui.downloads")));
        actions.add(ProcedureFiles.download(
                "download-markdown",
                getTranslation("procedure.ui.download.markdown"),
                ProcedureFiles.fileName(procedure, null, "md"),
                ProcedureFiles.MARKDOWN,
                procedures.markdown(procedure, getLocale())));
        for (Map.Entry<String, String> script :
                procedures.sqlByInstance(procedure).entrySet()) {
            actions.add(ProcedureFiles.download(
                    "download-sql-" + script.getKey(),
                    getTranslation("procedure.ui.download.sql", script.getKey()),
                    ProcedureFiles.fileName(procedure, script.getKey(), "sql"),
                    ProcedureFiles.SQL,
                    ProcedureFiles.withByteOrderMark(script.getValue())));
        }
        String powerShell = procedures.powerShell(procedure);
        if (powerShell != null && !powerShell.isBlank()) {
            actions.add(ProcedureFiles.download(
                    "download-ps1",
                    getTranslation("procedure.ui.download.ps1"),
                    ProcedureFiles.fileName(procedure, null, "ps1"),
                    ProcedureFiles.POWERSHELL,
                    ProcedureFiles.withByteOrderMark(powerShell)));
        }
        return actions;
    }

    /**
     * A link to the run request form with this procedure chosen. By address, not by class: the run
     * module builds on the procedure module, never the other way round.
     */
    private Component requestRun(ProcedureQuery query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("topology", List.of(Long.toString(topologyId)));
        values.put("pool", List.of(query.pool()));
        values.put("procedure", List.of(query.procedure()));
        if (query.variant() != null) {
            values.put("variant", List.of(query.variant()));
        }
        Anchor request = new Anchor(
                "runs/new?" + new QueryParameters(values).getQueryString(), getTranslation("procedure.ui.request-run"));
        request.setId("request-run");
        request.addClassName("procedure-request-run");
        return request;
    }

    private String printUrl(ProcedureQuery query) {
        String path = RouteConfiguration.forSessionScope().getUrl(ProcedurePrintView.class, parameters(topologyId));
        String parameters = query.parameters().getQueryString();
        return parameters.isEmpty() ? path : path + "?" + parameters;
    }

    private void show(ProcedureQuery query) {
        getUI().ifPresent(ui -> ui.navigate(ProcedureView.class, parameters(topologyId), query.parameters()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("procedure.ui.heading", topologyName);
    }
}
