package org.pchatdr.portal.run.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.ActionDialog;
import org.pchatdr.portal.base.ui.BoundedTextArea;
import org.pchatdr.portal.base.ui.Pickers;
import org.pchatdr.portal.base.ui.QueryValues;
import org.pchatdr.portal.procedure.ProcedureService;
import org.pchatdr.portal.procedure.Procedures;
import org.pchatdr.portal.procedure.ui.ProcedureLabels;
import org.pchatdr.portal.run.DisasterRequests;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologySummary;
import org.pchatdr.portal.topology.TopologyVersion;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/**
 * An operator asks for a run of a procedure of a pool's published topology version. The address
 * may preselect {@code topology} (its id), {@code pool}, {@code procedure} and {@code variant}, as the
 * procedure page's link does. A refusal (the pool is busy …) is shown above the form, which keeps
 * what was typed.
 */
@Route("runs/new")
@RolesAllowed(Roles.OPERATOR)
class RequestRunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int TOPOLOGY_PAGE = 100;

    private final RunService runs;
    private final DisasterRequests disasterRequests;
    private final TopologyService topologies;
    private final ProcedureService procedures;
    private final List<TopologySummary> published;
    private final Select<TopologySummary> topology = new Select<>();
    private final Select<String> pool = new Select<>();
    private final Select<String> procedure = new Select<>();
    private final Select<String> variant = new Select<>();
    private final RadioButtonGroup<RunKind> kind = new RadioButtonGroup<>();
    private final BoundedTextArea reason = new BoundedTextArea("", RunService.MAX_TEXT);
    private final DateTimePicker incidentAt = new DateTimePicker();
    private final Div hint = new Div();
    private final Div refusal = new Div();
    private final Binder<RunRequest> binder = new Binder<>(RunRequest.class);
    private TopologyVersion version;
    private Map<String, List<String>> applicable = Map.of();

    RequestRunView(
            RunService runs,
            DisasterRequests disasterRequests,
            TopologyService topologies,
            ProcedureService procedures) {
        this.runs = runs;
        this.disasterRequests = disasterRequests;
        this.topologies = topologies;
        this.procedures = procedures;
        this.published = publishedTopologies();
        setMaxWidth("60rem");

        hint.setId("request-hint");
        hint.addClassName("run-hint");
        hint.setVisible(false);
        refusal.setId("request-refusal");
        refusal.addClassName("run-refusal");
        refusal.getElement().setAttribute("role", "alert");
        refusal.setVisible(false);

        Button submit = new Button(getTranslation("run-request.submit"), click -> submit());
        submit.setId("submit-request");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor cancel = new Anchor(
                RouteConfiguration.forSessionScope().getUrl(RunListView.class), getTranslation("action.cancel"));
        cancel.setId("cancel-request");
        HorizontalLayout buttons = new HorizontalLayout(submit, cancel);
        buttons.setAlignItems(Alignment.BASELINE);

        add(
                new H2(getTranslation("run-request.title")),
                new Paragraph(getTranslation("run-request.explanation")),
                refusal,
                form(),
                hint,
                buttons);
    }

    private List<TopologySummary> publishedTopologies() {
        List<TopologySummary> found = new ArrayList<>();
        Pageable page = PageRequest.of(0, TOPOLOGY_PAGE);
        Slice<TopologySummary> slice;
        do {
            slice = topologies.list(page);
            slice.getContent().stream()
                    .filter(summary -> summary.publishedVersion() != null)
                    .forEach(found::add);
            page = slice.nextPageable();
        } while (slice.hasNext());
        return found;
    }

    private Component form() {
        topology.setId("run-topology");
        topology.setLabel(getTranslation("run-request.topology"));
        topology.setHelperText(getTranslation("run-request.topology.help"));
        topology.setItems(published);
        topology.setItemLabelGenerator(
                summary -> getTranslation("run-request.topology.item", summary.name(), summary.publishedVersion()));
        topology.addValueChangeListener(change -> topologyChosen(change.getValue()));

        pool.setId("run-pool");
        pool.setLabel(getTranslation("run-request.pool"));
        pool.addValueChangeListener(change -> poolChosen(change.getValue()));

        procedure.setId("run-procedure");
        procedure.setLabel(getTranslation("run-request.procedure"));
        procedure.setItemLabelGenerator(name -> ProcedureLabels.procedure(this, name));
        procedure.addValueChangeListener(change -> procedureChosen(change.getValue()));

        variant.setId("run-variant");
        variant.setLabel(getTranslation("run-request.variant"));
        variant.setItemLabelGenerator(name -> ProcedureLabels.variant(this, name));
        variant.setVisible(false);

        kind.setId("run-kind");
        kind.setLabel(getTranslation("run-request.kind"));
        kind.setItems(RunKind.values());
        kind.setRenderer(new ComponentRenderer<>(this::kindLabel));

        reason.setId("run-reason");
        reason.setLabel(getTranslation("run.reason"));
        reason.setHelp(getTranslation("run-request.reason.help"));

        incidentAt.setId("run-incident-at");
        Pickers.portalFormat(incidentAt);
        incidentAt.setLabel(getTranslation("run-request.incident-at"));
        incidentAt.setHelperText(getTranslation("run-request.incident-at.help"));

        binder.forField(topology)
                .asRequired(getTranslation("run-request.required.topology"))
                .withConverter(TopologySummary::id, id -> find(id).orElse(null))
                .bind("topologyId");
        binder.forField(pool)
                .asRequired(getTranslation("run-request.required.pool"))
                .bind("pool");
        binder.forField(procedure)
                .asRequired(getTranslation("run-request.required.procedure"))
                .bind("procedure");
        binder.forField(variant).bind("variant");
        binder.forField(kind)
                .asRequired(getTranslation("run-request.required.kind"))
                .bind("kind");
        binder.forField(reason)
                .asRequired(getTranslation("error.run_reason_required"))
                .withValidator(text -> text.length() <= reason.max(), context -> reason.counterText())
                .bind("reason");
        binder.forField(incidentAt)
                .withConverter(
                        local -> local == null ? null : local.toInstant(ZoneOffset.UTC),
                        instant -> instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC))
                .bind("incidentAt");

        FormLayout form = new FormLayout(topology, pool, procedure, variant, kind, reason, incidentAt);
        form.setId("request-form");
        form.setColspan(kind, 2);
        form.setColspan(reason, 2);
        return form;
    }

    private Component kindLabel(RunKind value) {
        Span name = new Span(RunFormat.kind(this, value));
        name.addClassName("run-kind-name");
        Span explanation = new Span(getTranslation("run-request.kind." + value.name() + ".help"));
        explanation.addClassName("secondary-text");
        Div label = new Div(name, new Span(" — "), explanation);
        label.setId("run-kind-" + value.name());
        return label;
    }

    private Optional<TopologySummary> find(long id) {
        return published.stream().filter(summary -> summary.id() == id).findFirst();
    }

    private void topologyChosen(TopologySummary chosen) {
        version = chosen == null ? null : topologies.published(chosen.id());
        List<String> pools = version == null
                ? List.of()
                : version.topology().pools().stream().map(Topology.Pool::fqdn).toList();
        pool.setItems(pools);
        if (pools.size() == 1) {
            pool.setValue(pools.getFirst());
        }
    }

    private void poolChosen(String chosen) {
        applicable = chosen == null ? Map.of() : applicable(chosen);
        procedure.setItems(applicable.keySet());
        hint.setText(getTranslation("run-request.none-applies", chosen));
        hint.setVisible(chosen != null && applicable.isEmpty());
    }

    private void procedureChosen(String chosen) {
        List<String> variants = chosen == null ? List.of() : applicable.getOrDefault(chosen, List.of());
        variant.setItems(variants);
        variant.setVisible(!variants.isEmpty());
        if (!variants.isEmpty()) {
            variant.setValue(variants.getFirst());
        }
    }

    /** The procedures, each with its variants, that apply to {@code poolFqdn} of the chosen version. */
    private Map<String, List<String>> applicable(String poolFqdn) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Procedures.Applicable applicable :
                procedures.applicable(version.topologyId(), poolFqdn, version.number())) {
            found.put(applicable.procedure(), applicable.variants());
        }
        return found;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        QueryValues.value(parameters, "topology")
                .flatMap(RequestRunView::number)
                .flatMap(this::find)
                .ifPresent(topology::setValue);
        QueryValues.value(parameters, "pool")
                .flatMap(value -> offered(pool, value))
                .ifPresent(pool::setValue);
        QueryValues.value(parameters, "procedure")
                .flatMap(value -> offered(procedure, value))
                .ifPresent(procedure::setValue);
        QueryValues.value(parameters, "variant")
                .flatMap(value -> offered(variant, value))
                .ifPresent(variant::setValue);
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What the address asks for, if the selector offers it: pool names are compared ignoring case. */
    private static Optional<String> offered(Select<String> select, String value) {
        return select.getListDataView()
                .getItems()
                .filter(value::equalsIgnoreCase)
                .findFirst();
    }

    private void submit() {
        refusal.removeAll();
        refusal.setVisible(false);
        RunRequest request;
        try {
            request = binder.writeRecord();
        } catch (ValidationException e) {
            // Each field missing says so beside itself.
            return;
        }
        try {
            RunView run = runs.request(request, getLocale());
            getUI().ifPresent(ui -> ui.navigate(RunFormat.runPath(run.id())));
        } catch (PortalException e) {
            refuse(e, request);
        }
    }

    /**
     * The translated reason; when a run holds the pool, a link to that run and, for a disaster
     * request held up by a drill that has not started, the offer to abort that drill first to
     * whoever the rulebook lets abort it (issue 12).
     */
    private void refuse(PortalException e, RunRequest request) {
        refusal.add(new Span(getTranslation(e.messageKey(), e.arguments())));
        if (e.code().equals("run_pool_busy")) {
            number(String.valueOf(e.arguments()[1])).ifPresent(id -> {
                Anchor link = new Anchor(RunFormat.runPath(id), getTranslation("run-request.open-busy-run", id));
                link.setId("busy-run");
                refusal.add(new Span(" "), link);
                if (disasterRequests.mayAbortToRequest(id, request.kind())) {
                    refusal.add(abortDrillOffer(id, request));
                }
            });
        }
        refusal.setVisible(true);
    }

    private Component abortDrillOffer(long drillId, RunRequest request) {
        long seen = runs.run(drillId).version();
        Button offer = new Button(getTranslation("run-request.abort-drill", drillId), click -> {
            BoundedTextArea why = new BoundedTextArea(getTranslation("run.reason"), RunService.MAX_TEXT);
            why.setId("abort-drill-reason");
            why.setWidthFull();
            why.setRequiredIndicatorVisible(true);
            why.setValue(getTranslation("run-request.abort-drill.reason", request.pool()));
            ActionDialog dialog = new ActionDialog(
                    getTranslation("run-request.abort-drill.title", drillId),
                    getTranslation("run-request.abort-drill.confirm"),
                    () -> {
                        RunView run = disasterRequests.abortDrillAndRequest(
                                drillId, seen, why.getValue(), request, getLocale());
                        getUI().ifPresent(ui -> ui.navigate(RunFormat.runPath(run.id())));
                    },
                    () -> {},
                    new Paragraph(getTranslation("run-request.abort-drill.explanation", drillId)),
                    why);
            dialog.setId("abort-drill-dialog");
            dialog.setWidth("min(40rem, 95vw)");
            dialog.open();
        });
        offer.setId("abort-drill");
        offer.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Div line = new Div(offer);
        line.addClassName("run-buttons");
        return line;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("run-request.title") + " · " + getTranslation("app.title");
    }
}
