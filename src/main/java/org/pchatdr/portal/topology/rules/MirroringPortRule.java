package org.pchatdr.portal.topology.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.Mirroring;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.Violation;

/**
 * T-11: mirroring endpoints must not collide. The pool's partnerPort and witnessPort are TCP ports
 * (1–65535) and differ. Every instance of the pool takes these same ports, so two different
 * instances on one host (compared ignoring case) that both hold an endpoint of the same kind would
 * share a port: primary and mirror hold a partner endpoint when the database is mirrored, backup and
 * backupMirror when the backup is, witness and backupWitness a witness endpoint. Nor may an instance
 * on that host listen for clients on the endpoint's port ({@code sqlInstances[n].port}). The
 * defaults 5022 and 7022 are only defaults: other ports draw no warning.
 */
final class MirroringPortRule extends PoolRule {

    static final Message PARTNER_PORT_OUT_OF_RANGE = new Message("rule.T-11.partner-port-out-of-range", 2);
    static final Message WITNESS_PORT_OUT_OF_RANGE = new Message("rule.T-11.witness-port-out-of-range", 2);
    static final Message SAME_PORTS = new Message("rule.T-11.same-partner-and-witness-port", 2);
    static final Message HOST_SHARES_PORT = new Message("rule.T-11.host-shares-port", 6);
    static final Message INSTANCE_PORT_TAKEN = new Message("rule.T-11.instance-port-is-mirroring-port", 4);

    MirroringPortRule() {
        super(
                "T-11",
                PARTNER_PORT_OUT_OF_RANGE,
                WITNESS_PORT_OUT_OF_RANGE,
                SAME_PORTS,
                HOST_SHARES_PORT,
                INSTANCE_PORT_TAKEN);
    }

    /** The mirroring endpoint an instance holds for the pool, where it was first found. */
    private record Endpoint(SqlInstance instance, int port, String path, String role, String database) {}

    @Override
    void check(PoolContext pool, CheckPhase phase, List<Violation> violations) {
        Mirroring mirroring = pool.pool().mirroring();
        if (mirroring == null) {
            return;
        }
        int partner = mirroring.partnerPort();
        int witness = mirroring.witnessPort();
        if (!valid(partner)) {
            violations.add(PARTNER_PORT_OUT_OF_RANGE.at(
                    Severity.ERROR, pool.path("mirroring.partnerPort"), pool.name(), String.valueOf(partner)));
        }
        if (!valid(witness)) {
            violations.add(WITNESS_PORT_OUT_OF_RANGE.at(
                    Severity.ERROR, pool.path("mirroring.witnessPort"), pool.name(), String.valueOf(witness)));
        }
        if (partner == witness) {
            violations.add(SAME_PORTS.at(
                    Severity.ERROR, pool.path("mirroring.witnessPort"), pool.name(), String.valueOf(witness)));
        }
        List<Endpoint> endpoints = endpoints(pool, partner, witness);
        checkSharedHosts(pool, endpoints, violations);
        checkClientPorts(pool, endpoints, violations);
    }

    private static boolean valid(int port) {
        return port >= 1 && port <= 65535;
    }

    private static List<Endpoint> endpoints(PoolContext pool, int partnerPort, int witnessPort) {
        Map<String, Endpoint> byInstance = new LinkedHashMap<>();
        for (int index = 0; index < pool.databases().size(); index++) {
            Database database = pool.databases().get(index);
            boolean mirrored = CopyRole.MIRROR.instanceId(database) != null;
            boolean backupMirrored = CopyRole.BACKUP_MIRROR.instanceId(database) != null;
            for (CopyRole role : CopyRole.values()) {
                boolean holdsEndpoint = switch (role) {
                    case PRIMARY, MIRROR -> mirrored;
                    case BACKUP, BACKUP_MIRROR -> backupMirrored;
                    case WITNESS, BACKUP_WITNESS -> true;
                };
                String id = role.instanceId(database);
                Optional<SqlInstance> instance = pool.instance(id);
                if (holdsEndpoint && instance.isPresent() && !byInstance.containsKey(id)) {
                    byInstance.put(
                            id,
                            new Endpoint(
                                    instance.get(),
                                    role.isWitness() ? witnessPort : partnerPort,
                                    pool.databasePath(index, role.field()),
                                    role.field(),
                                    pool.databaseName(index)));
                }
            }
        }
        return new ArrayList<>(byInstance.values());
    }

    private static void checkSharedHosts(PoolContext pool, List<Endpoint> endpoints, List<Violation> violations) {
        for (int later = 1; later < endpoints.size(); later++) {
            Endpoint endpoint = endpoints.get(later);
            for (int earlier = 0; earlier < later; earlier++) {
                Endpoint first = endpoints.get(earlier);
                if (first.port() == endpoint.port()
                        && Texts.sameHost(
                                first.instance().host(), endpoint.instance().host())) {
                    violations.add(HOST_SHARES_PORT.at(
                            Severity.ERROR,
                            endpoint.path(),
                            endpoint.instance().id(),
                            endpoint.role(),
                            endpoint.database(),
                            first.instance().id(),
                            endpoint.instance().host(),
                            String.valueOf(endpoint.port())));
                    break;
                }
            }
        }
    }

    private static void checkClientPorts(PoolContext pool, List<Endpoint> endpoints, List<Violation> violations) {
        List<SqlInstance> instances = pool.topology().sqlInstances();
        Set<Integer> reported = new HashSet<>();
        for (Endpoint endpoint : endpoints) {
            for (int index = 0; index < instances.size(); index++) {
                SqlInstance instance = instances.get(index);
                if (instance.port() == endpoint.port()
                        && Texts.sameHost(instance.host(), endpoint.instance().host())
                        && reported.add(index)) {
                    violations.add(INSTANCE_PORT_TAKEN.at(
                            Severity.ERROR,
                            "sqlInstances[" + index + "].port",
                            instance.id(),
                            String.valueOf(instance.port()),
                            pool.name(),
                            instance.host()));
                }
            }
        }
    }
}
