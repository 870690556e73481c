package org.pchatdr.portal.audit;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/** A signed checkpoint of the chain head was written outside the database. */
record AuditCheckpointWritten(String actor, ChainPosition head, String file) implements AuditableEvent {

    @Override
    public String action() {
        return "AUDIT_CHECKPOINT_WRITTEN";
    }

    @Override
    public String target() {
        return null;
    }

    @Override
    public AuditMessage message() {
        return AuditMessage.of("audit.details.AUDIT_CHECKPOINT_WRITTEN", head.seq(), head.hash(), file);
    }
}
