package org.pchatdr.portal.security;

import org.pchatdr.portal.base.AuditableEvent;

/** Something security-relevant happened to the account {@code target}. */
public record AccountEvent(AccountAction what, String actor, String target, String details) implements AuditableEvent {

    @Override
    public String action() {
        return what.name();
    }
}
