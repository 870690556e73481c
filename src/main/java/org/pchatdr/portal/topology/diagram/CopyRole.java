package org.pchatdr.portal.topology.diagram;

import java.util.Optional;
import org.pchatdr.portal.topology.Topology.Database;

/** The six copies a database can have, with the field the format names each by. */
enum CopyRole {
    PRIMARY("primary", "primary", Label.PRIMARY),
    MIRROR("mirror", "mirror", Label.MIRROR),
    WITNESS("witness", "witness", Label.WITNESS),
    BACKUP("backup", "backup", Label.BACKUP),
    BACKUP_MIRROR("backup-mirror", "backupMirror", Label.BACKUP_MIRROR),
    BACKUP_WITNESS("backup-witness", "backupWitness", Label.BACKUP_WITNESS);

    private final String slug;
    private final String field;
    private final Label label;

    CopyRole(String slug, String field, Label label) {
        this.slug = slug;
        this.field = field;
        this.label = label;
    }

    /** As written in {@code data-copy} attributes: {@code backup-mirror}. */
    String slug() {
        return slug;
    }

    Label label() {
        return label;
    }

    boolean witness() {
        return this == WITNESS || this == BACKUP_WITNESS;
    }

    /**
     * Left-to-right order of the database copies across the whole drawing, so that the pairs that
     * are linked (mirror–primary, primary–backup, backup–backup mirror) stand next to each other.
     */
    int rowOrder() {
        return switch (this) {
            case MIRROR -> 0;
            case PRIMARY -> 1;
            case BACKUP -> 2;
            case BACKUP_MIRROR -> 3;
            case WITNESS -> 4;
            case BACKUP_WITNESS -> 5;
        };
    }

    String instanceOf(Database database) {
        return switch (this) {
            case PRIMARY -> database.primary();
            case MIRROR -> database.mirror();
            case WITNESS -> database.witness();
            case BACKUP -> database.backup();
            case BACKUP_MIRROR -> database.backupMirror();
            case BACKUP_WITNESS -> database.backupWitness();
        };
    }

    static Optional<CopyRole> ofField(String field) {
        for (CopyRole role : values()) {
            if (role.field.equals(field)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
