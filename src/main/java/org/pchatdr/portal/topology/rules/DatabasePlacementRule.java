package org.pchatdr.portal.topology.rules;

import java.util.List;
import java.util.Optional;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Violation;

/**
 * T-8: where each copy sits, judged by the site of its SQL instance. The primary and its mirror in
 * the pool's primarySite; the backup in its secondarySite; the backup's mirror and witness in the
 * backup's site. The reference places the primary's witness nowhere, so it is not checked. The chat
 * database ({@code mgc}) must have a backup at all: without one nothing survives the primary site.
 * Unknown instances are skipped.
 */
final class DatabasePlacementRule extends PoolRule {

    static final Message PRIMARY_OUTSIDE_PRIMARY_SITE = new Message("rule.T-8.primary-outside-primary-site", 4);
    static final Message MIRROR_OUTSIDE_PRIMARY_SITE = new Message("rule.T-8.mirror-outside-primary-site", 4);
    static final Message BACKUP_OUTSIDE_SECONDARY_SITE = new Message("rule.T-8.backup-outside-secondary-site", 4);
    static final Message BACKUP_MISSING = new Message("rule.T-8.backup-missing", 3);
    static final Message BACKUP_MIRROR_APART = new Message("rule.T-8.backup-mirror-apart", 4);
    static final Message BACKUP_WITNESS_APART = new Message("rule.T-8.backup-witness-apart", 4);

    DatabasePlacementRule() {
        super(
                "T-8",
                PRIMARY_OUTSIDE_PRIMARY_SITE,
                MIRROR_OUTSIDE_PRIMARY_SITE,
                BACKUP_OUTSIDE_SECONDARY_SITE,
                BACKUP_MISSING,
                BACKUP_MIRROR_APART,
                BACKUP_WITNESS_APART);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        Pool p = pool.pool();
        for (int index = 0; index < pool.databases().size(); index++) {
            Database database = pool.databases().get(index);
            String primarySite = Texts.isBlank(p.primarySite()) ? null : p.primarySite();
            String secondarySite = Texts.isBlank(p.secondarySite()) ? null : p.secondarySite();
            requireSite(pool, index, CopyRole.PRIMARY, primarySite, PRIMARY_OUTSIDE_PRIMARY_SITE, violations);
            requireSite(pool, index, CopyRole.MIRROR, primarySite, MIRROR_OUTSIDE_PRIMARY_SITE, violations);
            String backup = CopyRole.BACKUP.instanceId(database);
            if (backup == null) {
                if (database.kind() == DatabaseKind.CHAT) {
                    violations.add(BACKUP_MISSING.at(
                            Severity.ERROR,
                            pool.databasePath(index, CopyRole.BACKUP.field()),
                            pool.databaseName(index),
                            pool.name(),
                            Texts.shown(secondarySite)));
                }
            } else {
                requireSite(pool, index, CopyRole.BACKUP, secondarySite, BACKUP_OUTSIDE_SECONDARY_SITE, violations);
            }
            String backupSite = pool.siteOf(backup).orElse(secondarySite);
            requireSite(pool, index, CopyRole.BACKUP_MIRROR, backupSite, BACKUP_MIRROR_APART, violations);
            requireSite(pool, index, CopyRole.BACKUP_WITNESS, backupSite, BACKUP_WITNESS_APART, violations);
        }
    }

    private static void requireSite(
            PoolContext pool,
            int database,
            CopyRole role,
            String expectedSite,
            Message message,
            List<Violation> violations) {
        String instance = role.instanceId(pool.databases().get(database));
        Optional<String> site = pool.siteOf(instance);
        if (expectedSite != null && site.isPresent() && !site.get().equals(expectedSite)) {
            violations.add(message.at(
                    Severity.ERROR,
                    pool.databasePath(database, role.field()),
                    pool.databaseName(database),
                    instance,
                    site.get(),
                    expectedSite));
        }
    }
}
