package org.pchatdr.portal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import java.util.List;
import java.util.Locale;

/**
 * Comments the portal writes itself ("Imported from a file") are stored as a translation key, so
 * that each reader sees them in their own language rather than in the author's (issue 12). What
 * people typed is shown as typed. Comments stored before, as text in one of the portal's languages,
 * are recognised and translated too.
 */
public final class SystemComments {

    private static final String PREFIX = "i18n:";

    /** The keys the portal writes as comments; anything else that looks like one is a person's text. */
    private static final List<String> KEYS = List.of("topologies.import.comment", "topology.upload.comment");

    private SystemComments() {}

    /** What to store for the portal's comment {@code key}. */
    public static String stored(String key) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("not a system comment: " + key);
        }
        return PREFIX + key;
    }

    /** The comment as {@code reader} shows it: empty for none. */
    public static String shown(Component reader, String comment) {
        if (comment == null) {
            return "";
        }
        if (comment.startsWith(PREFIX) && KEYS.contains(comment.substring(PREFIX.length()))) {
            return reader.getTranslation(comment.substring(PREFIX.length()));
        }
        I18NProvider translations = VaadinService.getCurrent().getInstantiator().getI18NProvider();
        for (String key : KEYS) {
            for (Locale language : translations.getProvidedLocales()) {
                if (comment.equals(translations.getTranslation(key, language))) {
                    return reader.getTranslation(key);
                }
            }
        }
        return comment;
    }
}
