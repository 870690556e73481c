package org.pchatdr.portal.backup;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/** An administrator took a backup of the embedded database; the trail names the file and its size. */
public record DatabaseBackedUp(String actor, String file, long bytes) implements AuditableEvent {

    @Override
    public String action() {
        return "DATABASE_BACKED_UP";
    }

    @Override
    public String target() {
        return file;
    }

    /** "123456 bytes", in the reader's language (issue 12); the English is the stored text. */
    @Override
    public AuditMessage message() {
        return AuditMessage.of("audit.details.DATABASE_BACKED_UP", bytes);
    }
}
