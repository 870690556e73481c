package org.pchatdr.portal.topology.format;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.HostileText;
import org.pchatdr.portal.topology.ImportKeys;
import org.pchatdr.portal.topology.ReadResult;
import org.pchatdr.portal.topology.StructuralError;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.DatabaseKind;
import org.pchatdr.portal.topology.Topology.LogShipping;
import org.pchatdr.portal.topology.Topology.Mirroring;
import org.pchatdr.portal.topology.Topology.NextHopPool;
import org.pchatdr.portal.topology.Topology.Objectives;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Topology.Server;
import org.pchatdr.portal.topology.Topology.Site;
import org.pchatdr.portal.topology.Topology.SiteLink;
import org.pchatdr.portal.topology.Topology.SqlInstance;
import org.pchatdr.portal.topology.Topology.SqlVersion;
import org.pchatdr.portal.topology.TopologyValues;
import org.pchatdr.portal.topology.TopologyValues.Kind;
import org.pchatdr.portal.topology.format.Json.JArray;
import org.pchatdr.portal.topology.format.Json.JBoolean;
import org.pchatdr.portal.topology.format.Json.JNull;
import org.pchatdr.portal.topology.format.Json.JNumber;
import org.pchatdr.portal.topology.format.Json.JObject;
import org.pchatdr.portal.topology.format.Json.JString;

/**
 * Reads a {@code pchat-dr-topology/1} document and reports every structural error it finds, not
 * only the first. Errors do not cascade: a value of the wrong type is reported once, and references
 * are only checked against a list of ids that could itself be read.
 */
public final class TopologyReader {

    public static final int DEFAULT_SQL_PORT = 1433;
    public static final int DEFAULT_PARTNER_PORT = 5022;
    public static final int DEFAULT_WITNESS_PORT = 7022;

    private static final List<String> ROOT_FIELDS = List.of("format", "name", "sites", "sqlInstances", "pools");
    private static final List<String> SITE_FIELDS = List.of("id", "name", "timeZone");
    private static final List<String> INSTANCE_FIELDS =
            List.of("id", "host", "instance", "port", "site", "version", "edition", "serviceAccount");
    private static final List<String> POOL_FIELDS = List.of(
            "fqdn",
            "serviceIdentity",
            "activeServersIdentity",
            "primarySite",
            "secondarySite",
            "siteLink",
            "nextHopPool",
            "fileStore",
            "servers",
            "databases",
            "mirroring",
            "logShipping",
            "objectives");
    private static final List<String> NEXT_HOP_FIELDS = List.of("fqdn", "timeZone");
    private static final List<String> SERVER_FIELDS = List.of("fqdn", "site", "active");
    private static final List<String> DATABASE_FIELDS = Stream.of(
                    Stream.of("name", "kind"),
                    Arrays.stream(CopyRole.values()).map(CopyRole::field),
                    Stream.of("availabilityGroup"))
            .flatMap(fields -> fields)
            .toList();
    private static final List<String> MIRRORING_FIELDS = List.of("partnerPort", "witnessPort", "fileShare");
    private static final List<String> LOG_SHIPPING_FIELDS = List.of(
            "share",
            "primaryLocalPath",
            "copyDestination",
            "backupEveryMinutes",
            "copyEveryMinutes",
            "restoreEveryMinutes",
            "restoreDelayMinutes",
            "backupAlertMinutes",
            "restoreAlertMinutes",
            "fileRetentionMinutes",
            "monitor");
    private static final List<String> OBJECTIVES_FIELDS = List.of("rpoMinutes", "rtoMinutes");

    private static final List<String> VERSIONS =
            Arrays.stream(SqlVersion.values()).map(SqlVersion::label).toList();
    private static final List<String> SITE_LINKS =
            Arrays.stream(SiteLink.values()).map(Enum::name).toList();
    private static final List<String> KINDS =
            Arrays.stream(DatabaseKind.values()).map(Enum::name).toList();

