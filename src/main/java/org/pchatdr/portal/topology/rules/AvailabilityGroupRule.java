package org.pchatdr.portal.topology.rules;

import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Violation;

/** T-12: AlwaysOn availability groups are not supported for Persistent Chat databases. */
final class AvailabilityGroupRule extends PoolRule {

    static final Message AVAILABILITY_GROUP = new Message("rule.T-12.availability-group", 3);

    AvailabilityGroupRule() {
        super("T-12", AVAILABILITY_GROUP);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        for (int index = 0; index < pool.databases().size(); index++) {
            Database database = pool.databases().get(index);
            if (!Texts.isBlank(database.availabilityGroup())) {
                violations.add(AVAILABILITY_GROUP.at(
                        Severity.ERROR,
                        pool.databasePath(index, "availabilityGroup"),
                        pool.databaseName(index),
                        database.availabilityGroup(),
                        pool.name()));
            }
        }
    }
}
