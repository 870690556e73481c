package org.pchatdr.portal.topology.rules;

import java.util.List;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Violation;

/**
 * T-10: one instance, one role. Within a database, primary, mirror, witness, backup, backupMirror
 * and backupWitness are distinct instances wherever set; the later role of a pair is reported. And a
 * witness (or backup witness) holds no copy (primary, mirror, backup, backup mirror) of any database
 * of the topology, in any pool: reported once per witness, on the first copy found.
 */
final class InstanceRolesRule extends PoolRule {

    static final Message TWO_ROLES = new Message("rule.T-10.two-roles", 4);
    static final Message WITNESS_HOLDS_COPY = new Message("rule.T-10.witness-holds-copy", 5);

    InstanceRolesRule() {
        super("T-10", TWO_ROLES, WITNESS_HOLDS_COPY);
    }

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        for (int index = 0; index < pool.databases().size(); index++) {
            Database database = pool.databases().get(index);
            CopyRole[] roles = CopyRole.values();
            for (int later = 1; later < roles.length; later++) {
                String instance = roles[later].instanceId(database);
                for (int earlier = 0; instance != null && earlier < later; earlier++) {
                    if (instance.equals(roles[earlier].instanceId(database))) {
                        violations.add(TWO_ROLES.at(
                                Severity.ERROR,
                                pool.databasePath(index, roles[later].field()),
                                pool.databaseName(index),
                                instance,
                                roles[earlier].field(),
                                roles[later].field()));
                        break;
                    }
                }
            }
            for (CopyRole witness : List.of(CopyRole.WITNESS, CopyRole.BACKUP_WITNESS)) {
                checkWitnessHoldsNoCopy(pool, index, witness, violations);
            }
        }
    }

    private static void checkWitnessHoldsNoCopy(
            PoolContext pool, int index, CopyRole witnessRole, List<Violation> violations) {
        Database witnessed = pool.databases().get(index);
        String witness = witnessRole.instanceId(witnessed);
        if (witness == null) {
            return;
        }
        Topology topology = pool.topology();
        for (int p = 0; p < topology.pools().size(); p++) {
            Pool other = topology.pools().get(p);
            for (int d = 0; d < other.databases().size(); d++) {
                if (p == pool.index() && d == index) {
                    continue; // the same database: two roles, reported above
                }
                Database database = other.databases().get(d);
                for (CopyRole copy : CopyRole.values()) {
                    if (!copy.isWitness() && witness.equals(copy.instanceId(database))) {
                        PoolContext holder = new PoolContext(topology, p, other);
                        violations.add(WITNESS_HOLDS_COPY.at(
                                Severity.ERROR,
                                pool.databasePath(index, witnessRole.field()),
                                witness,
                                witnessRole.field(),
                                pool.databaseName(index),
                                copy.field(),
                                p == pool.index()
                                        ? holder.databaseName(d)
                                        : holder.databaseName(d) + " (" + holder.name() + ")"));
                        return;
                    }
                }
            }
        }
    }
}
