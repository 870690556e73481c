package org.pchatdr.portal.topology.rules;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Topology.SqlInstance;

/**
 * The pool a rule looks at, with null-safe look-ups: a dangling site or instance id resolves to
 * nothing, never to an exception.
 */
record PoolContext(Topology topology, int index, Pool pool) {

    String path() {
        return "pools[" + index + "]";
    }

    String path(String member) {
        return path() + "." + member;
    }

    String serverPath(int server, String field) {
        return path("servers[" + server + "]." + field);
    }

    String databasePath(int database, String field) {
        return path("databases[" + database + "]." + field);
    }

    /** The pool's FQDN, or its path when the document gives none. */
    String name() {
        return Texts.or(pool.fqdn(), path());
    }

    List<Server> servers() {
        return pool.servers();
    }

    List<Database> databases() {
        return pool.databases();
    }

    String serverName(int server) {
        return Texts.or(servers().get(server).fqdn(), path("servers[" + server + "]"));
    }

    /** The database's name, or its kind when the name is missing. */
    String databaseName(int database) {
        Database db = databases().get(database);
        return Texts.or(
                db.name(),
                db.kind() == null
                        ? path("databases[" + database + "]")
                        : db.kind().name());
    }

    Optional<SqlInstance> instance(String id) {
        return instanceIndex(id).map(i -> topology.sqlInstances().get(i));
    }

    /** Where the instance sits in {@code sqlInstances}, for a path. */
    Optional<Integer> instanceIndex(String id) {
        if (id == null) {
            return Optional.empty();
        }
        List<SqlInstance> instances = topology.sqlInstances();
        return IntStream.range(0, instances.size())
                .filter(i -> id.equals(instances.get(i).id()))
                .boxed()
                .findFirst();
    }

    Optional<Site> site(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return topology.sites().stream().filter(site -> id.equals(site.id())).findFirst();
    }

    /** The site id of the instance, when the instance is known and names one. */
    Optional<String> siteOf(String instanceId) {
        return instance(instanceId).map(SqlInstance::site).filter(site -> !Texts.isBlank(site));
    }

    /** The first database of the kind, with its index. */
    Optional<Integer> databaseIndex(Topology.DatabaseKind kind) {
        return IntStream.range(0, databases().size())
                .filter(i -> databases().get(i).kind() == kind)
                .boxed()
                .findFirst();
    }
}
