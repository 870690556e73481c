package org.pchatdr.portal.topology.rules;

import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.LogShipping;
import org.pchatdr.portal.topology.Violation;

/**
 * L-4: the log-shipping monitor server is chosen when log shipping is first configured and cannot be
 * added later. None: information suggesting one. The primary or the backup instance of a database
 * (chat or compliance, both are log-shipped with the same settings): a warning, the monitor should be
 * a separate instance that outlives the failure it reports. Without log shipping T-15 speaks.
 */
final class MonitorServerRule extends PoolRule {

    static final Message NO_MONITOR = new Message("rule.L-4.no-monitor", 1);
    static final Message MONITOR_ON_COPY = new Message("rule.L-4.monitor-on-copy", 4);

    MonitorServerRule() {
        super("L-4", NO_MONITOR, MONITOR_ON_COPY);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        LogShipping logShipping = pool.pool().logShipping();
        if (logShipping == null) {
            return;
        }
        String path = pool.path("logShipping.monitor");
        String monitor = logShipping.monitor();
        if (Texts.isBlank(monitor)) {
            violations.add(NO_MONITOR.at(Severity.INFO, path, pool.name()));
            return;
        }
        for (int index = 0; index < pool.databases().size(); index++) {
            Database database = pool.databases().get(index);
            for (CopyRole role : List.of(CopyRole.PRIMARY, CopyRole.BACKUP)) {
                if (monitor.equals(role.instanceId(database))) {
                    violations.add(MONITOR_ON_COPY.at(
                            Severity.WARNING, path, pool.name(), monitor, role.field(), pool.databaseName(index)));
                    return;
                }
            }
        }
    }
}