    /** Whether a field may be absent or null. */
    private enum Presence {
        /** Present and not null. */
        REQUIRED,
        /** Present, possibly null: the sample writes it as {@code null}. */
        NULLABLE,
        /** May be absent or null: a default applies, or a topology rule reports it. */
        OPTIONAL
    }

    private enum Range {
        PORT(ImportKeys.PORT),
        MINUTES(ImportKeys.MINUTES),
        SCHEDULE(ImportKeys.SCHEDULE_MINUTES);

        private final String messageKey;

        Range(String messageKey) {
            this.messageKey = messageKey;
        }

        boolean contains(long value) {
            return switch (this) {
                case PORT -> TopologyValues.isPort(value);
                case MINUTES -> TopologyValues.isMinutes(value);
                case SCHEDULE -> TopologyValues.isScheduleMinutes(value);
            };
        }
    }

    private final List<StructuralError> errors = new ArrayList<>();
    private final Map<String, String> siteIdPaths = new HashMap<>();
    private final Map<String, String> instanceIdPaths = new HashMap<>();
    private final Map<String, String> instancePaths = new HashMap<>();
    private final Map<String, String> poolFqdnPaths = new HashMap<>();
    private final Map<String, String> serverFqdnPaths = new HashMap<>();
    private Set<String> siteIds;
    private Set<String> instanceIds;

    private TopologyReader() {}

    /** Never throws; {@code maxChars} is checked before anything is parsed. */
    public static ReadResult read(String text, int maxChars) {
        String document = text == null ? "" : text;
        if (document.length() > maxChars) {
            return new ReadResult.Unreadable(List.of(new StructuralError(
                    Paths.ROOT,
                    ImportKeys.TOO_LARGE,
                    List.of(Integer.toString(document.length()), Integer.toString(maxChars)))));
        }
        if (document.startsWith("\uFEFF")) {
            document = document.substring(1);
        }
        if (document.isBlank()) {
            return new ReadResult.Unreadable(List.of(new StructuralError(Paths.ROOT, ImportKeys.EMPTY, List.of())));
        }
        return new TopologyReader().document(document);
    }

    private ReadResult document(String text) {
        JsonText.Parsed parsed = JsonText.parse(text);
        errors.addAll(parsed.errors());
        if (parsed.root() == null) {
            return new ReadResult.Unreadable(errors);
        }
        Topology topology = topology(parsed.root());
        return errors.isEmpty() ? new ReadResult.Read(topology) : new ReadResult.Unreadable(errors);
    }

    private Topology topology(Json node) {
        JObject root = object(node, Paths.ROOT);
        if (root == null) {
            return null;
        }
        Json format = root.get("format");
        if (format == null) {
            error("format", ImportKeys.REQUIRED, "format");
        } else if (format instanceof JString given) {
            if (!Topology.FORMAT.equals(given.value())) {
                // Another format's fields mean nothing here: saying so is the only useful error.
                error("format", ImportKeys.UNKNOWN_FORMAT, HostileText.excerpt(given.value()), Topology.FORMAT);
                return null;
            }
        } else {
            typeError("format", ImportKeys.TYPE_STRING, format);
        }
        unknownFields(root, Paths.ROOT, ROOT_FIELDS);
        siteIds = ids(root.get("sites"));
        instanceIds = ids(root.get("sqlInstances"));

        String name = text(root, Paths.ROOT, "name", Presence.REQUIRED, Kind.NAME);
        List<Site> sites = list(root, Paths.ROOT, "sites", this::site);
        List<SqlInstance> instances = list(root, Paths.ROOT, "sqlInstances", this::sqlInstance);
        List<Pool> pools = list(root, Paths.ROOT, "pools", this::pool);
        return errors.isEmpty() ? new Topology(name, sites, instances, pools) : null;
    }

    /** The ids of a list, or null when one of them cannot be read (references are then not checked). */
    private static Set<String> ids(Json list) {
        if (!(list instanceof JArray array)) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        for (Json item : array.items()) {
            if (item instanceof JObject object && object.get("id") instanceof JString id) {
                ids.add(id.value());
            } else {
                return null;
            }
        }
        return ids;
    }

