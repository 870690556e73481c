package org.pchatdr.portal.topology.rules;

import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.LogShipping;
import org.pchatdr.portal.topology.Topology.Objectives;
import org.pchatdr.portal.topology.Violation;

/**
 * T-18: the pool's RPO target cannot be met by its log shipping. A transaction reaches the backup
 * database only after the backup job saved it, the copy job brought the file over and the restore
 * job applied it, each on its own schedule, and not before the restore delay (SQL Server,
 * learn.microsoft.com/sql/database-engine/log-shipping/about-log-shipping-sql-server: "backup job",
 * "copy job", "restore job", and the delay of {@code sp_add_log_shipping_secondary_database}); the
 * domain reference bounds the loss by that cadence (section 9). So when the RPO is shorter than
 * backup + copy + restore interval plus the delay, the worst case already misses it: a warning.
 */
final class RecoveryPointRule extends PoolRule {

    static final Message RPO_SHORTER_THAN_CADENCE = new Message("rule.T-18.rpo-shorter-than-log-shipping", 6);

    RecoveryPointRule() {
        super("T-18", RPO_SHORTER_THAN_CADENCE);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        Objectives objectives = pool.pool().objectives();
        LogShipping shipping = pool.pool().logShipping();
        if (objectives == null || shipping == null || objectives.rpoMinutes() <= 0) {
            return;
        }
        long cadence = (long) shipping.backupEveryMinutes()
                + shipping.copyEveryMinutes()
                + shipping.restoreEveryMinutes()
                + Math.max(0, shipping.restoreDelayMinutes());
        if (objectives.rpoMinutes() < cadence) {
            violations.add(RPO_SHORTER_THAN_CADENCE.at(
                    Severity.WARNING,
                    pool.path("objectives.rpoMinutes"),
                    pool.name(),
                    String.valueOf(objectives.rpoMinutes()),
                    String.valueOf(cadence),
                    String.valueOf(shipping.backupEveryMinutes()),
                    String.valueOf(shipping.copyEveryMinutes()),
                    String.valueOf(shipping.restoreEveryMinutes() + Math.max(0, shipping.restoreDelayMinutes()))));
        }
    }
}
