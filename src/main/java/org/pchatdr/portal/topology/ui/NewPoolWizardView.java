package org.pchatdr.portal.topology.ui;

import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.function.SerializablePredicate;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.StretchedPoolTemplate;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.Topology.SqlVersion;
import org.pchatdr.portal.topology.TopologyDiagram;
import org.pchatdr.portal.topology.TopologyFormat;
import org.pchatdr.portal.topology.TopologyRules;
import org.pchatdr.portal.topology.TopologyService;
import org.pchatdr.portal.topology.TopologyValues;
import org.pchatdr.portal.topology.TopologyValues.Kind;
import org.pchatdr.portal.topology.TopologyVersion;
import org.pchatdr.portal.topology.Violation;

/**
 * A new stretched pool in five steps, so that a newcomer starts from the shape Microsoft documents
 * instead of a blank document. Every field is checked as it is typed, with the importer's own value
 * rules; the steps only hide their fields, so going back loses nothing.
 */
@Route("topologies/new")
@RolesAllowed(Roles.OPERATOR)
class NewPoolWizardView extends VerticalLayout implements HasDynamicTitle {

    static final int STEPS = 5;
    private static final List<String> EDITIONS = List.of("Enterprise", "Standard");
    private static final int SQL_PORT = StretchedPoolTemplate.SQL_PORT;

    private final TopologyService topologies;
    private final WizardAnswers answers;
    private final Binder<WizardAnswers> binder = new Binder<>();
    private final List<List<Binder.Binding<WizardAnswers, ?>>> bindings = new ArrayList<>();
    private final List<Component> steps = new ArrayList<>();
    private final List<Span> indicators = new ArrayList<>();
    private final Div stepErrors = new Div();
    private TextField dnsDomain;
    private final Grid<Server> layoutPreview = new Grid<>();
    private final Paragraph layoutExplanation = new Paragraph();
    private final Span timeZoneHint = new Span();
    private final VerticalLayout review = new VerticalLayout();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button create = new Button();
    private int current;
    private Topology preview;

