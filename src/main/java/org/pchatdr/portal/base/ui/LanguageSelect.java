package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.TextRenderer;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Locale;

/**
 * Lets the user override the browser's language. The choice is kept in a cookie so that it also
 * holds on the sign-in page and after the session ends.
 */
public class LanguageSelect extends Select<Locale> {

    static final String COOKIE = "PORTAL_LOCALE";

    public LanguageSelect() {
        setItems(Locale.ENGLISH, Locale.FRENCH);
        // The field shows the short code, which fits the header at 390 px ("Englis…" did not,
        // issue 12); the list names each language in itself, so a reader who cannot read the
        // current one still finds theirs.
        setItemLabelGenerator(locale -> locale.getLanguage().toUpperCase(Locale.ROOT));
        setRenderer(new TextRenderer<>(locale -> locale.getDisplayLanguage(locale)));
        setTooltipText(getTranslation("language.label"));
        setAriaLabel(getTranslation("language.label"));
        addClassName("language-select");
        setValue(UI.getCurrent().getLocale().getLanguage().equals("fr") ? Locale.FRENCH : Locale.ENGLISH);
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                switchTo(event.getValue());
            }
        });
    }

    private static void switchTo(Locale locale) {
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        VaadinService.getCurrentResponse().addCookie(cookie);
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().getPage().reload();
    }
}