    private Site site(Json node, String path) {
        JObject site = objectOf(node, path, SITE_FIELDS);
        if (site == null) {
            return null;
        }
        String id = id(site, path, siteIdPaths);
        String name = text(site, path, "name", Presence.REQUIRED, Kind.NAME);
        String timeZone = text(site, path, "timeZone", Presence.REQUIRED, Kind.TIME_ZONE);
        return new Site(id, name, timeZone);
    }

    private SqlInstance sqlInstance(Json node, String path) {
        JObject instance = objectOf(node, path, INSTANCE_FIELDS);
        if (instance == null) {
            return null;
        }
        String id = id(instance, path, instanceIdPaths);
        String host = text(instance, path, "host", Presence.REQUIRED, Kind.FQDN);
        String name = text(instance, path, "instance", Presence.NULLABLE, Kind.INSTANCE_NAME);
        Json nameNode = instance.get("instance");
        boolean nameValid = nameNode instanceof JNull || TopologyValues.isInstanceName(name);
        if (TopologyValues.isFqdn(host) && nameValid) {
            String shown = name == null ? host : host + "\\" + name;
            String key = host.toLowerCase(Locale.ROOT) + "\\" + (name == null ? "" : name.toUpperCase(Locale.ROOT));
            String first = instancePaths.putIfAbsent(key, path);
            if (first != null) {
                error(path, ImportKeys.DUPLICATE_INSTANCE, HostileText.excerpt(shown), first);
            }
        }
        int port = integer(instance, path, "port", DEFAULT_SQL_PORT, Range.PORT);
        String site = reference(instance, path, "site", Presence.REQUIRED, siteIds, ImportKeys.UNKNOWN_SITE);
        SqlVersion version = choice(instance, path, "version", SqlVersion::fromLabel, VERSIONS);
        String edition = text(instance, path, "edition", Presence.REQUIRED, Kind.EDITION);
        String account = text(instance, path, "serviceAccount", Presence.REQUIRED, Kind.SERVICE_ACCOUNT);
        return new SqlInstance(id, host, name, port, site, version, edition, account);
    }

    private Pool pool(Json node, String path) {
        JObject pool = objectOf(node, path, POOL_FIELDS);
        if (pool == null) {
            return null;
        }
        String fqdn = text(pool, path, "fqdn", Presence.REQUIRED, Kind.FQDN);
        unique(fqdn, poolFqdnPaths, Paths.field(path, "fqdn"), ImportKeys.DUPLICATE_FQDN);
        String serviceIdentity = text(pool, path, "serviceIdentity", Presence.OPTIONAL, Kind.CMDLET_IDENTITY);
        Json serviceIdentityNode = pool.get("serviceIdentity");
        if ((serviceIdentityNode == null || serviceIdentityNode instanceof JNull) && fqdn != null) {
            serviceIdentity = Pool.defaultServiceIdentity(fqdn);
        }
        String activeServersIdentity =
                text(pool, path, "activeServersIdentity", Presence.NULLABLE, Kind.CMDLET_IDENTITY);
        String primarySite = reference(pool, path, "primarySite", Presence.REQUIRED, siteIds, ImportKeys.UNKNOWN_SITE);
        String secondarySite =
                reference(pool, path, "secondarySite", Presence.REQUIRED, siteIds, ImportKeys.UNKNOWN_SITE);
        SiteLink siteLink = choice(pool, path, "siteLink", value -> named(SiteLink.values(), value), SITE_LINKS);
        NextHopPool nextHopPool = nextHopPool(pool, path);
        String fileStore = text(pool, path, "fileStore", Presence.OPTIONAL, Kind.UNC_PATH);
        List<Server> servers = list(pool, path, "servers", this::server);
        Map<String, String> kindPaths = new HashMap<>();
        List<Database> databases =
                list(pool, path, "databases", (item, itemPath) -> database(item, itemPath, kindPaths));
        Mirroring mirroring = mirroring(pool, path);
        LogShipping logShipping = logShipping(pool, path);
        Objectives objectives = objectives(pool, path);
        return new Pool(
                fqdn,
                serviceIdentity,
                activeServersIdentity,
                primarySite,
                secondarySite,
                siteLink,
                nextHopPool,
                fileStore,
                servers,
                databases,
                mirroring,
                logShipping,
                objectives);
    }

