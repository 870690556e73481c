package org.pchatdr.portal.topology.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.Violation;

/**
 * T-9: the mirror and the witness run the primary's SQL Server version, the mirror also its edition
 * (compared ignoring case). As the backup is mirrored to the backup's mirror after a failover (step
 * F-6), the same holds for backup, backupMirror and backupWitness. "2008 R2 or later" needs no check:
 * the format knows no older version. Beyond the rule, a backup on another version than the primary
 * is a warning: a log backup cannot be restored on an older version, and failback restores the
 * backup onto the primary (B-4). Unknown instances and missing versions or editions are skipped.
 */
final class SqlVersionRule extends PoolRule {

    static final Message VERSION_DIFFERS = new Message("rule.T-9.version-differs", 7);
    static final Message EDITION_DIFFERS = new Message("rule.T-9.edition-differs", 7);
    static final Message BACKUP_VERSION_DIFFERS = new Message("rule.T-9.backup-version-differs", 5);

    SqlVersionRule() {
        super("T-9", VERSION_DIFFERS, EDITION_DIFFERS, BACKUP_VERSION_DIFFERS);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        for (int index = 0; index < pool.databases().size(); index++) {
            compare(pool, index, CopyRole.PRIMARY, CopyRole.MIRROR, true, violations);
            compare(pool, index, CopyRole.PRIMARY, CopyRole.WITNESS, false, violations);
            compare(pool, index, CopyRole.BACKUP, CopyRole.BACKUP_MIRROR, true, violations);
            compare(pool, index, CopyRole.BACKUP, CopyRole.BACKUP_WITNESS, false, violations);
            compareBackupWithPrimary(pool, index, violations);
        }
    }

    private static void compare(
            PoolContext pool,
            int index,
            CopyRole reference,
            CopyRole role,
            boolean sameEdition,
            List<Violation> violations) {
        Database database = pool.databases().get(index);
        Optional<SqlInstance> expected = pool.instance(reference.instanceId(database));
        Optional<SqlInstance> actual = pool.instance(role.instanceId(database));
        if (expected.isEmpty() || actual.isEmpty()) {
            return;
        }
        SqlInstance ref = expected.get();
        SqlInstance other = actual.get();
        String path = pool.databasePath(index, role.field());
        if (ref.version() != null && other.version() != null && ref.version() != other.version()) {
            violations.add(VERSION_DIFFERS.at(
                    Severity.ERROR,
                    path,
                    pool.databaseName(index),
                    other.id(),
                    role.field(),
                    other.version().label(),
                    ref.id(),
                    reference.field(),
                    ref.version().label()));
        }
        if (sameEdition
                && !Texts.isBlank(ref.edition())
                && !Texts.isBlank(other.edition())
                && !normalized(ref.edition()).equals(normalized(other.edition()))) {
            violations.add(EDITION_DIFFERS.at(
                    Severity.ERROR,
                    path,
                    pool.databaseName(index),
                    other.id(),
                    role.field(),
                    other.edition(),
                    ref.id(),
                    reference.field(),
                    ref.edition()));
        }
    }

    private static void compareBackupWithPrimary(PoolContext pool, int index, List<Violation> violations) {
        Database database = pool.databases().get(index);
        Optional<SqlInstance> primary = pool.instance(CopyRole.PRIMARY.instanceId(database));
        Optional<SqlInstance> backup = pool.instance(CopyRole.BACKUP.instanceId(database));
        if (primary.isEmpty() || backup.isEmpty()) {
            return;
        }
        if (primary.get().version() != null
                && backup.get().version() != null
                && primary.get().version() != backup.get().version()) {
            violations.add(BACKUP_VERSION_DIFFERS.at(
                    Severity.WARNING,
                    pool.databasePath(index, CopyRole.BACKUP.field()),
                    pool.databaseName(index),
                    backup.get().id(),
                    backup.get().version().label(),
                    primary.get().id(),
                    primary.get().version().label()));
        }
    }

    private static String normalized(String edition) {
        return edition.strip().toLowerCase(Locale.ROOT);
    }
}
