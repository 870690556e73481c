package org.pchatdr.portal.topology;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.pchatdr.portal.testsupport.Translations;

/** The English and French texts of the structural errors, as the UI and the API show them. */
final class ImportMessages {

    static final Properties ENGLISH = Translations.bundle("i18n/topology-import.properties");
    static final Properties FRENCH = Translations.bundle("i18n/topology-import_fr.properties");

    private ImportMessages() {}

    static String english(StructuralError error) {
        return format(ENGLISH, Locale.ENGLISH, error);
    }

    static String french(StructuralError error) {
        return format(FRENCH, Locale.FRENCH, error);
    }

    private static String format(Properties bundle, Locale locale, StructuralError error) {
        String pattern = bundle.getProperty(error.messageKey());
        if (pattern == null) {
            throw new AssertionError("No text for " + error.messageKey());
        }
        List<String> arguments = error.arguments();
        return new MessageFormat(pattern, locale).format(arguments.toArray());
    }
}
