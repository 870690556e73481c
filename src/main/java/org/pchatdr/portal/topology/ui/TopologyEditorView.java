package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.function.SerializablePredicate;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.ActionDialog;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.StructuralError;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.Topology.SqlVersion;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologyRules;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyValues;
import org.pchatdr.portal.topology.TopologyValues.Kind;
import org.pchatdr.portal.topology.TopologyVersion;
import org.pchatdr.portal.topology.Violation;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftDatabase;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftLogShipping;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftMirroring;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftPool;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftServer;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftSite;
import org.pchatdr.portal.topology.ui.DraftTopology.DraftSqlInstance;

/**
 * Operators edit a working copy of the latest version in forms and save it as a new version. The
 * rule results beside the forms follow every change; a click on one shows the field it is about.
 * Values the format refuses are marked on their field and keep the draft from being saved; a save
 * that someone else's version overtook is refused by the service and the draft stays as it is.
 */
@Route("topologies/:id/edit")
@RolesAllowed(Roles.OPERATOR)
class TopologyEditorView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    static final int GENERAL_TAB = 0;
    static final int SITES_TAB = 1;
    static final int INSTANCES_TAB = 2;
    static final int POOLS_TAB = 3;

    private static final List<String> ZONES =
            ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final TopologyService topologies;
    private long topologyId;
    private int basedOn;
    private Topology loaded;
    private DraftTopology draft;
    private boolean saved;

    private final List<Binder<?>> binders = new ArrayList<>();
    /** The component each field of the format is edited in, by {@code section.field}. */
    private final Map<String, Component> fields = new HashMap<>();

    private final List<Select<String>> siteChoices = new ArrayList<>();
    private final List<Select<String>> instanceChoices = new ArrayList<>();
    private final Map<DraftServer, Map<String, Component>> serverCells = new IdentityHashMap<>();

    private TabSheet tabs;
    private Grid<DraftSite> siteGrid;
    private Grid<DraftSqlInstance> instanceGrid;
    private Grid<DraftServer> serverGrid;
    private Select<DraftPool> poolChoice;
    private Binder<DraftSite> siteBinder;
    private Binder<DraftSqlInstance> instanceBinder;
    private Binder<DraftPool> poolBinder;
    private Binder<DraftMirroring> mirroringBinder;
    private Binder<DraftLogShipping> logShippingBinder;
    private final Map<DatabaseKind, Binder<DraftDatabase>> databaseBinders = new HashMap<>();
    private Checkbox compliance;
    private Checkbox logShippingConfigured;
    private FormLayout complianceForm;
    private FormLayout logShippingForm;
    private FormLayout siteForm;
    private FormLayout instanceForm;
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
        return getTranslation("editor.page-title", draft == null ? "" : draft.getName());
    }

    private void load(TopologyVersion latest) {
        basedOn = latest.number();
        loaded = latest.topology();
        draft = DraftTopology.of(loaded);
        render();
    }

    private void render() {
        removeAll();
        binders.clear();
        fields.clear();
        siteChoices.clear();
        instanceChoices.clear();
        serverCells.clear();
        databaseBinders.clear();

        H2 title = new H2(getTranslation("editor.title", draft.getName(), basedOn));
        comment = new TextField(getTranslation("editor.comment"));
        comment.setId("save-comment");
        comment.setMaxLength(1000);
        comment.setWidth("24em");
        Button save = new Button(getTranslation("editor.save"), click -> save());
        save.setId("save-version");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button discard = new Button(getTranslation("editor.discard"), click -> backToTopology());
        discard.setId("discard-changes");
        HorizontalLayout actions = new HorizontalLayout(comment, save, discard);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        saveProblems = new Div();
        saveProblems.setId("save-problems");
        saveProblems.getElement().setAttribute("role", "alert");
        saveProblems.addClassName("dialog-error");
        saveProblems.setVisible(false);

        tabs = new TabSheet();
        tabs.setId("editor-tabs");
        tabs.add(getTranslation("editor.tab.general"), general());
        tabs.add(getTranslation("editor.tab.sites"), sites());
        tabs.add(getTranslation("editor.tab.instances"), instances());
        tabs.add(getTranslation("editor.tab.pools"), pools());
        tabs.setSizeFull();

        ruleResults = new VerticalLayout();
        ruleResults.setId("rule-results");
        ruleResults.setPadding(false);
        ruleResults.setSpacing(false);
        VerticalLayout side = new VerticalLayout(new H3(getTranslation("editor.rules")), ruleResults);
        SplitLayout split = new SplitLayout(tabs, side);
        split.setSplitterPosition(68);
        split.setSizeFull();

        add(title, actions, saveProblems, split);
        setFlexGrow(1, split);
        refreshRules();
    }

    // ---- General

    private Component general() {
        Binder<DraftTopology> binder = binder();
        TextField name = new TextField(getTranslation("editor.name"));
        name.setId("topology-name");
        name.setWidth("30em");
        required(binder, name, Kind.NAME, DraftTopology::getName, DraftTopology::setName);
        fields.put("general.name", name);
        binder.setBean(draft);
        return new FormLayout(name);
    }

    // ---- Sites

    private Component sites() {
        siteGrid = new Grid<>();
        siteGrid.setId("site-grid");
        siteGrid.addColumn(DraftSite::getId).setHeader(getTranslation("editor.site.id"));
        siteGrid.addColumn(DraftSite::getName).setHeader(getTranslation("editor.site.name"));
        siteGrid.addColumn(DraftSite::getTimeZone).setHeader(getTranslation("editor.site.time-zone"));
        siteGrid.setItems(draft.sites());
        siteGrid.setAllRowsVisible(true);
        fields.put("sites", siteGrid);

        siteBinder = binder();
        TextField id = new TextField(getTranslation("editor.site.id"));
        id.setId("site-id");
        required(siteBinder, id, Kind.IDENTIFIER, DraftSite::getId, DraftSite::setId);
        TextField name = new TextField(getTranslation("editor.site.name"));
        name.setId("site-name");
        required(siteBinder, name, Kind.NAME, DraftSite::getName, DraftSite::setName);
        ComboBox<String> timeZone = timeZone("site-time-zone", "editor.site.time-zone");
        zone(siteBinder, timeZone, DraftSite::getTimeZone, DraftSite::setTimeZone);
        fields.put("sites.id", id);
        fields.put("sites.name", name);
        fields.put("sites.timeZone", timeZone);
        siteForm = new FormLayout(id, name, timeZone);
        siteForm.setVisible(false);
        siteBinder.addValueChangeListener(change -> {
            if (siteBinder.getBean() != null && !rebinding) {
                siteGrid.getDataProvider().refreshItem(siteBinder.getBean());
                refreshChoices();
            }
        });
        siteGrid.asSingleSelect().addValueChangeListener(change -> {
            siteBinder.setBean(change.getValue());
            siteForm.setVisible(change.getValue() != null);
        });

        Button add = new Button(getTranslation("editor.site.add"), click -> {
            DraftSite site = new DraftSite();
            site.setId("");
            site.setName("");
            draft.sites().add(site);
            siteGrid.setItems(draft.sites());
            siteGrid.select(site);
            changed();
        });
        add.setId("add-site");
        Button remove = new Button(getTranslation("editor.site.remove"), click -> {
            DraftSite selected = siteGrid.asSingleSelect().getValue();
            if (selected != null) {
                draft.sites().remove(selected);
                siteGrid.setItems(draft.sites());
                refreshChoices();
                changed();
            }
        });
        remove.setId("remove-site");
        return new VerticalLayout(siteGrid, new HorizontalLayout(add, remove), siteForm);
    }

    // ---- SQL instances

    private Component instances() {
        instanceGrid = new Grid<>();
        instanceGrid.setId("instance-grid");
        instanceGrid.addColumn(DraftSqlInstance::getId).setHeader(getTranslation("editor.instance.id"));
        instanceGrid.addColumn(DraftSqlInstance::getHost).setHeader(getTranslation("editor.instance.host"));
        instanceGrid
                .addColumn(instance -> instance.getInstance() == null
                        ? getTranslation("editor.instance.default")
                        : instance.getInstance())
                .setHeader(getTranslation("editor.instance.instance"));
        instanceGrid.addColumn(DraftSqlInstance::getPort).setHeader(getTranslation("editor.instance.port"));
        instanceGrid.addColumn(DraftSqlInstance::getSite).setHeader(getTranslation("editor.instance.site"));
        instanceGrid.setItems(draft.sqlInstances());
        instanceGrid.setAllRowsVisible(true);
        fields.put("sqlInstances", instanceGrid);

        instanceBinder = binder();
        TextField id = new TextField(getTranslation("editor.instance.id"));
        id.setId("instance-id");
        required(instanceBinder, id, Kind.IDENTIFIER, DraftSqlInstance::getId, DraftSqlInstance::setId);
        TextField host = new TextField(getTranslation("editor.instance.host"));
        host.setId("instance-host");
        required(instanceBinder, host, Kind.FQDN, DraftSqlInstance::getHost, DraftSqlInstance::setHost);
        TextField instance = new TextField(getTranslation("editor.instance.instance"));
        instance.setId("instance-name");
        instance.setHelperText(getTranslation("editor.instance.instance.help"));
        optional(
                instanceBinder,
                instance,
                Kind.INSTANCE_NAME,
                DraftSqlInstance::getInstance,
                DraftSqlInstance::setInstance);
        IntegerField port = number("instance-port", "editor.instance.port", 1, 65535);
        instanceBinder
                .forField(port)
                .asRequired(getTranslation("editor.required"))
                .withValidator(TopologyValues::isPort, getTranslation("editor.port.range"))
                .bind(DraftSqlInstance::getPort, DraftSqlInstance::setPort);
        Select<String> site = siteSelect("instance-site", "editor.instance.site");
        instanceBinder
                .forField(site)
                .asRequired(getTranslation("editor.required"))
                .bind(DraftSqlInstance::getSite, DraftSqlInstance::setSite);
        Select<SqlVersion> version = new Select<>();
        version.setId("instance-version");
        version.setLabel(getTranslation("editor.instance.version"));
        version.setItems(SqlVersion.values());
        version.setItemLabelGenerator(SqlVersion::label);
        instanceBinder
                .forField(version)
                .asRequired(getTranslation("editor.required"))
                .bind(DraftSqlInstance::getVersion, DraftSqlInstance::setVersion);
        TextField edition = new TextField(getTranslation("editor.instance.edition"));
        edition.setId("instance-edition");
        required(instanceBinder, edition, Kind.EDITION, DraftSqlInstance::getEdition, DraftSqlInstance::setEdition);
        TextField account = new TextField(getTranslation("editor.instance.service-account"));
        account.setId("instance-service-account");
        account.setHelperText(getTranslation("editor.instance.service-account.help"));
        required(
                instanceBinder,
                account,
                Kind.SERVICE_ACCOUNT,
                DraftSqlInstance::getServiceAccount,
                DraftSqlInstance::setServiceAccount);
        fields.put("sqlInstances.id", id);
        fields.put("sqlInstances.host", host);
        fields.put("sqlInstances.instance", instance);
        fields.put("sqlInstances.port", port);
        fields.put("sqlInstances.site", site);
        fields.put("sqlInstances.version", version);
        fields.put("sqlInstances.edition", edition);
        fields.put("sqlInstances.serviceAccount", account);
        instanceForm = new FormLayout(id, host, instance, port, site, version, edition, account);
        instanceForm.setVisible(false);
        instanceBinder.addValueChangeListener(change -> {
            if (instanceBinder.getBean() != null && !rebinding) {
                instanceGrid.getDataProvider().refreshItem(instanceBinder.getBean());
                refreshChoices();
            }
        });
        instanceGrid.asSingleSelect().addValueChangeListener(change -> {
            instanceBinder.setBean(change.getValue());
            instanceForm.setVisible(change.getValue() != null);
        });

        Button add = new Button(getTranslation("editor.instance.add"), click -> {
            DraftSqlInstance created = new DraftSqlInstance();
            created.setId("");
            created.setHost("");
            created.setPort(1433);
            created.setEdition("");
            created.setServiceAccount("");
            draft.sqlInstances().add(created);
            instanceGrid.setItems(draft.sqlInstances());
            instanceGrid.select(created);
            changed();
        });
        add.setId("add-instance");
        Button remove = new Button(getTranslation("editor.instance.remove"), click -> {
            DraftSqlInstance selected = instanceGrid.asSingleSelect().getValue();
            if (selected != null) {
                draft.sqlInstances().remove(selected);
                instanceGrid.setItems(draft.sqlInstances());
                refreshChoices();
                changed();
            }
        });
        remove.setId("remove-instance");
        return new VerticalLayout(instanceGrid, new HorizontalLayout(add, remove), instanceForm);
    }

    // ---- Pools

    private Component pools() {
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        poolChoice = new Select<>();
        poolChoice.setId("pool-choice");
        poolChoice.setLabel(getTranslation("editor.pool.choose"));
        poolChoice.setItems(draft.pools());
        poolChoice.setItemLabelGenerator(pool -> pool.getFqdn() == null ? "" : pool.getFqdn());
        poolChoice.setVisible(draft.pools().size() > 1);
        Button addPool = new Button(getTranslation("editor.pool.add"), click -> addPool());
        addPool.setId("add-pool");
        Button removePool = new Button(getTranslation("editor.pool.remove"), click -> removePool());
        removePool.setId("remove-pool");
        removePool.setVisible(draft.pools().size() > 1);
        HorizontalLayout poolActions = new HorizontalLayout(poolChoice, addPool, removePool);
        poolActions.setAlignItems(FlexComponent.Alignment.BASELINE);
        content.add(poolActions);
        if (draft.pools().isEmpty()) {
            content.add(new Span(getTranslation("editor.pool.none")));
            return content;
        }

        poolBinder = binder();
        TextField fqdn = text("pool-fqdn", "editor.pool.fqdn");
        required(poolBinder, fqdn, Kind.FQDN, DraftPool::getFqdn, DraftPool::setFqdn);
        TextField serviceIdentity = text("pool-service-identity", "editor.pool.service-identity");
        required(
                poolBinder,
                serviceIdentity,
                Kind.CMDLET_IDENTITY,
                DraftPool::getServiceIdentity,
                DraftPool::setServiceIdentity);
        TextField activeIdentity = text("pool-active-servers-identity", "editor.pool.active-servers-identity");
        activeIdentity.setHelperText(getTranslation("editor.pool.active-servers-identity.help"));
        optional(
                poolBinder,
                activeIdentity,
                Kind.CMDLET_IDENTITY,
                DraftPool::getActiveServersIdentity,
                DraftPool::setActiveServersIdentity);
        Select<String> primarySite = siteSelect("pool-primary-site", "editor.pool.primary-site");
        poolBinder
                .forField(primarySite)
                .asRequired(getTranslation("editor.required"))
                .bind(DraftPool::getPrimarySite, DraftPool::setPrimarySite);
        Select<String> secondarySite = siteSelect("pool-secondary-site", "editor.pool.secondary-site");
        poolBinder
                .forField(secondarySite)
                .asRequired(getTranslation("editor.required"))
                .bind(DraftPool::getSecondarySite, DraftPool::setSecondarySite);
        Select<SiteLink> siteLink = new Select<>();
        siteLink.setId("pool-site-link");
        siteLink.setLabel(getTranslation("editor.pool.site-link"));
        siteLink.setItems(SiteLink.values());
        siteLink.setItemLabelGenerator(link -> getTranslation("editor.site-link." + link.name()));
        poolBinder
                .forField(siteLink)
                .asRequired(getTranslation("editor.required"))
                .bind(DraftPool::getSiteLink, DraftPool::setSiteLink);
        TextField nextHop = text("pool-next-hop-fqdn", "editor.pool.next-hop-fqdn");
        required(poolBinder, nextHop, Kind.FQDN, DraftPool::getNextHopFqdn, DraftPool::setNextHopFqdn);
        ComboBox<String> nextHopZone = timeZone("pool-next-hop-time-zone", "editor.pool.next-hop-time-zone");
        zone(poolBinder, nextHopZone, DraftPool::getNextHopTimeZone, DraftPool::setNextHopTimeZone);
        TextField fileStore = text("pool-file-store", "editor.pool.file-store");
        fileStore.setHelperText(getTranslation("editor.unc.help"));
        optional(poolBinder, fileStore, Kind.UNC_PATH, DraftPool::getFileStore, DraftPool::setFileStore);
        IntegerField rpo = number("pool-rpo", "editor.pool.rpo", 0, null);
        minutes(poolBinder, rpo, false, DraftPool::getRpoMinutes, DraftPool::setRpoMinutes);
        IntegerField rto = number("pool-rto", "editor.pool.rto", 0, null);
        minutes(poolBinder, rto, false, DraftPool::getRtoMinutes, DraftPool::setRtoMinutes);
        fields.put("pools.fqdn", fqdn);
        fields.put("pools.serviceIdentity", serviceIdentity);
        fields.put("pools.activeServersIdentity", activeIdentity);
        fields.put("pools.primarySite", primarySite);
        fields.put("pools.secondarySite", secondarySite);
        fields.put("pools.siteLink", siteLink);
        fields.put("pools.nextHopPool", nextHop);
        fields.put("pools.nextHopPool.fqdn", nextHop);
        fields.put("pools.nextHopPool.timeZone", nextHopZone);
        fields.put("pools.fileStore", fileStore);
        fields.put("pools.objectives", rpo);
        fields.put("pools.objectives.rpoMinutes", rpo);
        fields.put("pools.objectives.rtoMinutes", rto);
        FormLayout poolForm = new FormLayout(
                fqdn,
                serviceIdentity,
                activeIdentity,
                primarySite,
                secondarySite,
                siteLink,
                nextHop,
                nextHopZone,
                fileStore);

        content.add(poolForm, new H3(getTranslation("editor.pool.servers")), servers());
        content.add(new H3(getTranslation("editor.pool.databases")), databases());
        content.add(new H3(getTranslation("editor.pool.mirroring")), mirroring());
        content.add(new H3(getTranslation("editor.pool.log-shipping")), logShipping());
        content.add(new H3(getTranslation("editor.pool.objectives")), new FormLayout(rpo, rto));

        poolChoice.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                showPool(change.getValue());
            }
        });
        poolChoice.setValue(draft.pools().getFirst());
        return content;
    }

    private Component servers() {
        serverGrid = new Grid<>();
        serverGrid.setId("server-grid");
        serverGrid
                .addComponentColumn(server -> cell(server, "fqdn", serverFqdn(server)))
                .setKey("fqdn")
                .setHeader(getTranslation("editor.server.fqdn"))
                .setFlexGrow(2);
        serverGrid
                .addComponentColumn(server -> cell(server, "site", serverSite(server)))
                .setKey("site")
                .setHeader(getTranslation("editor.server.site"));
        serverGrid
                .addComponentColumn(server -> cell(server, "active", serverActive(server)))
                .setKey("active")
                .setHeader(getTranslation("editor.server.active"));
        serverGrid
                .addComponentColumn(server -> {
                    Button remove = new Button(getTranslation("editor.server.remove"), click -> {
                        currentPool().servers().remove(server);
                        serverGrid.setItems(currentPool().servers());
                        changed();
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    remove.addClassName("remove-server");
                    return remove;
                })
                .setKey("remove");
        serverGrid.setAllRowsVisible(true);
        serverGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        fields.put("pools.servers", serverGrid);
        Button add = new Button(getTranslation("editor.server.add"), click -> {
            DraftServer server = new DraftServer();
            server.setFqdn("");
            server.setSite(currentPool().getPrimarySite());
            currentPool().servers().add(server);
            serverGrid.setItems(currentPool().servers());
            changed();
        });
        add.setId("add-server");
        return new VerticalLayout(serverGrid, add);
    }

    private Component cell(DraftServer server, String field, Component component) {
        serverCells.computeIfAbsent(server, key -> new HashMap<>()).put(field, component);
        return component;
    }

    private TextField serverFqdn(DraftServer server) {
        TextField fqdn = new TextField();
        fqdn.setWidthFull();
        fqdn.setAriaLabel(getTranslation("editor.server.fqdn"));
        fqdn.setValue(server.getFqdn() == null ? "" : server.getFqdn());
        showProblem(fqdn, Kind.FQDN, fqdn.getValue());
        fqdn.addValueChangeListener(change -> {
            server.setFqdn(change.getValue());
            showProblem(fqdn, Kind.FQDN, change.getValue());
            changed();
        });
        return fqdn;
    }

    private Select<String> serverSite(DraftServer server) {
        Select<String> site = new Select<>();
        site.setAriaLabel(getTranslation("editor.server.site"));
        site.setItems(draft.siteIds());
        site.setValue(draft.siteIds().contains(server.getSite()) ? server.getSite() : null);
        site.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                server.setSite(change.getValue());
                changed();
            }
        });
        return site;
    }

    private Checkbox serverActive(DraftServer server) {
        Checkbox active = new Checkbox(server.isActive());
        active.setAriaLabel(getTranslation("editor.server.active"));
        active.addValueChangeListener(change -> {
            server.setActive(change.getValue());
            changed();
        });
        return active;
    }

    private Component databases() {
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        layout.add(new Span(getTranslation("editor.database.mgc")), databaseForm(DatabaseKind.CHAT));
        compliance = new Checkbox(getTranslation("editor.database.compliance"));
        compliance.setId("compliance-on");
        complianceForm = databaseForm(DatabaseKind.COMPLIANCE);
        compliance.addValueChangeListener(change -> {
            if (!change.isFromClient() && change.getValue() == currentPool().isComplianceEnabled()) {
                return;
            }
            currentPool().setComplianceEnabled(change.getValue());
            bindDatabases(currentPool());
            changed();
        });
        layout.add(compliance, complianceForm);
        return layout;
    }

    private FormLayout databaseForm(DatabaseKind kind) {
        Binder<DraftDatabase> binder = binder();
        databaseBinders.put(kind, binder);
        String prefix = kind == DatabaseKind.CHAT ? "mgc" : "mgccomp";
        FormLayout form = new FormLayout();
        for (CopyRole role : CopyRole.values()) {
            Select<String> select = instanceSelect(prefix + "-" + role.field(), "editor.database." + role.field());
            var binding = binder.forField(select);
            if (role == CopyRole.PRIMARY) {
                binding = binding.asRequired(getTranslation("editor.required"));
            }
            binding.bind(database -> database.copy(role), (database, id) -> database.setCopy(role, id));
            fields.put("databases." + kind.name() + "." + role.field(), select);
            form.add(select);
        }
        return form;
    }

    private Component mirroring() {
        mirroringBinder = binder();
        IntegerField partner = number("mirroring-partner-port", "editor.mirroring.partner-port", 1, 65535);
        port(mirroringBinder, partner, DraftMirroring::getPartnerPort, DraftMirroring::setPartnerPort);
        IntegerField witness = number("mirroring-witness-port", "editor.mirroring.witness-port", 1, 65535);
        port(mirroringBinder, witness, DraftMirroring::getWitnessPort, DraftMirroring::setWitnessPort);
        TextField share = text("mirroring-file-share", "editor.mirroring.file-share");
        share.setHelperText(getTranslation("editor.unc.help"));
        optional(mirroringBinder, share, Kind.UNC_PATH, DraftMirroring::getFileShare, DraftMirroring::setFileShare);
        fields.put("pools.mirroring", partner);
        fields.put("pools.mirroring.partnerPort", partner);
        fields.put("pools.mirroring.witnessPort", witness);
        fields.put("pools.mirroring.fileShare", share);
        return new FormLayout(partner, witness, share);
    }

    private Component logShipping() {
        logShippingBinder = binder();
        logShippingConfigured = new Checkbox(getTranslation("editor.log-shipping.configured"));
        logShippingConfigured.setId("log-shipping-configured");
        logShippingBinder
                .forField(logShippingConfigured)
                .bind(DraftLogShipping::isConfigured, DraftLogShipping::setConfigured);
        TextField share = text("log-shipping-share", "editor.log-shipping.share");
        share.setHelperText(getTranslation("editor.unc.help"));
        optional(logShippingBinder, share, Kind.UNC_PATH, DraftLogShipping::getShare, DraftLogShipping::setShare);
        TextField local = text("log-shipping-primary-local-path", "editor.log-shipping.primary-local-path");
        local.setHelperText(getTranslation("editor.log-shipping.primary-local-path.help"));
        optional(
                logShippingBinder,
                local,
                Kind.LOCAL_PATH,
                DraftLogShipping::getPrimaryLocalPath,
                DraftLogShipping::setPrimaryLocalPath);
        TextField copy = text("log-shipping-copy-destination", "editor.log-shipping.copy-destination");
        optional(
                logShippingBinder,
                copy,
                Kind.FOLDER,
                DraftLogShipping::getCopyDestination,
                DraftLogShipping::setCopyDestination);
        IntegerField backupEvery = number("log-shipping-backup-every", "editor.log-shipping.backup-every", 1, null);
        minutes(
                logShippingBinder,
                backupEvery,
                true,
                DraftLogShipping::getBackupEveryMinutes,
                DraftLogShipping::setBackupEveryMinutes);
        IntegerField copyEvery = number("log-shipping-copy-every", "editor.log-shipping.copy-every", 1, null);
        minutes(
                logShippingBinder,
                copyEvery,
                true,
                DraftLogShipping::getCopyEveryMinutes,
                DraftLogShipping::setCopyEveryMinutes);
        IntegerField restoreEvery = number("log-shipping-restore-every", "editor.log-shipping.restore-every", 1, null);
        minutes(
                logShippingBinder,
                restoreEvery,
                true,
                DraftLogShipping::getRestoreEveryMinutes,
                DraftLogShipping::setRestoreEveryMinutes);
        IntegerField restoreDelay = number("log-shipping-restore-delay", "editor.log-shipping.restore-delay", 0, null);
        minutes(
                logShippingBinder,
                restoreDelay,
                false,
                DraftLogShipping::getRestoreDelayMinutes,
                DraftLogShipping::setRestoreDelayMinutes);
        IntegerField backupAlert = number("log-shipping-backup-alert", "editor.log-shipping.backup-alert", 0, null);
        minutes(
                logShippingBinder,
                backupAlert,
                false,
                DraftLogShipping::getBackupAlertMinutes,
                DraftLogShipping::setBackupAlertMinutes);
        IntegerField restoreAlert = number("log-shipping-restore-alert", "editor.log-shipping.restore-alert", 0, null);
        minutes(
                logShippingBinder,
                restoreAlert,
                false,
                DraftLogShipping::getRestoreAlertMinutes,
                DraftLogShipping::setRestoreAlertMinutes);
        IntegerField retention = number("log-shipping-retention", "editor.log-shipping.retention", 0, null);
        minutes(
                logShippingBinder,
                retention,
                false,
                DraftLogShipping::getFileRetentionMinutes,
                DraftLogShipping::setFileRetentionMinutes);
        Select<String> monitor = instanceSelect("log-shipping-monitor", "editor.log-shipping.monitor");
        logShippingBinder.forField(monitor).bind(DraftLogShipping::getMonitor, DraftLogShipping::setMonitor);
        fields.put("pools.logShipping", logShippingConfigured);
        fields.put("pools.logShipping.share", share);
        fields.put("pools.logShipping.primaryLocalPath", local);
        fields.put("pools.logShipping.copyDestination", copy);
        fields.put("pools.logShipping.backupEveryMinutes", backupEvery);
        fields.put("pools.logShipping.copyEveryMinutes", copyEvery);
        fields.put("pools.logShipping.restoreEveryMinutes", restoreEvery);
        fields.put("pools.logShipping.restoreDelayMinutes", restoreDelay);
        fields.put("pools.logShipping.backupAlertMinutes", backupAlert);
        fields.put("pools.logShipping.restoreAlertMinutes", restoreAlert);
        fields.put("pools.logShipping.fileRetentionMinutes", retention);
        fields.put("pools.logShipping.monitor", monitor);
        logShippingForm = new FormLayout(
                share,
                local,
                copy,
                backupEvery,
                copyEvery,
                restoreEvery,
                restoreDelay,
                backupAlert,
                restoreAlert,
                retention,
                monitor);
        logShippingConfigured.addValueChangeListener(change -> logShippingForm.setEnabled(change.getValue()));
        return new VerticalLayout(logShippingConfigured, logShippingForm);
    }

    private DraftPool currentPool() {
        return poolChoice.getValue();
    }

    /** A new, empty pool to fill in; everything typed so far stays, the comment included. */
    private void addPool() {
        DraftPool pool = DraftPool.empty();
        draft.pools().add(pool);
        renderShowingPool(pool);
    }

    private void removePool() {
        draft.pools().remove(poolChoice.getValue());
        renderShowingPool(draft.pools().getFirst());
    }

    private void renderShowingPool(DraftPool pool) {
        String note = comment.getValue();
        render();
        comment.setValue(note);
        tabs.setSelectedIndex(POOLS_TAB);
        poolChoice.setValue(pool);
        changed();
    }

    private void showPool(DraftPool pool) {
        poolBinder.setBean(pool);
        mirroringBinder.setBean(pool.mirroring());
        logShippingBinder.setBean(pool.logShipping());
        logShippingForm.setEnabled(pool.logShipping().isConfigured());
        serverCells.clear();
        serverGrid.setItems(pool.servers());
        bindDatabases(pool);
    }

    private void bindDatabases(DraftPool pool) {
        databaseBinders.get(DatabaseKind.CHAT).setBean(pool.database(DatabaseKind.CHAT));
        DraftDatabase complianceDatabase = pool.database(DatabaseKind.COMPLIANCE);
        databaseBinders.get(DatabaseKind.COMPLIANCE).setBean(complianceDatabase);
        compliance.setValue(complianceDatabase != null);
        complianceForm.setVisible(complianceDatabase != null);
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
            entry.setAlignItems(FlexComponent.Alignment.BASELINE);
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
                yield fields.get("general.name");
            }
            case SITES -> {
                tabs.setSelectedIndex(SITES_TAB);
                yield inTopList(siteGrid, draft.sites(), at, "sites");
            }
            case SQL_INSTANCES -> {
                tabs.setSelectedIndex(INSTANCES_TAB);
                yield inTopList(instanceGrid, draft.sqlInstances(), at, "sqlInstances");
            }
            case POOLS -> {
                tabs.setSelectedIndex(POOLS_TAB);
                yield inPool(at);
            }
        };
        if (target instanceof Focusable<?> focusable) {
            focusable.focus();
        }
    }

    private <T> Component inTopList(Grid<T> grid, List<T> items, EditorPath at, String section) {
        if (at.item() < 0 || at.item() >= items.size()) {
            return grid;
        }
        grid.select(items.get(at.item()));
        grid.scrollToIndex(at.item());
        return fieldOrNearest(section, at.field(), grid);
    }

    private Component inPool(EditorPath at) {
        if (at.pool() < 0 || at.pool() >= draft.pools().size()) {
            return poolChoice;
        }
        DraftPool pool = draft.pools().get(at.pool());
        poolChoice.setValue(pool);
        if (at.list().equals("servers")) {
            if (at.item() < 0 || at.item() >= pool.servers().size()) {
                return serverGrid;
            }
            DraftServer server = pool.servers().get(at.item());
            serverGrid.select(server);
            serverGrid.scrollToIndex(at.item());
            Component cell = serverCells.getOrDefault(server, Map.of()).get(at.field());
            return cell != null ? cell : serverGrid;
        }
        if (at.list().equals("databases")) {
            if (at.item() < 0 || at.item() >= pool.databases().size()) {
                return fields.get("databases.CHAT.primary");
            }
            DatabaseKind kind = pool.databases().get(at.item()).getKind();
            CopyRole role = CopyRole.ofField(at.field()).orElse(CopyRole.PRIMARY);
            return fields.get("databases." + kind.name() + "." + role.field());
        }
        return fieldOrNearest("pools", at.field(), poolChoice);
    }

    /** The field itself, or the closest enclosing one ({@code logShipping.share} → {@code logShipping}). */
    private Component fieldOrNearest(String section, String field, Component fallback) {
        String key = field;
        while (!key.isEmpty()) {
            Component component = fields.get(section + "." + key);
            if (component != null) {
                return component;
            }
            int dot = key.lastIndexOf('.');
            key = dot < 0 ? "" : key.substring(0, dot);
        }
        return fallback;
    }

    /** The component a path of the format is edited in, after {@link #reveal}; for tests. */
    Optional<Component> fieldAt(String path) {
        return EditorPath.of(path).map(at -> switch (at.section()) {
            case GENERAL -> fields.get("general.name");
            case SITES -> fieldOrNearest("sites", at.field(), siteGrid);
            case SQL_INSTANCES -> fieldOrNearest("sqlInstances", at.field(), instanceGrid);
            case POOLS -> inPool(at);
        });
    }

    // ---- Saving

    private void save() {
        saveProblems.removeAll();
        saveProblems.setVisible(false);
        boolean fieldsValid = true;
        for (Binder<?> binder : binders) {
            if (binder.getBean() != null && !binder.validate().isOk()) {
                fieldsValid = false;
            }
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

    // ---- Field helpers

    private <B> Binder<B> binder() {
        Binder<B> binder = new Binder<>();
        binder.addValueChangeListener(change -> changed());
        binders.add(binder);
        return binder;
    }

    private TextField text(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setWidthFull();
        return field;
    }

    private IntegerField number(String id, String labelKey, Integer min, Integer max) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        if (min != null) {
            field.setMin(min);
        }
        if (max != null) {
            field.setMax(max);
        }
        field.setStepButtonsVisible(true);
        return field;
    }

    private ComboBox<String> timeZone(String id, String labelKey) {
        ComboBox<String> zone = new ComboBox<>(getTranslation(labelKey));
        zone.setId(id);
        zone.setItems(ZONES);
        return zone;
    }

    private Select<String> siteSelect(String id, String labelKey) {
        Select<String> select = new Select<>();
        select.setId(id);
        select.setLabel(getTranslation(labelKey));
        select.setItems(draft.siteIds());
        siteChoices.add(select);
        return select;
    }

    private Select<String> instanceSelect(String id, String labelKey) {
        Select<String> select = new Select<>();
        select.setId(id);
        select.setLabel(getTranslation(labelKey));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("editor.none"));
        select.setItems(draft.instanceIds());
        instanceChoices.add(select);
        return select;
    }

    /** After an id changed, the choices everywhere follow; bound fields read their bean again. */
    private void refreshChoices() {
        List<String> siteIds = draft.siteIds();
        List<String> instanceIds = draft.instanceIds();
        if (rebinding) {
            return;
        }
        // Setting the items of a bound select would write its cleared value into the bean: unbind first.
        rebinding = true;
        try {
            Map<Binder<?>, Object> beans = new IdentityHashMap<>();
            for (Binder<?> binder : binders) {
                if (binder.getBean() != null) {
                    beans.put(binder, binder.getBean());
                    binder.setBean(null);
                }
            }
            for (Select<String> select : siteChoices) {
                select.setItems(siteIds);
            }
            for (Select<String> select : instanceChoices) {
                select.setItems(instanceIds);
            }
            beans.forEach(TopologyEditorView::rebind);
        } finally {
            rebinding = false;
        }
        if (serverGrid != null) {
            serverCells.clear();
            serverGrid.getDataProvider().refreshAll();
        }
    }

    @SuppressWarnings("unchecked")
    private static <B> void rebind(Binder<B> binder, Object bean) {
        binder.setBean((B) bean);
    }

    private <B> void required(
            Binder<B> binder, TextField field, Kind kind, ValueProvider<B, String> getter, Setter<B, String> setter) {
        field.setMaxLength(kind.maxLength());
        binder.forField(field)
                .asRequired(getTranslation("editor.required"))
                .withValidator(valueOf(kind))
                .bind(getter, setter);
    }

    private <B> void optional(
            Binder<B> binder, TextField field, Kind kind, ValueProvider<B, String> getter, Setter<B, String> setter) {
        field.setMaxLength(kind.maxLength());
        field.setClearButtonVisible(true);
        binder.forField(field)
                .withValidator((value, context) -> value == null || value.isEmpty()
                        ? ValidationResult.ok()
                        : valueOf(kind).apply(value, context))
                .withNullRepresentation("")
                .bind(getter, setter);
    }

    private <B> void zone(
            Binder<B> binder, ComboBox<String> field, ValueProvider<B, String> getter, Setter<B, String> setter) {
        binder.forField(field)
                .asRequired(getTranslation("editor.required"))
                .withValidator(valueOf(Kind.TIME_ZONE))
                .bind(getter, setter);
    }

    private <B> void port(
            Binder<B> binder, IntegerField field, ValueProvider<B, Integer> getter, Setter<B, Integer> setter) {
        binder.forField(field)
                .asRequired(getTranslation("editor.required"))
                .withValidator(TopologyValues::isPort, getTranslation("editor.port.range"))
                .bind(getter, setter);
    }

    private <B> void minutes(
            Binder<B> binder,
            IntegerField field,
            boolean schedule,
            ValueProvider<B, Integer> getter,
            Setter<B, Integer> setter) {
        SerializablePredicate<Integer> valid =
                schedule ? value -> TopologyValues.isScheduleMinutes(value) : value -> TopologyValues.isMinutes(value);
        binder.forField(field)
                .asRequired(getTranslation("editor.required"))
                .withValidator(
                        valid, getTranslation(schedule ? "editor.minutes.schedule-range" : "editor.minutes.range"))
                .bind(getter, setter);
    }

    private Validator<String> valueOf(Kind kind) {
        return (value, context) -> TopologyValues.problem(kind, value)
                .map(problem -> ValidationResult.error(
                        getTranslation(problem.messageKey(), problem.arguments().toArray())))
                .orElse(ValidationResult.ok());
    }

    private void showProblem(HasValue<?, String> field, Kind kind, String value) {
        Optional<TopologyValues.Problem> problem = TopologyValues.problem(kind, value);
        TextField text = (TextField) field;
        text.setInvalid(problem.isPresent());
        text.setErrorMessage(
                problem.map(p -> getTranslation(p.messageKey(), p.arguments().toArray()))
                        .orElse(null));
    }
}
