package org.pchatdr.portal.security;

import org.pchatdr.portal.base.AuditableEvent;

/** An administrator changed a portal setting; the trail keeps the value before and after. */
public record SettingsChanged(String actor, String setting, String before, String after) implements AuditableEvent {

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
}
