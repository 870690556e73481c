package org.pchatdr.portal.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.base.ui.ActionNotices;
import org.pchatdr.portal.base.ui.Pickers;
import org.pchatdr.portal.security.ApiTokenService;
import org.pchatdr.portal.security.ApiTokenSettings;
import org.pchatdr.portal.security.ApiTokenSummary;
import org.pchatdr.portal.security.CreatedApiToken;

/**
 * The signed-in user's API tokens (issue 11): create one (shown once, here), see when each was
 * created, expires and was last used, revoke it.
 */
@Route("account/tokens")
@Menu(title = "nav.tokens", order = 101)
@PermitAll
class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private static final int DEFAULT_DAYS = 90;

    private final ApiTokenService tokens;
    private final Clock clock;
    private final TextField name = new TextField();
    private final DatePicker expires = new DatePicker();
    private final TextField created = new TextField();
    private final Paragraph createdHint = new Paragraph();
    private final Grid<ApiTokenSummary> grid = new Grid<>();

    ApiTokensView(ApiTokenService tokens, ApiTokenSettings settings, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        add(new H2(getTranslation("tokens.title")), new Paragraph(getTranslation("tokens.explanation")));

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        name.setLabel(getTranslation("tokens.name"));
        name.setId("token-name");
        name.setMaxLength(100);
        Pickers.portalFormat(expires);
        expires.setLabel(getTranslation("tokens.expires-on"));
        expires.setHelperText(
                getTranslation("tokens.expires-on.help", settings.maxLifetime().toDays()));
        expires.setId("token-expires");
        expires.setMin(today.plusDays(1));
        expires.setMax(today.plusDays(settings.maxLifetime().toDays()));
        expires.setValue(
                today.plusDays(Math.min(DEFAULT_DAYS, settings.maxLifetime().toDays())));
        Button create = new Button(getTranslation("tokens.create"), click -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-token");
        HorizontalLayout form = new HorizontalLayout(name, expires, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        created.setId("created-token");
        created.setReadOnly(true);
        created.setWidthFull();
        created.setLabel(getTranslation("tokens.created.label"));
        created.setVisible(false);
        createdHint.setVisible(false);
        createdHint.setText(getTranslation("tokens.created.hint"));

        grid.setId("tokens");
        grid.addColumn(ApiTokenSummary::name)
                .setHeader(getTranslation("tokens.name"))
                .setAutoWidth(true);
        grid.addColumn(token -> format(token.createdAt())).setHeader(getTranslation("tokens.created"));
        grid.addColumn(this::expiry).setHeader(getTranslation("tokens.expires"));
        grid.addColumn(token ->
                        token.lastUsedAt() == null ? getTranslation("tokens.never-used") : format(token.lastUsedAt()))
                .setHeader(getTranslation("tokens.last-used"));
        grid.addComponentColumn(this::revokeButton).setKey("actions").setHeader(getTranslation("tokens.actions"));
        grid.setAllRowsVisible(true);
        add(form, created, createdHint, grid);
        refresh();
    }

    private void create() {
        try {
            // The token lapses at the start of the chosen day, UTC.
            Instant expiresAt = expires.getValue() == null
                    ? null
                    : expires.getValue().atStartOfDay(ZoneOffset.UTC).toInstant();
            CreatedApiToken token = tokens.create(name.getValue(), expiresAt);
            created.setValue(token.token());
            created.setVisible(true);
            createdHint.setVisible(true);
            name.clear();
            refresh();
        } catch (PortalException e) {
            error(e);
        }
    }

    private Component revokeButton(ApiTokenSummary token) {
        Button revoke = new Button(getTranslation("tokens.revoke"), click -> {
            try {
                tokens.revoke(token.id());
                ActionNotices.done(
                        getTranslation("tokens.revoked", token.name()), 3000, Notification.Position.BOTTOM_START);
            } catch (PortalException e) {
                error(e);
            }
            refresh();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.addClassName("revoke-token");
        return revoke;
    }

    private String expiry(ApiTokenSummary token) {
        return token.expiresAt().isAfter(clock.instant())
                ? format(token.expiresAt())
                : getTranslation("tokens.expired", format(token.expiresAt()));
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }

    private void error(PortalException e) {
        ActionNotices.refused(this, e, 6000);
    }

    private static String format(Instant instant) {
        return PortalTime.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tokens.title") + " · " + getTranslation("app.title");
    }
}
