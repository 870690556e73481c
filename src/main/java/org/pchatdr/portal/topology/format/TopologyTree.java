package org.pchatdr.portal.topology.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.LogShipping;
import org.pchatdr.portal.topology.Topology.Mirroring;
import org.pchatdr.portal.topology.Topology.NextHopPool;
import org.pchatdr.portal.topology.Topology.Objectives;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.format.Json.JArray;
import org.pchatdr.portal.topology.format.Json.JBoolean;
import org.pchatdr.portal.topology.format.Json.JNull;
import org.pchatdr.portal.topology.format.Json.JNumber;
import org.pchatdr.portal.topology.format.Json.JObject;

/** A topology as the JSON tree of its document, fields in the order of the published sample. */
public final class TopologyTree {

    /** Objects written on one line, as in the sample: short, and one per line in a list. */
    public static final Set<String> INLINE = Set.of("sites", "sqlInstances", "servers", "nextHopPool", "objectives");

    private TopologyTree() {}

    public static JObject of(Topology topology) {
        Map<String, Json> root = new LinkedHashMap<>();
        root.put("format", Json.string(Topology.FORMAT));
        root.put("name", Json.string(topology.name()));
        root.put("sites", array(topology.sites(), TopologyTree::site));
        root.put("sqlInstances", array(topology.sqlInstances(), TopologyTree::sqlInstance));
        root.put("pools", array(topology.pools(), TopologyTree::pool));
        return new JObject(root);
    }

    private static Json site(Site site) {
        Map<String, Json> fields = new LinkedHashMap<>();
        fields.put("id", Json.string(site.id()));
        fields.put("name", Json.string(site.name()));
        fields.put("timeZone", Json.string(site.timeZone()));
        return new JObject(fields);
    }

    private static Json sqlInstance(SqlInstance instance) {
        Map<String, Json> fields = new LinkedHashMap<>();
        fields.put("id", Json.string(instance.id()));
        fields.put("host", Json.string(instance.host()));
        fields.put("instance", Json.string(instance.instance()));
        fields.put("port", JNumber.of(instance.port()));
        fields.put("site", Json.string(instance.site()));
        fields.put(
                "version",
                instance.version() == null
                        ? JNull.INSTANCE
                        : Json.string(instance.version().label()));
        fields.put("edition", Json.string(instance.edition()));
        fields.put("serviceAccount", Json.string(instance.serviceAccount()));
        return new JObject(fields);
    }

    private static Json pool(Pool pool) {
        Map<String, Json> fields = new LinkedHashMap<>();
        fields.put("fqdn", Json.string(pool.fqdn()));
        fields.put("serviceIdentity", Json.string(pool.serviceIdentity()));
        fields.put("activeServersIdentity", Json.string(pool.activeServersIdentity()));
        fields.put("primarySite", Json.string(pool.primarySite()));
        fields.put("secondarySite", Json.string(pool.secondarySite()));
        fields.put(
                "siteLink",
                pool.siteLink() == null
                        ? JNull.INSTANCE
                        : Json.string(pool.siteLink().name()));
        fields.put("nextHopPool", nextHopPool(pool.nextHopPool()));
        fields.put("fileStore", Json.string(pool.fileStore()));
        fields.put("servers", array(pool.servers(), TopologyTree::server));
        fields.put("databases", array(pool.databases(), TopologyTree::database));
        fields.put("mirroring", mirroring(pool.mirroring()));
        fields.put("logShipping", logShipping(pool.logShipping()));
        fields.put("objectives", objectives(pool.objectives()));
        return new JObject(fields);
    }

    private static Json nextHopPool(NextHopPool nextHop) {
        if (nextHop == null) {
            return JNull.INSTANCE;
        }
        Map<String, Json> fields = new LinkedHashMap<>();
        fields.put("fqdn", Json.string(nextHop.fqdn()));
        fields.put("timeZone", Json.string(nextHop.timeZone()));
        return new JObject(fields);
    }

    private static Json server(Server server) {
        Map<String, Json> fields = new LinkedHashMap<>();
        fields.put("fqdn", Json.string(server.fqdn()));
        fields.put("site", Json.string(server.site()));
        fields.put("active", new JBoolean(server.active()));
        return new JObject(fields);
    }

    private static Json database(Database database) {
        Map<String, Json> fields = new LinkedHashMap<>();
        fields.put("name", Json.string(database.name()));
        fields.put(
                "kind",
                database.kind() == null
                        ? JNull.INSTANCE
                        : Json.string(database.kind().name()));
        for (CopyRole role : CopyRole.values()) {
            fields.put(role.field(), Json.string(role.instanceOf(database)));
        }
        if (database.availabilityGroup() != null) {
            fields.put("availabilityGroup", Json.string(database.availabilityGroup()));
        }
        return new JObject(fields);
    }

    private static Json mirroring(Mirroring mirroring) {
        if (mirroring == null) {
            return JNull.INSTANCE;
        }
        Map<String, Json> fields = new LinkedHashMap<>();
        fields.put("partnerPort", JNumber.of(mirroring.partnerPort()));
        fields.put("witnessPort", JNumber.of(mirroring.witnessPort()));
        fields.put("fileShare", Json.string(mirroring.fileShare()));
        return new JObject(fields);
    }

    private static Json logShipping(LogShipping logShipping) {
        if (logShipping == null) {
            return JNull.INSTANCE;
        }
        Map<String, Json> fields = new LinkedHashMap<>();
        fields.put("share", Json.string(logShipping.share()));
        fields.put("primaryLocalPath", Json.string(logShipping.primaryLocalPath()));
        fields.put("copyDestination", Json.string(logShipping.copyDestination()));
        fields.put("backupEveryMinutes", JNumber.of(logShipping.backupEveryMinutes()));
        fields.put("copyEveryMinutes", JNumber.of(logShipping.copyEveryMinutes()));
        fields.put("restoreEveryMinutes", JNumber.of(logShipping.restoreEveryMinutes()));
        fields.put("restoreDelayMinutes", JNumber.of(logShipping.restoreDelayMinutes()));
        fields.put("backupAlertMinutes", JNumber.of(logShipping.backupAlertMinutes()));
        fields.put("restoreAlertMinutes", JNumber.of(logShipping.restoreAlertMinutes()));
        fields.put("fileRetentionMinutes", JNumber.of(logShipping.fileRetentionMinutes()));
        fields.put("monitor", Json.string(logShipping.monitor()));
        return new JObject(fields);
    }

    private static Json objectives(Objectives objectives) {
        if (objectives == null) {
            return JNull.INSTANCE;
        }
        Map<String, Json> fields = new LinkedHashMap<>();
        fields.put("rpoMinutes", JNumber.of(objectives.rpoMinutes()));
        fields.put("rtoMinutes", JNumber.of(objectives.rtoMinutes()));
        return new JObject(fields);
    }

    private static <T> JArray array(List<T> items, Function<T, Json> mapper) {
        return new JArray(items.stream().map(mapper).toList());
    }
}
