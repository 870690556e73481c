package org.pchatdr.portal.procedure;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The procedures' texts in one language, read from the {@code i18n/procedure*.properties} bundles
 * without Spring, so that the command line renders exactly what the portal shows. Each group of
 * procedures keeps its own bundle; a key is looked up in each in turn.
 */
public final class ProcedureTexts {

    static final List<String> BUNDLES = List.of("i18n/procedure", "i18n/procedure-configure", "i18n/procedure-dr");

    private final List<ResourceBundle> bundles;
    private final Locale locale;

    private ProcedureTexts(Locale locale) {
        this.locale = locale;
        this.bundles = BUNDLES.stream()
                .map(name -> ResourceBundle.getBundle(
                        name,
                        locale,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)))
                .toList();
    }

    /** English unless the language is French. */
    public static ProcedureTexts of(Locale locale) {
        return new ProcedureTexts(locale != null && locale.getLanguage().equals("fr") ? Locale.FRENCH : Locale.ROOT);
    }

    /** The text of {@code key} with its arguments; a missing key is a programming error. */
    public String text(String key, Object... arguments) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return new MessageFormat(bundle.getString(key), locale).format(arguments);
            }
        }
        throw new MissingResourceException("No procedure text " + key, BUNDLES.toString(), key);
    }

    /** Whether some bundle holds {@code key}. */
    public boolean has(String key) {
        return bundles.stream().anyMatch(bundle -> bundle.containsKey(key));
    }

    public Locale locale() {
        return locale;
    }
}