    private NextHopPool nextHopPool(JObject pool, String poolPath) {
        String path = Paths.field(poolPath, "nextHopPool");
        Json node = member(pool, poolPath, "nextHopPool", Presence.REQUIRED);
        JObject nextHop = node == null ? null : objectOf(node, path, NEXT_HOP_FIELDS);
        if (nextHop == null) {
            return null;
        }
        String fqdn = text(nextHop, path, "fqdn", Presence.REQUIRED, Kind.FQDN);
        String timeZone = text(nextHop, path, "timeZone", Presence.REQUIRED, Kind.TIME_ZONE);
        return new NextHopPool(fqdn, timeZone);
    }

    private Server server(Json node, String path) {
        JObject server = objectOf(node, path, SERVER_FIELDS);
        if (server == null) {
            return null;
        }
        String fqdn = text(server, path, "fqdn", Presence.REQUIRED, Kind.FQDN);
        unique(fqdn, serverFqdnPaths, Paths.field(path, "fqdn"), ImportKeys.DUPLICATE_FQDN);
        String site = reference(server, path, "site", Presence.REQUIRED, siteIds, ImportKeys.UNKNOWN_SITE);
        boolean active = bool(server, path, "active");
        return new Server(fqdn, site, active);
    }

    private Database database(Json node, String path, Map<String, String> kindPaths) {
        JObject database = objectOf(node, path, DATABASE_FIELDS);
        if (database == null) {
            return null;
        }
        String name = text(database, path, "name", Presence.REQUIRED, Kind.SQL_NAME);
        DatabaseKind kind = choice(database, path, "kind", value -> named(DatabaseKind.values(), value), KINDS);
        if (kind != null) {
            unique(kind.name(), kindPaths, Paths.field(path, "kind"), ImportKeys.DUPLICATE_KIND);
        }
        Map<CopyRole, String> copies = new EnumMap<>(CopyRole.class);
        for (CopyRole role : CopyRole.values()) {
            Presence presence = role == CopyRole.PRIMARY ? Presence.REQUIRED : Presence.NULLABLE;
            copies.put(role, instance(database, path, role.field(), presence));
        }
        String availabilityGroup = text(database, path, "availabilityGroup", Presence.OPTIONAL, Kind.SQL_NAME);
        return Database.of(name, kind, copies, availabilityGroup);
    }

    private String instance(JObject object, String path, String name, Presence presence) {
        return reference(object, path, name, presence, instanceIds, ImportKeys.UNKNOWN_INSTANCE);
    }

    private Mirroring mirroring(JObject pool, String poolPath) {
        String path = Paths.field(poolPath, "mirroring");
        Json node = pool.get("mirroring");
        if (node == null || node instanceof JNull) {
            return new Mirroring(DEFAULT_PARTNER_PORT, DEFAULT_WITNESS_PORT, null);
        }
        JObject mirroring = objectOf(node, path, MIRRORING_FIELDS);
        if (mirroring == null) {
            return null;
        }
        int partnerPort = integer(mirroring, path, "partnerPort", DEFAULT_PARTNER_PORT, Range.PORT);
        int witnessPort = integer(mirroring, path, "witnessPort", DEFAULT_WITNESS_PORT, Range.PORT);
        String fileShare = text(mirroring, path, "fileShare", Presence.OPTIONAL, Kind.UNC_PATH);
        return new Mirroring(partnerPort, witnessPort, fileShare);
    }

