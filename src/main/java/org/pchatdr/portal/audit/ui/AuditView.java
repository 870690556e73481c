package org.pchatdr.portal.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditFilter;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.audit.ChainVerification;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.Roles;
import org.pchatdr.portal.base.ui.Pickers;

/** The latest audit records with filters, and the chain check. Times are shown and typed in UTC. */
@Route("audit")
@Menu(title = "nav.audit", order = 80)
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.MANAGER})
class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final AuditService audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField user = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final Span verification = new Span();

    AuditView(AuditService audit) {
        this.audit = audit;
        setSizeFull();

        user.setLabel(getTranslation("audit.filter.user"));
        user.setId("filter-user");
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        action.setLabel(getTranslation("audit.filter.action"));
        action.setId("filter-action");
        action.setItems(audit.actions());
        action.setItemLabelGenerator(this::actionLabel);
        action.setClearButtonVisible(true);
        Pickers.portalFormat(from);
        Pickers.portalFormat(to);
        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("filter-from");
        to.setLabel(getTranslation("audit.filter.to"));
        to.setId("filter-to");
        user.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        action.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(event -> grid.getDataProvider().refreshAll());

        Button verify = new Button(getTranslation("audit.verify"), click -> verify());
        verify.setId("verify-chain");
        verification.setId("verification-result");
        HorizontalLayout filters = new HorizontalLayout(user, action, from, to, verify, verification);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("audit-records");
        grid.addColumn(AuditEntry::seq).setHeader("#").setSortProperty("seq").setAutoWidth(true);
        grid.addColumn(entry -> PortalTime.format(entry.occurredAt()))
                .setHeader(getTranslation("audit.time"))
                .setSortProperty("occurredAt")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::actor)
                .setHeader(getTranslation("audit.actor"))
                .setSortProperty("actor");
        grid.addColumn(entry -> actionLabel(entry.action()))
                .setHeader(getTranslation("audit.action"))
                .setSortProperty("action");
        grid.addColumn(AuditEntry::target).setHeader(getTranslation("audit.target"));
        grid.addColumn(AuditEntry::details)
                .setHeader(getTranslation("audit.details"))
                .setFlexGrow(2);
        grid.addColumn(AuditEntry::clientAddress).setHeader(getTranslation("audit.client"));
        grid.setItemsPageable(pageable -> audit.find(filter(), pageable).getContent());

        add(new H2(getTranslation("audit.title")), filters, grid);
        setFlexGrow(1, grid);
    }

    /**
     * The action as people read it ({@code audit.action.<CODE>}); the code itself for one the
     * bundles do not know yet, so that no record shows a blank or a placeholder.
     */
    String actionLabel(String code) {
        String key = "audit.action." + code;
        String label = getTranslation(key);
        return label.equals("!" + key + "!") ? code : label;
    }

    private AuditFilter filter() {
        return new AuditFilter(user.getValue(), action.getValue(), utc(from.getValue()), utc(to.getValue()));
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private void verify() {
        ChainVerification result = audit.verifyChain();
        verification.setText(getTranslation(result.messageKey(), result.messageArgument()));
        verification.getElement().getThemeList().set("error", !result.isIntact());
        verification.getElement().getThemeList().set("success", result.isIntact());
        verification.getElement().getThemeList().add("badge");
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.title");
    }
}
