package org.pchatdr.portal.audit;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/** Someone exported part of the trail: which filter, in which format, how many records up to where. */
record AuditExported(String actor, String format, String filter, long count, long upToSeq) implements AuditableEvent {

    @Override
    public String action() {
        return "AUDIT_EXPORTED";
    }

    @Override
    public String target() {
        return null;
    }

    @Override
    public AuditMessage message() {
        return AuditMessage.of("audit.details.AUDIT_EXPORTED", format, count, upToSeq, filter);
    }
}