    private LogShipping logShipping(JObject pool, String poolPath) {
        String path = Paths.field(poolPath, "logShipping");
        Json node = pool.get("logShipping");
        if (node == null || node instanceof JNull) {
            return null;
        }
        JObject shipping = objectOf(node, path, LOG_SHIPPING_FIELDS);
        if (shipping == null) {
            return null;
        }
        return new LogShipping(
                text(shipping, path, "share", Presence.OPTIONAL, Kind.UNC_PATH),
                text(shipping, path, "primaryLocalPath", Presence.NULLABLE, Kind.LOCAL_PATH),
                text(shipping, path, "copyDestination", Presence.OPTIONAL, Kind.FOLDER),
                integer(shipping, path, "backupEveryMinutes", null, Range.SCHEDULE),
                integer(shipping, path, "copyEveryMinutes", null, Range.SCHEDULE),
                integer(shipping, path, "restoreEveryMinutes", null, Range.SCHEDULE),
                integer(shipping, path, "restoreDelayMinutes", null, Range.MINUTES),
                integer(shipping, path, "backupAlertMinutes", null, Range.MINUTES),
                integer(shipping, path, "restoreAlertMinutes", null, Range.MINUTES),
                integer(shipping, path, "fileRetentionMinutes", null, Range.MINUTES),
                instance(shipping, path, "monitor", Presence.NULLABLE));
    }

    private Objectives objectives(JObject pool, String poolPath) {
        String path = Paths.field(poolPath, "objectives");
        Json node = member(pool, poolPath, "objectives", Presence.REQUIRED);
        JObject objectives = node == null ? null : objectOf(node, path, OBJECTIVES_FIELDS);
        if (objectives == null) {
            return null;
        }
        return new Objectives(
                integer(objectives, path, "rpoMinutes", null, Range.MINUTES),
                integer(objectives, path, "rtoMinutes", null, Range.MINUTES));
    }

    /** The constant among {@code values} named exactly {@code value}, as the format writes them. */
    private static <E extends Enum<E>> Optional<E> named(E[] values, String value) {
        return Arrays.stream(values).filter(each -> each.name().equals(value)).findFirst();
    }

    private <T> List<T> list(JObject object, String path, String name, BiFunction<Json, String, T> element) {
        List<T> result = new ArrayList<>();
        Json node = member(object, path, name, Presence.REQUIRED);
        String listPath = Paths.field(path, name);
        if (node == null) {
            return result;
        }
        if (!(node instanceof JArray array)) {
            typeError(listPath, ImportKeys.TYPE_ARRAY, node);
            return result;
        }
        for (int index = 0; index < array.items().size(); index++) {
            T item = element.apply(array.items().get(index), Paths.index(listPath, index));
            if (item != null) {
                result.add(item);
            }
        }
        return result;
    }

    private JObject object(Json node, String path) {
        if (node instanceof JObject object) {
            return object;
        }
        typeError(path, ImportKeys.TYPE_OBJECT, node);
        return null;
    }

    /** The object a record of the format is read from, its unknown fields reported; null when not an object. */
    private JObject objectOf(Json node, String path, List<String> fields) {
        JObject object = object(node, path);
        if (object != null) {
            unknownFields(object, path, fields);
        }
        return object;
    }

    private void unknownFields(JObject object, String path, List<String> allowed) {
        for (String name : object.fields().keySet()) {
            if (!allowed.contains(name)) {
                error(
                        Paths.field(path, name),
                        ImportKeys.UNKNOWN_FIELD,
                        HostileText.excerpt(name),
                        String.join(", ", allowed));
            }
        }
    }

    /** The field, or null when it is absent (reported unless it is optional). */
    private Json member(JObject object, String path, String name, Presence presence) {
        Json node = object.get(name);
        if (node == null && presence != Presence.OPTIONAL) {
            error(
                    Paths.field(path, name),
                    presence == Presence.REQUIRED ? ImportKeys.REQUIRED : ImportKeys.REQUIRED_OR_NULL,
                    name);
        }
        return node;
    }

