package org.pchatdr.portal.backup;

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

    @Override
    public String details() {
        return bytes + " bytes";
    }
}
