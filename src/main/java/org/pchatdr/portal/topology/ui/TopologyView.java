package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.ActionDialog;
import org.pchatdr.portal.base.ui.BoundedTextArea;
import org.pchatdr.portal.base.ui.SystemComments;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyDiagram;
import org.pchatdr.portal.topology.TopologyDiff;
import org.pchatdr.portal.topology.TopologyElements;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyVersion;
import org.pchatdr.portal.topology.VersionSummary;
import org.pchatdr.portal.topology.Violation;

/**
 * One topology: a version of it (the latest unless {@code ?version=n}), its rule results beside the
 * diagram of each pool, its versions and what changed between them; publishing for approvers, a new
 * version from a file for operators.
 */
@Route("topologies/:id")
@PermitAll
class TopologyView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TopologyService topologies;
    private final AuthenticationContext authentication;
    private TopologyVersion shown;

    TopologyView(TopologyService topologies, AuthenticationContext authentication) {
        this.topologies = topologies;
        this.authentication = authentication;
        setSizeFull();
    }

    static RouteParameters parameters(long id) {
        return new RouteParameters("id", Long.toString(id));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            long id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            Optional<Integer> number = event.getLocation()
                    .getQueryParameters()
                    .getSingleParameter("version")
                    .map(Integer::parseInt);
            shown = number.isPresent() ? topologies.version(id, number.get()) : topologies.latest(id);
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        } catch (PortalException e) {
            event.rerouteToError(NotFoundException.class, getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        add(header(), actions());
        TabSheet tabs = new TabSheet();
        tabs.setId("topology-tabs");
        tabs.add(getTranslation("topology.tab.rules", countOf(Severity.ERROR), countOf(Severity.WARNING)), rules());
        tabs.add(getTranslation("topology.tab.diagram"), diagrams());
        tabs.add(getTranslation("topology.tab.versions"), versions());
        tabs.setWidthFull();
        add(tabs);
        setFlexGrow(1, tabs);
    }

    private Component header() {
        H2 name = new H2(shown.topology().name());
        Span version = new Span(getTranslation("topology.version-of", shown.number(), shown.latestVersion()));
        version.setId("shown-version");
        Span state =
                new Span(getTranslation(shown.isPublished() ? "topology.state.published" : "topology.state.draft"));
        state.setId("publication-state");
        state.getElement().getThemeList().add(shown.isPublished() ? "badge success" : "badge contrast");
        Span author = new Span(getTranslation(
                "topology.saved-by",
                shown.author(),
                PortalTime.format(shown.createdAt()),
                SystemComments.shown(this, shown.comment())));
        author.addClassName("secondary-text");
        HorizontalLayout header = new HorizontalLayout(name, version, state, published());
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        // On a phone the published version goes below the name instead of off the screen (issue 12).
        header.setWrap(true);
        return new VerticalLayout(header, author);
    }

    /** Which version is live (procedures and runs come from it), and whether the one shown is it. */
    private Span published() {
        Integer live = shown.publishedVersion();
        String text;
        if (live == null) {
            text = getTranslation("topology.published-none");
        } else if (shown.isPublished()) {
            text = getTranslation("topology.published-version", live) + " · "
                    + getTranslation("topology.published-shown");
        } else {
            text = getTranslation("topology.published-version", live) + " · "
                    + getTranslation("topology.published-other", live, shown.number());
        }
        Span published = new Span(text);
        published.setId("published-version");
        published.addClassName("secondary-text");
        return published;
    }

    private Component actions() {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        Select<Integer> versionChoice = new Select<>();
        versionChoice.setId("version-choice");
        versionChoice.setLabel(getTranslation("topology.choose-version"));
        versionChoice.setItems(topologies.versions(shown.topologyId()).stream()
                .map(VersionSummary::number)
                .toList());
        versionChoice.setValue(shown.number());
        versionChoice.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                getUI().ifPresent(ui -> ui.navigate(
                        TopologyView.class,
                        parameters(shown.topologyId()),
                        QueryParameters.of("version", change.getValue().toString())));
            }
        });
        actions.add(versionChoice);
        if (authentication.hasRole(Roles.APPROVER) && !shown.isPublished()) {
            Button publish = new Button(getTranslation("topology.publish"), click -> confirmPublish());
            publish.setId("publish");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(publish);
        }
        // Issue 13: once a version is published, another one is published through a change
        // request. A plain address, as for procedures: change control depends on topology.
        if (authentication.hasRole(Roles.OPERATOR) && !shown.isPublished() && shown.publishedVersion() != null) {
            Button propose = new Button(
                    getTranslation("topology.propose-change"),
                    click -> getUI().ifPresent(ui -> ui.navigate(
                            "changes",
                            QueryParameters.simple(java.util.Map.of(
                                    "propose",
                                    Long.toString(shown.topologyId()),
                                    "version",
                                    Integer.toString(shown.number()))))));
            propose.setId("propose-change");
            actions.add(propose);
        }
        // A plain address, not a class: the procedure module depends on this one, not the reverse.
        Anchor procedures =
                new Anchor("topologies/" + shown.topologyId() + "/procedures", getTranslation("procedure.ui.open"));
        procedures.setId("open-procedures");
        actions.add(procedures);
        actions.add(download(
                "download-json",
                getTranslation("topology.download.json"),
                fileName("json"),
                "application/json",
                shown.document()));
        if (authentication.hasRole(Roles.OPERATOR)) {
            Button edit = new Button(
                    getTranslation("topology.edit", shown.latestVersion()),
                    click -> getUI().ifPresent(
                                    ui -> ui.navigate(TopologyEditorView.class, parameters(shown.topologyId()))));
            edit.setId("edit");
            actions.add(edit);
            actions.add(new TopologyUpload(
                    "upload-version",
                    topology -> topologies.saveVersion(
                            shown.topologyId(),
                            shown.latestVersion(),
                            topology,
                            SystemComments.stored("topology.upload.comment")),
                    id -> reloadLatest()));
        }
        return actions;
    }

    private Component rules() {
        Grid<Violation> grid = new Grid<>();
        grid.setId("violations");
        // Severity and rule take what they need and no more (they grew with the rest at 1440 px).
        grid.addComponentColumn(violation -> new SeverityBadge(violation.severity()))
                .setHeader(getTranslation("topology.rule.severity"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Violation::ruleId)
                .setHeader(getTranslation("topology.rule.id"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // The element by name (site PAR, server pc01…); the path stays as a tooltip for the file's editors.
        grid.addColumn(this::element)
                .setKey("element")
                .setHeader(getTranslation("topology.rule.element"))
                .setTooltipGenerator(Violation::path)
                .setWidth("9em")
                .setFlexGrow(2);
        // What to do is what people read: it gets the width, the element's name wraps (issue 12). On
        // a phone it keeps a readable width and the grid scrolls inside its frame, not word by word.
        grid.addColumn(violation -> getTranslation(
                        violation.messageKey(), violation.arguments().toArray()))
                .setKey("message")
                .setHeader(getTranslation("topology.rule.message"))
                .setWidth("16em")
                .setFlexGrow(5);
        grid.addComponentColumn(this::acknowledgement)
                .setKey("acknowledgement")
                .setHeader(getTranslation("topology.rule.acknowledged"))
                .setFlexGrow(2);
        grid.setItems(shown.violations());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        if (shown.violations().isEmpty()) {
            return new Span(getTranslation("topology.rule.none"));
        }
        return grid;
    }

    private Component acknowledgement(Violation violation) {
        if (violation.severity() != Severity.WARNING) {
            return new Span();
        }
        Optional<TopologyVersion.Acknowledgement> ack = shown.acknowledgementOf(violation);
        if (ack.isPresent()) {
            return new Span(getTranslation(
                    "topology.rule.acknowledged-for",
                    ack.get().by(),
                    element(violation),
                    ack.get().reason()));
        }
        boolean latest = shown.number() == shown.latestVersion();
        if (latest && (authentication.hasRole(Roles.OPERATOR) || authentication.hasRole(Roles.APPROVER))) {
            Button accept =
                    new Button(getTranslation("topology.rule.acknowledge"), click -> confirmAcknowledge(violation));
            accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            accept.addClassName("acknowledge");
            return accept;
        }
        return new Span();
    }

    private Component diagrams() {
        VerticalLayout diagrams = new VerticalLayout();
        diagrams.setPadding(false);
        for (Topology.Pool pool : shown.topology().pools()) {
            String svg = TopologyDiagram.svg(shown.topology(), pool.fqdn(), shown.violations(), this::getTranslation);
            diagrams.add(
                    DiagramPicture.of(svg, pool.fqdn()),
                    download(
                            "download-svg-" + pool.fqdn(),
                            getTranslation("topology.download.svg", pool.fqdn()),
                            fileName(pool.fqdn() + ".svg"),
                            "image/svg+xml",
                            svg));
        }
        return diagrams;
    }

    private Component versions() {
        List<VersionSummary> all = topologies.versions(shown.topologyId());
        Map<Integer, List<TopologyDiff.Change>> changed = topologies.changesByVersion(shown.topologyId());
        Grid<VersionSummary> grid = new Grid<>();
        grid.setId("versions");
        grid.addColumn(VersionSummary::number).setHeader("#").setAutoWidth(true);
        grid.addColumn(version -> version.published() ? getTranslation("topology.state.published") : "")
                .setAutoWidth(true);
        grid.addColumn(VersionSummary::author).setHeader(getTranslation("topology.versions.author"));
        grid.addColumn(version -> PortalTime.format(version.createdAt()))
                .setHeader(getTranslation("topology.versions.time"))
                .setAutoWidth(true);
        grid.addColumn(version -> SystemComments.shown(this, version.comment()))
                .setHeader(getTranslation("topology.versions.comment"));
        // Each change names its element ("server pc01.contoso.local: …"), the JSON path is for the
        // comparison's tooltip only (issue 12).
        grid.addComponentColumn(version -> changesOf(changed.get(version.number())))
                .setKey("changes")
                .setHeader(getTranslation("topology.versions.changes"))
                .setFlexGrow(3);
        grid.setItems(all);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);

        Select<Integer> from = versionSelect("compare-from", "topology.compare.from", all);
        Select<Integer> to = versionSelect("compare-to", "topology.compare.to", all);
        from.setValue(all.size() > 1 ? all.get(1).number() : shown.number());
        to.setValue(shown.number());
        Span same = new Span(getTranslation("topology.compare.same"));
        same.setId("compare-same");
        same.setVisible(false);
        Grid<TopologyDiff.Change> differences = new Grid<>();
        differences.setId("differences");
        differences
                .addColumn(change ->
                        TopologyElements.describeWithField(change.element(), shown.topology(), this::getTranslation))
                .setKey("element")
                .setTooltipGenerator(TopologyDiff.Change::path)
                .setHeader(getTranslation("topology.rule.element"));
        Grid.Column<TopologyDiff.Change> before = differences.addColumn(change -> shownValue(change.before()));
        Grid.Column<TopologyDiff.Change> after = differences.addColumn(change -> shownValue(change.after()));
        differences.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        differences.setAllRowsVisible(true);
        differences.setVisible(false);
        Button compare = new Button(getTranslation("topology.compare"), click -> {
            List<TopologyDiff.Change> changes = topologies.compare(shown.topologyId(), from.getValue(), to.getValue());
            before.setHeader(getTranslation("topology.compare.version", from.getValue()));
            after.setHeader(getTranslation("topology.compare.version", to.getValue()));
            differences.setItems(changes);
            differences.setVisible(!changes.isEmpty());
            same.setVisible(changes.isEmpty());
        });
        compare.setId("compare");
        HorizontalLayout comparison = new HorizontalLayout(from, to, compare);
        comparison.setAlignItems(FlexComponent.Alignment.BASELINE);
        return new VerticalLayout(grid, comparison, same, differences);
    }

    /** The lines of one version's changes in the reader's language; the first version has none. */
    private Component changesOf(List<TopologyDiff.Change> changes) {
        if (changes == null) {
            return new Span(getTranslation("topology.versions.first"));
        }
        Div lines = new Div();
        lines.addClassName("version-changes");
        changes.forEach(
                change -> lines.add(new Div(TopologyDiff.line(change, shown.topology(), this::getTranslation))));
        return lines;
    }

    /** A value of the diff as people read it: absent instead of nothing, text without its JSON quotes. */
    private String shownValue(String json) {
        if (json == null) {
            return getTranslation("topology.compare.absent");
        }
        return TopologyDiff.shown(json);
    }

    private Select<Integer> versionSelect(String id, String labelKey, List<VersionSummary> all) {
        Select<Integer> select = new Select<>();
        select.setId(id);
        select.setLabel(getTranslation(labelKey));
        select.setItems(all.stream().map(VersionSummary::number).toList());
        return select;
    }

    private void confirmPublish() {
        new ActionDialog(
                        getTranslation("topology.publish.title", shown.number()),
                        getTranslation("topology.publish"),
                        () -> topologies.publish(shown.topologyId(), shown.number()),
                        () -> {
                            reloadShown();
                            Notification.show(getTranslation("topology.published.done", shown.number()))
                                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        },
                        new Span(getTranslation("topology.publish.explanation")))
                .open();
    }

    private void confirmAcknowledge(Violation violation) {
        // A counter instead of the browser's silent cut at the service's limit (issue 12).
        BoundedTextArea reason = new BoundedTextArea(getTranslation("topology.rule.reason"), TopologyService.MAX_TEXT);
        reason.setId("acknowledge-reason");
        reason.setWidthFull();
        new ActionDialog(
                        getTranslation("topology.rule.acknowledge.title", violation.ruleId(), element(violation)),
                        getTranslation("topology.rule.acknowledge"),
                        () -> topologies.acknowledge(
                                shown.topologyId(), violation.ruleId(), violation.element(), reason.getValue()),
                        () -> {
                            reloadShown();
                            Notification.show(getTranslation(
                                            "topology.rule.acknowledge.done", violation.ruleId(), element(violation)))
                                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        },
                        new Span(getTranslation(
                                violation.messageKey(), violation.arguments().toArray())),
                        coverage(violation),
                        reason)
                .open();
    }

    /** What an acceptance covers, said before it is given: this rule on this element, nothing else. */
    private Span coverage(Violation violation) {
        Span covers =
                new Span(getTranslation("topology.rule.acknowledge.covers", violation.ruleId(), element(violation)));
        covers.setId("acknowledge-covers");
        covers.addClassName("secondary-text");
        return covers;
    }

    private String element(Violation violation) {
        return violation.describeElement(shown.topology(), this::getTranslation);
    }

    private void reloadShown() {
        shown = topologies.version(shown.topologyId(), shown.number());
        render();
    }

    private void reloadLatest() {
        getUI().ifPresent(ui -> ui.navigate(TopologyView.class, parameters(shown.topologyId())));
        shown = topologies.latest(shown.topologyId());
        render();
    }

    private long countOf(Severity severity) {
        return shown.violations().stream().filter(v -> v.severity() == severity).count();
    }

    private String fileName(String extension) {
        String base = shown.topology().name().replaceAll("[^A-Za-z0-9._-]+", "-");
        return base + "-v" + shown.number() + "." + extension;
    }

    private static Anchor download(String id, String label, String fileName, String type, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Anchor anchor = new Anchor(
                DownloadHandler.fromInputStream(
                        event -> new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length)),
                label);
        anchor.setId(id.replaceAll("[^A-Za-z0-9_-]", "-"));
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return (shown == null ? "" : shown.topology().name() + " · ") + getTranslation("app.title");
    }
}