    /** A string field checked against the rules of its kind; null when absent, null or not a string. */
    private String text(JObject object, String path, String name, Presence presence, Kind kind) {
        String fieldPath = Paths.field(path, name);
        Json node = member(object, path, name, presence);
        if (node == null) {
            return null;
        }
        if (node instanceof JNull && presence != Presence.REQUIRED) {
            return null;
        }
        if (!(node instanceof JString string)) {
            typeError(fieldPath, ImportKeys.TYPE_STRING, node);
            return null;
        }
        if (kind != null) {
            TopologyValues.problem(kind, string.value())
                    .ifPresent(problem ->
                            errors.add(new StructuralError(fieldPath, problem.messageKey(), problem.arguments())));
        }
        return string.value();
    }

    private String reference(
            JObject object, String path, String name, Presence presence, Set<String> ids, String missingKey) {
        String value = text(object, path, name, presence, null);
        if (value != null) {
            Optional<String> forbidden = HostileText.firstForbidden(value);
            if (forbidden.isPresent()) {
                error(Paths.field(path, name), ImportKeys.CONTROL_CHARACTER, forbidden.get());
            } else if (ids != null && !ids.contains(value)) {
                error(Paths.field(path, name), missingKey, HostileText.excerpt(value));
            }
        }
        return value;
    }

    private <E> E choice(
            JObject object, String path, String name, Function<String, Optional<E>> parse, List<String> allowed) {
        String value = text(object, path, name, Presence.REQUIRED, null);
        if (value == null) {
            return null;
        }
        Optional<E> choice = parse.apply(value);
        if (choice.isEmpty()) {
            error(
                    Paths.field(path, name),
                    ImportKeys.UNKNOWN_VALUE,
                    HostileText.excerpt(value),
                    String.join(", ", allowed));
        }
        return choice.orElse(null);
    }

    /** A whole number in range; {@code defaultValue} applies when the field is absent (null: required). */
    private int integer(JObject object, String path, String name, Integer defaultValue, Range range) {
        String fieldPath = Paths.field(path, name);
        Json node = object.get(name);
        if (node == null) {
            if (defaultValue != null) {
                return defaultValue;
            }
            error(fieldPath, ImportKeys.REQUIRED, name);
            return 0;
        }
        if (!(node instanceof JNumber number) || number.integer() == null) {
            typeError(fieldPath, ImportKeys.TYPE_INTEGER, node);
            return 0;
        }
        BigInteger value = number.integer();
        if (value.bitLength() > 62 || !range.contains(value.longValue())) {
            error(fieldPath, range.messageKey, HostileText.excerpt(number.text()));
            return 0;
        }
        return value.intValue();
    }

    private boolean bool(JObject object, String path, String name) {
        Json node = member(object, path, name, Presence.REQUIRED);
        if (node == null) {
            return false;
        }
        if (node instanceof JBoolean bool) {
            return bool.value();
        }
        typeError(Paths.field(path, name), ImportKeys.TYPE_BOOLEAN, node);
        return false;
    }

    /** A site's or SQL instance's {@code id}: unique in its list, since references name it. */
    private String id(JObject object, String path, Map<String, String> firstPaths) {
        String id = text(object, path, "id", Presence.REQUIRED, Kind.IDENTIFIER);
        unique(id, firstPaths, Paths.field(path, "id"), ImportKeys.DUPLICATE_ID);
        return id;
    }

    private void unique(String value, Map<String, String> firstPaths, String path, String key) {
        if (value == null) {
            return;
        }
        String first = firstPaths.putIfAbsent(value.toLowerCase(Locale.ROOT), path);
        if (first != null) {
            error(path, key, HostileText.excerpt(value), first);
        }
    }

    private void typeError(String path, String key, Json found) {
        error(path, key, shown(found));
    }

    /** A wrong value as the user wrote it, without the content of objects and arrays. */
    private static String shown(Json found) {
        return switch (found) {
            case JObject ignored -> "{…}";
            case JArray ignored -> "[…]";
            default -> HostileText.excerpt(JsonText.compact(found));
        };
    }

    private void error(String path, String key, String... arguments) {
        errors.add(new StructuralError(path, key, List.of(arguments)));
    }
}
