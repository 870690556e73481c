package org.pchatdr.portal.audit.ui;

import com.vaadin.flow.component.Component;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.ui.SystemComments;

/**
 * The details of an audit record as {@code reader} shows them (issue 12): a record with a message
 * in the reader's language, people's own words as typed; a record written before, as it was
 * recorded, except that the portal's own comments, stored then as keys ("i18n:…"), are said in
 * words. The record itself, and so its hash, is never changed.
 */
final class AuditDetails {

    private static final Pattern SYSTEM_TEXT = Pattern.compile("i18n:[A-Za-z0-9_.-]*[A-Za-z0-9_-]");

    private AuditDetails() {}

    static String shown(Component reader, String details, AuditMessage message) {
        if (message != null) {
            return message.render(new AuditMessage.Texts() {
                @Override
                public String text(String key, Object... arguments) {
                    return reader.getTranslation(key, arguments);
                }

                @Override
                public String typed(String text) {
                    return SystemComments.shown(reader, text);
                }
            });
        }
        if (details == null) {
            return "";
        }
        Matcher marker = SYSTEM_TEXT.matcher(details);
        return marker.replaceAll(found -> Matcher.quoteReplacement(SystemComments.shown(reader, found.group())));
    }
}
