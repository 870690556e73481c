package org.pchatdr.portal.topology;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pchatdr.portal.topology.Topology.Database;

/**
 * The six places a database ({@code mgc} or {@code mgccomp}) can have a copy or a witness, in the
 * order of the format. The one definition the reader, the rules, the diagram and the editor all
 * iterate, so a seventh role could not be forgotten by one of them; the writer follows the components
 * of {@link Database}, declared in this order.
 */
public enum CopyRole {
    PRIMARY("primary", Database::primary),
    MIRROR("mirror", Database::mirror),
    WITNESS("witness", Database::witness),
    BACKUP("backup", Database::backup),
    BACKUP_MIRROR("backupMirror", Database::backupMirror),
    BACKUP_WITNESS("backupWitness", Database::backupWitness);

    private final String field;
    private final Function<Database, String> accessor;

    CopyRole(String field, Function<Database, String> accessor) {
        this.field = field;
        this.accessor = accessor;
    }

    /** The field of the format ({@code backupMirror}), used in paths and shown to the user as is. */
    public String field() {
        return field;
    }

    /** The field in lower-case words ({@code backup-mirror}), for element ids and label keys. */
    public String slug() {
        return field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /** The instance id as the document wrote it, blank or not; {@code null} when absent. */
    public String instanceOf(Database database) {
        return accessor.apply(database);
    }

    /** The instance id holding this role, or {@code null} when the document left it blank. */
    public String instanceId(Database database) {
        String id = accessor.apply(database);
        return id == null || id.isBlank() ? null : id;
    }

    /** A witness holds no data: it only decides automatic failover between the two partners. */
    public boolean isWitness() {
        return this == WITNESS || this == BACKUP_WITNESS;
    }

    /** The copies of a database by role, every role present (a missing copy maps to {@code null}). */
    public static Map<CopyRole, String> copiesOf(Database database) {
        Map<CopyRole, String> copies = new EnumMap<>(CopyRole.class);
        for (CopyRole role : values()) {
            copies.put(role, role.instanceOf(database));
        }
        return copies;
    }

    public static Optional<CopyRole> ofField(String field) {
        for (CopyRole role : values()) {
            if (role.field.equals(field)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
