package org.pchatdr.portal.audit.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditExportFormat;
import org.pchatdr.portal.audit.AuditPage;
import org.pchatdr.portal.audit.AuditQuery;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.audit.ChainVerification;
import org.pchatdr.portal.audit.Completeness;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.Pickers;
import org.springframework.context.MessageSource;

/**
 * The audit trail explorer (issue 14): filters that live in the address, pages read through the
 * same keyset query as {@code GET /api/v1/audit/events} (newest first, "Older" follows the cursor),
 * a details panel with a record's full text, and exports of exactly the filter shown, with its
 * count. Times are shown and typed in UTC.
 */
@Route("audit")
@Menu(title = "nav.audit", order = 80)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.MANAGER})
class AuditView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int PAGE_SIZE = 50;

    private final AuditService audit;
    private final MessageSource messages;
    // Only administrators may open a user's page: others read the name as plain text.
    private final boolean admin;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField actor = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final TextField target = new TextField();
    private final TextField subject = new TextField();
    private final TextField text = new TextField();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final Span verification = new Span();
    private final Span count = new Span();
    private final Button older = new Button();
    private final Button newest = new Button();
    private final Div details = new Div();
    // The cursors of the pages before the one shown, so that "Newer" goes back without an offset.
    private final Deque<Long> previous = new ArrayDeque<>();
    private AuditQuery query = AuditQuery.none();
    private Long shownAfter;
    private Long next;
    private boolean fromAddress;

    AuditView(AuditService audit, MessageSource messages, AuthenticationContext authentication) {
        this.audit = audit;
        this.messages = messages;
        this.admin = authentication.hasRole(Roles.ADMIN);
        setSizeFull();

        field(actor, "filter-actor", "audit.filter.actor");
        action.setLabel(getTranslation("audit.filter.action"));
        action.setId("filter-action");
        action.setItems(audit.actions());
        action.setItemLabelGenerator(this::label);
        action.setClearButtonVisible(true);
        field(target, "filter-target", "audit.filter.target");
        field(subject, "filter-subject", "audit.filter.subject");
        field(text, "filter-q", "audit.filter.q");
        Pickers.portalFormat(from);
        Pickers.portalFormat(to);
        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("filter-from");
        to.setLabel(getTranslation("audit.filter.to"));
        to.setId("filter-to");
        List.<HasValue<?, ?>>of(actor, action, target, subject, text, from, to)
                .forEach(field -> field.addValueChangeListener(event -> filterChanged()));

        Button verify = new Button(getTranslation("audit.verify"), click -> verify());
        verify.setId("verify-chain");
        verification.setId("verification-result");
        HorizontalLayout filters = new HorizontalLayout(actor, action, target, subject, text, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        count.setId("audit-count");
        Anchor csv = export(AuditExportFormat.CSV);
        Anchor ndjson = export(AuditExportFormat.NDJSON);
        HorizontalLayout tools = new HorizontalLayout(count, csv, ndjson, verify, verification);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        tools.setWrap(true);

        grid.setId("audit-records");
        grid.addColumn(AuditEntry::seq).setHeader("#").setAutoWidth(true);
        grid.addColumn(entry -> PortalTime.format(entry.occurredAt()))
                .setHeader(getTranslation("audit.time"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor"));
        grid.addColumn(entry -> label(entry.action())).setHeader(getTranslation("audit.action"));
        grid.addColumn(AuditEntry::target).setHeader(getTranslation("audit.target"));
        // In the reader's language where the record has a message; records written before issue 12
        // as they were recorded (AuditDetails).
        grid.addColumn(entry -> AuditDetails.shown(this, entry.details(), entry.message()))
                .setKey("details")
                .setHeader(getTranslation("audit.details"))
                .setFlexGrow(2);
        grid.addColumn(AuditEntry::clientAddress).setHeader(getTranslation("audit.client"));
        grid.addItemClickListener(click -> showDetails(click.getItem()));

        newest.setText(getTranslation("audit.page.newest"));
        newest.setId("audit-newer");
        newest.addClickListener(click -> {
            show(previous.isEmpty() ? null : previous.pop());
        });
        older.setText(getTranslation("audit.page.older"));
        older.setId("audit-older");
        older.addClickListener(click -> {
            previous.push(shownAfter == null ? Long.MIN_VALUE : shownAfter);
            show(next);
        });
        details.setId("audit-details");
        details.setVisible(false);

        add(new H2(getTranslation("audit.title")), filters, tools, grid, new HorizontalLayout(newest, older), details);
        setFlexGrow(1, grid);
    }

    private void field(TextField field, String id, String label) {
        field.setLabel(getTranslation(label));
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
    }

    /** The action's translated label ({@code audit.action.<ACTION>}), or its code where none exists. */
    private String label(String code) {
        return messages.getMessage("audit.action." + code, null, code, getLocale());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        fromAddress = true;
        try {
            actor.setValue(single(parameters, "actor"));
            action.setValue(single(parameters, "action").isEmpty() ? null : single(parameters, "action"));
            target.setValue(single(parameters, "target"));
            subject.setValue(single(parameters, "subject"));
            text.setValue(single(parameters, "q"));
            from.setValue(local(single(parameters, "from")));
            to.setValue(local(single(parameters, "to")));
        } finally {
            fromAddress = false;
        }
        query = filter();
        previous.clear();
        count.setText(getTranslation("audit.count", audit.count(query, null)));
        show(null);
    }

    /** A filter changed by hand: the address takes it, so the filtered trail can be bookmarked. */
    private void filterChanged() {
        if (fromAddress) {
            return;
        }
        Map<String, String> values = filter().asMap();
        getUI().ifPresent(ui -> ui.navigate("audit", QueryParameters.simple(new HashMap<>(values))));
    }

    /** The filter the fields say now. */
    private AuditQuery filter() {
        return new AuditQuery(
                actor.getValue(),
                action.getValue(),
                target.getValue(),
                subject.getValue(),
                utc(from.getValue()),
                utc(to.getValue()),
                text.getValue());
    }

    private void show(Long after) {
        Long cursor = after != null && after == Long.MIN_VALUE ? null : after;
        AuditPage page = audit.page(query, cursor, PAGE_SIZE);
        shownAfter = cursor;
        next = page.next();
        grid.setItems(page.events());
        older.setEnabled(next != null);
        newest.setEnabled(cursor != null);
        details.setVisible(false);
    }

    private void showDetails(AuditEntry entry) {
        details.removeAll();
        details.add(new H3(getTranslation("audit.details.title", entry.seq())));
        details.add(line("audit.time", PortalTime.format(entry.occurredAt())));
        details.add(userLine("audit.actor", entry.actor(), "audit-details-actor"));
        details.add(line("audit.action", label(entry.action()) + " (" + entry.action() + ")"));
        details.add(line("audit.target", entry.target()));
        details.add(line("audit.client", entry.clientAddress()));
        details.add(line("audit.hash", entry.hash()));
        Div full = new Div(AuditDetails.shown(this, entry.details(), entry.message()));
        full.setId("audit-details-text");
        full.getStyle().set("white-space", "pre-wrap");
        details.add(new Div(getTranslation("audit.details")), full);
        String path = entry.subjectPath();
        if (path != null) {
            Anchor link = new Anchor(path, getTranslation("audit.details.subject"));
            link.setId("audit-details-subject");
            details.add(link);
        }
        if (entry.subjectUser() != null) {
            details.add(userLine("audit.details.subject-user", entry.subjectUser(), "audit-details-user"));
        }
        details.setVisible(true);
    }

    /** A user name, as a link to the user's page for administrators (issue 14), plain text otherwise. */
    private Div userLine(String label, String user, String id) {
        if (!admin || user == null) {
            return line(label, user);
        }
        Anchor link =
                new Anchor("admin/users?" + QueryParameters.of("user", user).getQueryString(), user);
        link.setId(id);
        return new Div(new Span(getTranslation(label) + ": "), link);
    }

    private Div line(String label, String value) {
        return new Div(getTranslation(label) + ": " + (value == null ? "—" : value));
    }

    /** An export of exactly the filter the page shows, streamed as the browser downloads it. */
    private Anchor export(AuditExportFormat format) {
        Anchor link = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName("audit-events." + format.extension());
                    event.setContentType(format.mediaType());
                    audit.export(query, format, event.getOutputStream());
                },
                getTranslation("audit.export." + format.name()));
        link.setId("audit-export-" + format.extension());
        return link;
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private static LocalDateTime local(String instant) {
        if (instant.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private void verify() {
        ChainVerification result = audit.verifyChain();
        Completeness completeness = result.completeness();
        verification.setText(getTranslation(result.messageKey(), result.messageArgument()) + " "
                + getTranslation(
                        completeness.messageKey(),
                        completeness.isComplete() ? completeness.checkpoints() : completeness.at()));
        boolean sound = result.isIntact() && completeness.isComplete();
        verification.getElement().getThemeList().set("error", !sound);
        verification.getElement().getThemeList().set("success", sound);
        verification.getElement().getThemeList().add("badge");
        show(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.title");
    }
}
