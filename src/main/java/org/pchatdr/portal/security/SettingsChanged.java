package org.pchatdr.portal.security;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/**
 * An administrator changed a portal setting; the trail keeps the value before and after. With
 * {@code beforeSaid} and {@code afterSaid} the values are also words of the bundles, shown in the
 * reader's language (issue 12); their English is the stored text.
 */
public record SettingsChanged(
        String actor, String setting, String before, String after, AuditMessage beforeSaid, AuditMessage afterSaid)
        implements AuditableEvent {

    /** A setting whose values are data (JSON), the same in every language. */
    public SettingsChanged(String actor, String setting, String before, String after) {
        this(actor, setting, before, after, null, null);
    }

    @Override
    public String action() {
        return "SETTINGS_CHANGED";
    }

    @Override
    public String target() {
        return setting;
    }

    @Override
    public String details() {
        return before + " -> " + after;
    }

    @Override
    public AuditMessage message() {
        return beforeSaid == null ? null : AuditMessage.of("audit.details.SETTINGS_CHANGED", beforeSaid, afterSaid);
    }
}
