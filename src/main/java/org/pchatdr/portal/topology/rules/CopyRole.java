package org.pchatdr.portal.topology.rules;

import java.util.function.Function;
import org.pchatdr.portal.topology.Topology.Database;

/** The six places a database can have a copy or a witness, named as the format's fields. */
enum CopyRole {
    PRIMARY("primary", Database::primary),
    MIRROR("mirror", Database::mirror),
    WITNESS("witness", Database::witness),
    BACKUP("backup", Database::backup),
    BACKUP_MIRROR("backupMirror", Database::backupMirror),
    BACKUP_WITNESS("backupWitness", Database::backupWitness);

    private final String field;
    private final Function<Database, String> instance;

    CopyRole(String field, Function<Database, String> instance) {
        this.field = field;
        this.instance = instance;
    }

    /** The field of the format, used in paths and shown to the user as is. */
    String field() {
        return field;
    }

    /** The instance id holding this role, or {@code null}. */
    String instanceId(Database database) {
        String id = instance.apply(database);
        return Texts.isBlank(id) ? null : id;
    }

    boolean isWitness() {
        return this == WITNESS || this == BACKUP_WITNESS;
    }
}
