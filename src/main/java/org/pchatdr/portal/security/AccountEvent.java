package org.pchatdr.portal.security;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/**
 * Something security-relevant happened to the account {@code target}. {@code message}, when there
 * is one, is what each reader sees in their language (issue 12); the recorder stores its English
 * rendering as the details.
 */
public record AccountEvent(AccountAction what, String actor, String target, String details, AuditMessage message)
        implements AuditableEvent {

    public AccountEvent(AccountAction what, String actor, String target, String details) {
        this(what, actor, target, details, null);
    }

    @Override
    public String action() {
        return what.name();
    }
}