    NewPoolWizardView(TopologyService topologies) {
        this.topologies = topologies;
        this.answers = new WizardAnswers(
                StretchedPoolTemplate.defaults(),
                getTranslation("wizard.default.primary-site-name"),
                getTranslation("wizard.default.secondary-site-name"));
        binder.setBean(answers);
        for (int step = 0; step < STEPS; step++) {
            bindings.add(new ArrayList<>());
        }
        add(new H2(getTranslation("wizard.title")), new Paragraph(getTranslation("wizard.intro")));
        add(indicator());
        steps.add(deploymentStep());
        steps.add(poolStep());
        steps.add(sqlStep());
        steps.add(sharesStep());
        steps.add(reviewStep());
        steps.forEach(this::add);
        stepErrors.setId("wizard-step-errors");
        stepErrors.getElement().setAttribute("role", "alert");
        stepErrors.addClassName("dialog-error");
        stepErrors.setVisible(false);
        add(stepErrors, buttons());
        show(0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wizard.title") + " · " + getTranslation("app.title");
    }

    // Steps

    private Component indicator() {
        HorizontalLayout indicator = new HorizontalLayout();
        indicator.setId("wizard-steps");
        List<String> titles = List.of(
                getTranslation("wizard.step.deployment"),
                getTranslation("wizard.step.pool"),
                getTranslation("wizard.step.sql"),
                getTranslation("wizard.step.shares"),
                getTranslation("wizard.step.review"));
        for (int step = 0; step < STEPS; step++) {
            Span span = new Span(getTranslation("wizard.step.numbered", step + 1, titles.get(step)));
            span.setId("wizard-step-" + (step + 1));
            indicators.add(span);
            indicator.add(span);
        }
        return indicator;
    }

    private Component deploymentStep() {
        FormLayout form = section(0, "wizard.step.deployment", "wizard.deployment.help");
        TextField name = text("wizard-deployment-name", "wizard.field.deployment-name", null);
        bind(0, name, Kind.NAME, WizardAnswers::getDeploymentName, WizardAnswers::setDeploymentName);
        form.add(name);
        form.setColspan(name, 2);

        form.add(new H3(getTranslation("wizard.primary-site")), 2);
        TextField primaryId = text("wizard-primary-id", "wizard.field.site-id", "wizard.field.site-id.help");
        TextField primaryName = text("wizard-primary-name", "wizard.field.site-name", null);
        ComboBox<String> primaryZone = timeZone("wizard-primary-time-zone");
        bind(0, primaryId, Kind.IDENTIFIER, WizardAnswers::getPrimaryId, WizardAnswers::setPrimaryId);
        bind(0, primaryName, Kind.NAME, WizardAnswers::getPrimaryName, WizardAnswers::setPrimaryName);
        bind(0, primaryZone, Kind.TIME_ZONE, WizardAnswers::getPrimaryTimeZone, WizardAnswers::setPrimaryTimeZone);
        form.add(primaryId, primaryName, primaryZone);

        form.add(new H3(getTranslation("wizard.secondary-site")), 2);
        TextField secondaryId = text("wizard-secondary-id", "wizard.field.site-id", "wizard.field.site-id.help");
        TextField secondaryName = text("wizard-secondary-name", "wizard.field.site-name", null);
        ComboBox<String> secondaryZone = timeZone("wizard-secondary-time-zone");
        bindings.get(0)
                .add(binder.forField(secondaryId)
                        .withValidator(new FormatCheck(Kind.IDENTIFIER))
                        .withValidator(
                                id -> !id.equalsIgnoreCase(primaryId.getValue()),
                                getTranslation("wizard.error.same-site-id"))
                        .bind(WizardAnswers::getSecondaryId, WizardAnswers::setSecondaryId));
        bind(0, secondaryName, Kind.NAME, WizardAnswers::getSecondaryName, WizardAnswers::setSecondaryName);
        bind(
                0,
                secondaryZone,
                Kind.TIME_ZONE,
                WizardAnswers::getSecondaryTimeZone,
                WizardAnswers::setSecondaryTimeZone);
        form.add(secondaryId, secondaryName, secondaryZone);
        return form;
    }

    private Component poolStep() {
        FormLayout form = section(1, "wizard.step.pool", "wizard.pool.help");
        TextField pool = text("wizard-pool-fqdn", "wizard.field.pool-fqdn", null);
        TextField domain = text("wizard-dns-domain", "wizard.field.dns-domain", "wizard.field.dns-domain.help");
        dnsDomain = domain;
        TextField nextHop = text("wizard-next-hop", "wizard.field.next-hop", "wizard.field.next-hop.help");
        bind(1, pool, Kind.FQDN, WizardAnswers::getPoolFqdn, WizardAnswers::setPoolFqdn);
        bind(1, domain, Kind.FQDN, WizardAnswers::getDnsDomain, WizardAnswers::setDnsDomain);
        bind(1, nextHop, Kind.FQDN, WizardAnswers::getNextHopPoolFqdn, WizardAnswers::setNextHopPoolFqdn);
        form.add(pool, nextHop, domain);

        RadioButtonGroup<SiteLink> link = new RadioButtonGroup<>(getTranslation("wizard.field.site-link"));
        link.setId("wizard-site-link");
        link.setItems(SiteLink.values());
        link.setItemLabelGenerator(this::linkLabel);
        bindings.get(1)
                .add(binder.forField(link).asRequired().bind(WizardAnswers::getSiteLink, WizardAnswers::setSiteLink));
        form.add(link, 2);

        Paragraph rule = new Paragraph(getTranslation("wizard.t5.explanation"));
        layoutExplanation.setId("wizard-layout-explanation");
        timeZoneHint.setId("wizard-time-zone-hint");
        timeZoneHint.addClassName("dialog-error");
        layoutPreview.setId("wizard-layout-preview");
        layoutPreview.addThemeVariants(GridVariant.LUMO_COMPACT);
        layoutPreview.setAllRowsVisible(true);
        layoutPreview
                .addColumn(server -> siteLabel(server.site()))
                .setKey("site")
                .setHeader(getTranslation("wizard.layout.site"));
        layoutPreview.addColumn(Server::fqdn).setKey("server").setHeader(getTranslation("wizard.layout.server"));
        layoutPreview
                .addColumn(server -> getTranslation(server.active() ? "wizard.layout.active" : "wizard.layout.idle"))
                .setKey("state")
                .setHeader(getTranslation("wizard.layout.state"));
        form.add(rule, 2);
        form.add(layoutExplanation, 2);
        form.add(timeZoneHint, 2);
        form.add(layoutPreview, 2);
        binder.addValueChangeListener(change -> refreshLayout());
        return form;
    }

    private Component sqlStep() {
        FormLayout form = section(2, "wizard.step.sql", "wizard.sql.help");
        Select<SqlVersion> version = new Select<>();
        version.setId("wizard-sql-version");
        version.setLabel(getTranslation("wizard.field.sql-version"));
        version.setItems(SqlVersion.values());
        version.setItemLabelGenerator(SqlVersion::label);
        bindings.get(2)
                .add(binder.forField(version)
                        .asRequired()
                        .bind(WizardAnswers::getSqlVersion, WizardAnswers::setSqlVersion));
        Select<String> edition = new Select<>();
        edition.setId("wizard-sql-edition");
        edition.setLabel(getTranslation("wizard.field.sql-edition"));
        edition.setItems(EDITIONS);
        bindings.get(2)
                .add(binder.forField(edition).asRequired().bind(WizardAnswers::getEdition, WizardAnswers::setEdition));
        TextField account =
                text("wizard-service-account", "wizard.field.service-account", "wizard.field.service-account.help");
        bind(2, account, Kind.SERVICE_ACCOUNT, WizardAnswers::getServiceAccount, WizardAnswers::setServiceAccount);
        form.add(version, edition, account);

        Checkbox witness = checkbox("wizard-witness", "wizard.field.witness");
        Checkbox backupMirror = checkbox("wizard-backup-mirror", "wizard.field.backup-mirror");
        Checkbox compliance = checkbox("wizard-compliance", "wizard.field.compliance");
        bindings.get(2).add(binder.forField(witness).bind(WizardAnswers::isWitness, WizardAnswers::setWitness));
        bindings.get(2)
                .add(binder.forField(backupMirror).bind(WizardAnswers::isBackupMirror, WizardAnswers::setBackupMirror));
        bindings.get(2)
                .add(binder.forField(compliance).bind(WizardAnswers::isCompliance, WizardAnswers::setCompliance));
        form.add(witness, 2);
        form.add(backupMirror, 2);
        form.add(compliance, 2);

        IntegerField partner = integer("wizard-partner-port", "wizard.field.partner-port", "wizard.field.port.help");
        IntegerField witnessPort =
                integer("wizard-witness-port", "wizard.field.witness-port", "wizard.field.port.help");
        bindings.get(2).add(port(partner).bind(WizardAnswers::getPartnerPort, WizardAnswers::setPartnerPort));
        bindings.get(2)
                .add(port(witnessPort)
                        .withValidator(
                                value -> !value.equals(partner.getValue()), getTranslation("wizard.error.same-ports"))
                        .bind(WizardAnswers::getWitnessPort, WizardAnswers::setWitnessPort));
        form.add(partner, witnessPort);
        return form;
    }

    private Component sharesStep() {
        FormLayout form = section(3, "wizard.step.shares", "wizard.shares.help");
        TextField fileStore = text("wizard-file-store", "wizard.field.file-store", "wizard.field.file-store.help");
        TextField logShipping = text(
                "wizard-log-shipping-share", "wizard.field.log-shipping-share", "wizard.field.log-shipping-share.help");
        TextField seed = text("wizard-seed-share", "wizard.field.seed-share", "wizard.field.seed-share.help");
        TextField copy =
                text("wizard-copy-destination", "wizard.field.copy-destination", "wizard.field.copy-destination.help");
        bind(3, fileStore, Kind.UNC_PATH, WizardAnswers::getFileStore, WizardAnswers::setFileStore);
        bind(3, logShipping, Kind.UNC_PATH, WizardAnswers::getLogShippingShare, WizardAnswers::setLogShippingShare);
        bind(3, seed, Kind.UNC_PATH, WizardAnswers::getMirroringSeedShare, WizardAnswers::setMirroringSeedShare);
        bind(3, copy, Kind.LOCAL_PATH, WizardAnswers::getCopyDestination, WizardAnswers::setCopyDestination);
        form.add(fileStore, logShipping, seed, copy);
        followDomain(fileStore, StretchedPoolTemplate.FILE_STORE_SHARE);
        followDomain(logShipping, StretchedPoolTemplate.LOG_SHIPPING_SHARE);
        followDomain(seed, StretchedPoolTemplate.SEED_SHARE);

        IntegerField rpo = integer("wizard-rpo", "wizard.field.rpo", "wizard.field.objective.help");
        IntegerField rto = integer("wizard-rto", "wizard.field.rto", "wizard.field.objective.help");
        bindings.get(3).add(minutes(rpo).bind(WizardAnswers::getRpoMinutes, WizardAnswers::setRpoMinutes));
        bindings.get(3).add(minutes(rto).bind(WizardAnswers::getRtoMinutes, WizardAnswers::setRtoMinutes));
        form.add(rpo, rto);
        form.add(new Paragraph(getTranslation("wizard.log-shipping.defaults")), 2);
        return form;
    }

    private Component reviewStep() {
        review.setId("wizard-review");
        review.setPadding(false);
        return review;
    }

    // Navigation

    private Component buttons() {
        back.setText(getTranslation("wizard.back"));
        back.setId("wizard-back");
        back.addClickListener(click -> show(current - 1));
        next.setText(getTranslation("wizard.next"));
        next.setId("wizard-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(click -> goNext());
        create.setText(getTranslation("wizard.create"));
        create.setId("wizard-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> createTopology());
        HorizontalLayout buttons = new HorizontalLayout(back, next, create);
        buttons.setAlignItems(FlexComponent.Alignment.CENTER);
        return buttons;
    }

    private void goNext() {
        boolean invalid = false;
        for (Binder.Binding<WizardAnswers, ?> binding : bindings.get(current)) {
            invalid |= binding.validate().isError();
        }
        if (invalid) {
            stepErrors.setText(getTranslation("wizard.error.step-invalid"));
            stepErrors.setVisible(true);
            return;
        }
        show(current + 1);
    }

    private void show(int step) {
        current = step;
        stepErrors.setVisible(false);
        for (int index = 0; index < STEPS; index++) {
            steps.get(index).setVisible(index == step);
            Span indicator = indicators.get(index);
            indicator.getElement().getThemeList().clear();
            indicator.getElement().getThemeList().add(index == step ? "badge primary" : "badge contrast");
            if (index == step) {
                indicator.getElement().setAttribute("aria-current", "step");
            } else {
                indicator.getElement().removeAttribute("aria-current");
            }
        }
        back.setEnabled(step > 0);
        next.setVisible(step < STEPS - 1);
        create.setVisible(step == STEPS - 1);
        if (step == 1) {
            refreshLayout();
        }
        if (step == STEPS - 1) {
            renderReview();
        }
    }

    private void createTopology() {
        if (preview == null) {
            return;
        }
        try {
            TopologyVersion saved = topologies.create(preview, getTranslation("wizard.comment"));
            getUI().ifPresent(ui -> ui.navigate(TopologyView.class, TopologyView.parameters(saved.topologyId())));
        } catch (PortalException e) {
            stepErrors.setText(getTranslation(e.messageKey(), e.arguments()));
            stepErrors.setVisible(true);
        }
    }

    // Previews

    private void refreshLayout() {
        layoutPreview.setItems(StretchedPoolTemplate.layout(
                answers.getPrimaryId(), answers.getSecondaryId(), answers.getDnsDomain(), answers.getSiteLink()));
        boolean high = answers.getSiteLink() == SiteLink.HIGH_BANDWIDTH;
        layoutExplanation.setText(
                high
                        ? getTranslation("wizard.layout.high", answers.getPrimaryName(), answers.getSecondaryName())
                        : getTranslation("wizard.layout.low", answers.getPrimaryName(), answers.getSecondaryName()));
        boolean zonesDiffer = !Objects.equals(answers.getPrimaryTimeZone(), answers.getSecondaryTimeZone());
        timeZoneHint.setText(getTranslation(
                "wizard.layout.time-zones-differ", answers.getSecondaryName(), answers.getSecondaryTimeZone()));
        timeZoneHint.setVisible(high && zonesDiffer);
    }

    private void renderReview() {
        review.removeAll();
        review.add(new H3(getTranslation("wizard.step.review")));
        preview = answers.toTemplate().topology();
        ReadResult read = TopologyFormat.read(TopologyFormat.write(preview));
        if (read instanceof ReadResult.Unreadable unreadable) {
            UnorderedList problems = new UnorderedList();
            problems.setId("wizard-structural-errors");
            unreadable
                    .errors()
                    .forEach(error -> problems.add(new ListItem(error.path() + ": "
                            + getTranslation(
                                    error.messageKey(), error.arguments().toArray()))));
            review.add(new Paragraph(getTranslation("wizard.review.unreadable")), problems);
            preview = null;
            create.setEnabled(false);
            return;
        }
        create.setEnabled(true);
        List<Violation> violations = TopologyRules.check(preview);
        long errors =
                violations.stream().filter(v -> v.severity() == Severity.ERROR).count();
        long warnings = violations.stream()
                .filter(v -> v.severity() == Severity.WARNING)
                .count();
        Paragraph summary = new Paragraph(
                errors == 0 && warnings == 0
                        ? getTranslation("wizard.review.clean")
                        : getTranslation("wizard.review.findings", errors, warnings));
        summary.setId("wizard-rules-summary");
        review.add(new Paragraph(getTranslation(
                "wizard.review.summary",
                preview.pools().getFirst().servers().size(),
                preview.sqlInstances().size(),
                preview.pools().getFirst().databases().size())));
        review.add(summary);
        UnorderedList findings = new UnorderedList();
        findings.setId("wizard-rules");
        for (Violation violation : violations) {
            findings.add(new ListItem(severityLabel(violation.severity()) + " " + violation.ruleId() + " · "
                    + getTranslation(
                            violation.messageKey(), violation.arguments().toArray())));
        }
        review.add(findings);
        String poolFqdn = preview.pools().getFirst().fqdn();
        String svg = TopologyDiagram.svg(preview, poolFqdn, violations, this::getTranslation);
        Div diagram = DiagramPicture.of(svg, poolFqdn);
        diagram.setId("wizard-diagram");
        review.add(diagram);
    }

    // Field helpers

    private FormLayout section(int step, String titleKey, String helpKey) {
        FormLayout form = new FormLayout();
        form.setId("wizard-section-" + (step + 1));
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.add(new H3(getTranslation(titleKey)), 2);
        form.add(new Paragraph(getTranslation(helpKey)), 2);
        return form;
    }

    /**
     * A share derived from the DNS domain ({@code \\\\fs01.<domain>\\<share>}) follows a new domain,
     * unless someone typed another share meanwhile.
     */
    private void followDomain(TextField share, String name) {
        dnsDomain.addValueChangeListener(change -> {
            String before =
                    change.getOldValue() == null ? "" : change.getOldValue().trim();
            String after = change.getValue() == null ? "" : change.getValue().trim();
            if (after.isEmpty()) {
                return;
            }
            if (share.getValue().isBlank() || share.getValue().equals(StretchedPoolTemplate.share(before, name))) {
                share.setValue(StretchedPoolTemplate.share(after, name));
            }
        });
    }

    private TextField text(String id, String labelKey, String helpKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        if (helpKey != null) {
            field.setHelperText(getTranslation(helpKey));
        }
        return field;
    }

    private IntegerField integer(String id, String labelKey, String helpKey) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        field.setHelperText(getTranslation(helpKey));
        field.setStepButtonsVisible(true);
        return field;
    }

    private Checkbox checkbox(String id, String labelKey) {
        Checkbox box = new Checkbox(getTranslation(labelKey));
        box.setId(id);
        return box;
    }

    private ComboBox<String> timeZone(String id) {
        ComboBox<String> zone = new ComboBox<>(getTranslation("wizard.field.time-zone"));
        zone.setId(id);
        zone.setItems(ZoneId.getAvailableZoneIds().stream()
                .filter(TopologyValues::isTimeZone)
                .filter(z -> z.contains("/"))
                .sorted()
                .toList());
        zone.setHelperText(getTranslation("wizard.field.time-zone.help"));
        return zone;
    }

    private <F extends Component & HasValue<?, String>> void bind(
            int step,
            F field,
            Kind kind,
            com.vaadin.flow.function.ValueProvider<WizardAnswers, String> getter,
            com.vaadin.flow.data.binder.Setter<WizardAnswers, String> setter) {
        bindings.get(step)
                .add(binder.forField(field)
                        .withNullRepresentation("")
                        .withValidator(new FormatCheck(kind))
                        .bind(getter, setter));
    }

    private Binder.BindingBuilder<WizardAnswers, Integer> port(IntegerField field) {
        return binder.forField(field)
                .asRequired(getTranslation("wizard.error.number-required"))
                .withValidator(inRange(1, 65535), getTranslation("wizard.error.port-range"))
                .withValidator(
                        value -> value != SQL_PORT,
                        getTranslation("wizard.error.port-is-sql", String.valueOf(SQL_PORT)));
    }

    private Binder.BindingBuilder<WizardAnswers, Integer> minutes(IntegerField field) {
        return binder.forField(field)
                .asRequired(getTranslation("wizard.error.number-required"))
                .withValidator(inRange(1, 525_600), getTranslation("wizard.error.minutes-range"));
    }

    private static SerializablePredicate<Integer> inRange(int min, int max) {
        return value -> value >= min && value <= max;
    }

    private String linkLabel(SiteLink link) {
        return switch (link) {
            case HIGH_BANDWIDTH -> getTranslation("wizard.link.high");
            case LOW_BANDWIDTH -> getTranslation("wizard.link.low");
        };
    }

    private String severityLabel(Severity severity) {
        return switch (severity) {
            case ERROR -> getTranslation("wizard.severity.error");
            case WARNING -> getTranslation("wizard.severity.warning");
            case INFO -> getTranslation("wizard.severity.info");
        };
    }

    private String siteLabel(String siteId) {
        if (siteId != null && siteId.equals(answers.getPrimaryId())) {
            return getTranslation("wizard.layout.site-label", answers.getPrimaryName(), siteId);
        }
        return getTranslation("wizard.layout.site-label", answers.getSecondaryName(), siteId);
    }
}
