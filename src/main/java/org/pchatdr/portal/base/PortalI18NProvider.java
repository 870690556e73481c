package org.pchatdr.portal.base;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Translations for the UI, read from the same bundles ({@code vaadin-i18n/translations*.properties})
 * that Spring's {@link MessageSource} serves to the REST API, so both speak with one voice.
 */
@Component
record PortalI18NProvider(MessageSource messages) implements I18NProvider {

    static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final Logger log = LoggerFactory.getLogger(PortalI18NProvider.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, locale == null ? Locale.ENGLISH : locale);
        } catch (NoSuchMessageException e) {
            log.warn("No translation for key '{}' in {}", key, locale);
            return "!" + key + "!";
        }
    }
}
