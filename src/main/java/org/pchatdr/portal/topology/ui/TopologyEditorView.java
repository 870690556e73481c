package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.ActionDialog;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.StructuralError;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologyRules;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyVersion;
import org.pchatdr.portal.topology.Violation;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftPool;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftSite;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftSqlInstance;

/**
 * Operators edit a working copy of the latest version in forms and save it as a new version. The
 * rule results beside the forms follow every change; a click on one shows the field it is about.
 * Values the format refuses are marked on their field and keep the draft from being saved; a save
 * that someone else's version overtook is refused by the service and the draft stays as it is.
 *
 * <p>The view keeps the tabs, the rule results and saving; each kind of record has its form ({@link
 * RecordForm}), sites and SQL instances their {@link RecordList}, the pools tab its {@link
 * PoolEditor}.
 */
@Route("topologies/:id/edit")
@RolesAllowed(Roles.OPERATOR)
class TopologyEditorView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    static final int GENERAL_TAB = 0;
    static final int SITES_TAB = 1;
    static final int INSTANCES_TAB = 2;
    static final int POOLS_TAB = 3;

    private final TopologyService topologies;
    private long topologyId;
    private int basedOn;
    private Topology loaded;
    private DraftTopology draft;
    private boolean saved;

    /** Every form shown, to validate before a save and to refresh when the choices of ids change. */
    private final List<RecordForm<?>> forms = new ArrayList<>();

    private TabSheet tabs;
    private GeneralForm general;
    private RecordList<DraftSite> sites;
    private RecordList<DraftSqlInstance> instances;
    private PoolEditor pools;
    private VerticalLayout ruleResults;
    private Div saveProblems;
    private TextField comment;
    private List<Violation> violations = List.of();
    /** While choices are refreshed, fields change without the user: no cascade of refreshes. */
    private boolean rebinding;

    TopologyEditorView(TopologyService topologies) {
        this.topologies = topologies;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            topologyId = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            load(topologies.latest(topologyId));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
        } catch (PortalException e) {
            event.rerouteToError(NotFoundException.class, getTranslation(e.messageKey(), e.arguments()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("editor.page-title", draft == null ? "" : draft.name);
    }

    private void load(TopologyVersion latest) {
        basedOn = latest.number();
        loaded = latest.topology();
        draft = DraftTopology.of(loaded);
        render();
    }

    private void render() {
        removeAll();
        forms.clear();

        H2 title = new H2(getTranslation("editor.title", draft.name, basedOn));
        comment = new TextField(getTranslation("editor.comment"));
        comment.setId("save-comment");
        comment.setMaxLength(1000);
        comment.setWidth("24em");
        comment.setMaxWidth("100%");
        Button save = new Button(getTranslation("editor.save"), click -> save());
        save.setId("save-version");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button discard = new Button(getTranslation("editor.discard"), click -> backToTopology());
        discard.setId("discard-changes");
        HorizontalLayout actions = new HorizontalLayout(comment, save, discard);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        actions.setWidthFull();
        saveProblems = new Div();
        saveProblems.setId("save-problems");
        saveProblems.getElement().setAttribute("role", "alert");
        saveProblems.addClassName("dialog-error");
        saveProblems.setVisible(false);

        general = form(new GeneralForm());
        general.setRecord(draft);
        sites = new RecordList<>("site", draft.sites, DraftSite::new, form(new SiteForm()))
                .column(site -> site.id, "editor.site.id")
                .column(site -> site.name, "editor.site.name")
                .column(site -> site.timeZone, "editor.site.time-zone");
        instances = new RecordList<>(
                        "instance",
                        draft.sqlInstances,
                        DraftSqlInstance::new,
                        form(new SqlInstanceForm(draft.siteIds())))
                .column(instance -> instance.id, "editor.instance.id")
                .column(instance -> instance.host, "editor.instance.host")
                .column(
                        instance -> instance.instance == null
                                ? getTranslation("editor.instance.default")
                                : instance.instance,
                        "editor.instance.instance")
                .column(instance -> instance.port, "editor.instance.port")
                .column(instance -> instance.site, "editor.instance.site");
        for (RecordList<?> list : List.of(sites, instances)) {
            list.onRecordEdit(this::refreshChoices);
            list.onListChange(() -> {
                refreshChoices();
                changed();
            });
        }
        pools = new PoolEditor(draft, forms::add, this::changed, this::renderShowingPool);

        tabs = new TabSheet();
        tabs.setId("editor-tabs");
        tabs.add(getTranslation("editor.tab.general"), general);
        tabs.add(getTranslation("editor.tab.sites"), sites);
        tabs.add(getTranslation("editor.tab.instances"), instances);
        tabs.add(getTranslation("editor.tab.pools"), pools);

        ruleResults = new VerticalLayout();
        ruleResults.setId("rule-results");
        ruleResults.setPadding(false);
        ruleResults.setSpacing(false);
        VerticalLayout side = new VerticalLayout(new H3(getTranslation("editor.rules")), ruleResults);
        side.addClassName("editor-rules");
        // Side by side on a wide screen, the rules below the forms on a phone (portal.css).
        Div body = new Div(tabs, side);
        body.addClassName("editor-body");

        add(title, actions, saveProblems, body);
        setFlexGrow(1, body);
        refreshRules();
    }

    /** A form of the editor's own: its edits check the rules again, and a save validates it. */
    private <F extends RecordForm<?>> F form(F form) {
        form.onEdit(this::changed);
        forms.add(form);
        return form;
    }

    /** A pool was added or removed: everything typed so far stays, the comment included. */
    private void renderShowingPool(DraftPool pool) {
        String note = comment.getValue();
        render();
        comment.setValue(note);
        tabs.setSelectedIndex(POOLS_TAB);
        pools.select(pool);
        changed();
    }

    /** After an id changed, the choices everywhere follow. */
    private void refreshChoices() {
        if (rebinding) {
            return;
        }
        List<String> siteIds = draft.siteIds();
        List<String> instanceIds = draft.instanceIds();
        rebinding = true;
        try {
            forms.forEach(form -> form.refreshChoices(siteIds, instanceIds));
        } finally {
            rebinding = false;
        }
        pools.refreshChoices();
    }

    // ---- Rule results

    private void changed() {
        if (!rebinding) {
            refreshRules();
        }
    }

    private void refreshRules() {
        if (ruleResults == null) {
            return;
        }
        try {
            violations = TopologyRules.check(draft.toTopology());
        } catch (RuntimeException e) {
            // A half-filled draft may be beyond what the rules expect; the save check will say what is missing.
            violations = List.of();
        }
        ruleResults.removeAll();
        if (violations.isEmpty()) {
            ruleResults.add(new Span(getTranslation("editor.rules.none")));
        }
        for (Violation violation : violations) {
            SeverityBadge badge = new SeverityBadge(violation.severity());
            Button show = new Button(
                    violation.ruleId() + " — "
                            + getTranslation(
                                    violation.messageKey(),
                                    violation.arguments().toArray()),
                    click -> reveal(violation.path()));
            show.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            show.addClassName("violation");
            show.getElement().setAttribute("data-rule", violation.ruleId());
            show.getElement().setAttribute("data-path", violation.path());
            show.getElement().setAttribute("title", getTranslation("editor.rules.show", violation.path()));
            HorizontalLayout entry = new HorizontalLayout(badge, show);
            // A finding runs over several lines: its badge stays beside the first.
            entry.setAlignItems(FlexComponent.Alignment.START);
            entry.setWidthFull();
            ruleResults.add(entry);
        }
    }

    List<Violation> violations() {
        return violations;
    }

    /** Shows the tab, pool and row a path of the format points at, and focuses its field. */
    void reveal(String path) {
        Optional<EditorPath> located = EditorPath.of(path);
        if (located.isEmpty()) {
            return;
        }
        EditorPath at = located.get();
        Component target = switch (at.section()) {
            case GENERAL -> {
                tabs.setSelectedIndex(GENERAL_TAB);
                yield general.fieldAt(at.field()).orElseThrow();
            }
            case SITES -> {
                tabs.setSelectedIndex(SITES_TAB);
                yield sites.reveal(at.item(), at.field());
            }
            case SQL_INSTANCES -> {
                tabs.setSelectedIndex(INSTANCES_TAB);
                yield instances.reveal(at.item(), at.field());
            }
            case POOLS -> {
                tabs.setSelectedIndex(POOLS_TAB);
                yield pools.reveal(at);
            }
        };
        if (target instanceof Focusable<?> focusable) {
            focusable.focus();
        }
    }

    /** The component a path of the format is edited in, after {@link #reveal}; for tests. */
    Optional<Component> fieldAt(String path) {
        return EditorPath.of(path).map(at -> switch (at.section()) {
            case GENERAL -> general.fieldAt(at.field()).orElseThrow();
            case SITES -> sites.fieldAt(at.field());
            case SQL_INSTANCES -> instances.fieldAt(at.field());
            case POOLS -> pools.reveal(at);
        });
    }

    // ---- Saving

    private void save() {
        saveProblems.removeAll();
        saveProblems.setVisible(false);
        boolean fieldsValid = true;
        for (RecordForm<?> form : forms) {
            // Every form, not only up to the first invalid one: each marks its own fields.
            fieldsValid &= form.validate();
        }
        if (!fieldsValid) {
            problem(getTranslation("editor.save.invalid-fields"));
            return;
        }
        Topology topology = draft.toTopology();
        List<StructuralError> errors = structuralErrors(topology);
        if (!errors.isEmpty()) {
            problem(getTranslation("editor.save.structural", errors.size()));
            for (StructuralError error : errors) {
                Button at = new Button(
                        error.path() + ": "
                                + getTranslation(
                                        error.messageKey(), error.arguments().toArray()),
                        click -> reveal(error.path()));
                at.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                at.addClassName("structural-error");
                saveProblems.add(new Div(at));
            }
            return;
        }
        try {
            topologies.saveVersion(topologyId, basedOn, topology, comment.getValue());
        } catch (PortalException e) {
            problem(getTranslation(e.messageKey(), e.arguments()));
            if (e.code().equals("topology_stale")) {
                Button reload = new Button(getTranslation("editor.reload"), click -> reloadLatest());
                reload.setId("reload-latest");
                saveProblems.add(new Div(new Span(getTranslation("editor.reload.explanation")), reload));
            }
            return;
        }
        saved = true;
        backToTopology();
    }

    /** Leaving with unsaved edits (discard, menu, another address) asks first: nothing is lost silently. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (saved || !hasUnsavedChanges()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction leave = event.postpone();
        new ActionDialog(
                        getTranslation("editor.leave.title"),
                        getTranslation("editor.leave.confirm"),
                        () -> {},
                        leave::proceed,
                        new Span(getTranslation("editor.leave.explanation")))
                .open();
    }

    private boolean hasUnsavedChanges() {
        try {
            return !draft.toTopology().equals(loaded);
        } catch (RuntimeException e) {
            // A draft that no longer makes a topology (an emptied number) certainly differs.
            return true;
        }
    }

    private static List<StructuralError> structuralErrors(Topology topology) {
        String document;
        try {
            document = TopologyFormat.write(topology);
        } catch (RuntimeException e) {
            return List.of(new StructuralError("$", "editor.save.unwritable", List.of()));
        }
        return switch (TopologyFormat.read(document)) {
            case ReadResult.Read read -> List.of();
            case ReadResult.Unreadable unreadable -> unreadable.errors();
        };
    }

    private void problem(String message) {
        saveProblems.add(new Div(new Span(message)));
        saveProblems.setVisible(true);
    }

    private void reloadLatest() {
        load(topologies.latest(topologyId));
    }

    private void backToTopology() {
        getUI().ifPresent(ui -> ui.navigate(TopologyView.class, TopologyView.parameters(topologyId)));
    }
}
