package org.pchatdr.portal.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The element of a topology a rule result, a change or an accepted warning concerns, as people name
 * it ("site PAR of pool pchat.contoso.local", "server pc01.contoso.local", "the backup database mgc
 * on lyo-sql-1") instead of a path such as {@code pools[0].databases[0].backup}.
 *
 * <p>An element is identified by a <em>key</em>: its path with every list index replaced by the
 * identity of the list element (site and instance id, pool and server FQDN in lower case, database
 * kind), e.g. {@code pools[pchat.contoso.local].servers[pc03.contoso.local].active}. Unlike a path,
 * the key does not move to another server when a server before it is removed, so an accepted
 * warning stays with what it was accepted for (issue 12). The diff of two versions uses the same
 * identities ({@link TopologyDiff}).
 */
public final class TopologyElements {

    /** A translation of {@code key} with {@code arguments}, in the reader's language. */
    @FunctionalInterface
    public interface Texts {
        String text(String key, Object... arguments);
    }

    /** The copies of a database, in the format's field names. */
    static final Set<String> COPY_ROLES =
            Set.of("primary", "mirror", "witness", "backup", "backupMirror", "backupWitness");

    private static final Set<String> POOL_SECTIONS =
            Set.of("servers", "databases", "mirroring", "logShipping", "fileStore", "nextHopPool", "objectives");

    /** {@code name}, {@code name[3]}, {@code name[PAR]}; a key's identities never contain {@code ]}. */
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)(?:\\[([^\\]]*)])?");

    private TopologyElements() {}

    /** One step of a path or key: a field name and, for an element of a list, its index or identity. */
    record Segment(String name, String selector) {}

    /**
     * The key of the element at {@code path} in {@code topology}. Indexes that point nowhere stay
     * as {@code #n}; selectors that are not indexes ({@code sites[PAR]}) are kept.
     */
    public static String key(Topology topology, String path) {
        List<Segment> segments = segments(path);
        StringBuilder key = new StringBuilder();
        Topology.Pool pool = null;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (!key.isEmpty()) {
                key.append('.');
            }
            key.append(segment.name());
            if (segment.selector() == null) {
                continue;
            }
            String identity = segment.selector();
            Integer index = index(segment.selector());
            if (index != null) {
                boolean topLevel = i == 0;
                identity = switch (segment.name()) {
                    case "sites" -> topLevel ? identityAt(topology.sites(), index, Topology.Site::id) : null;
                    case "sqlInstances" ->
                        topLevel ? identityAt(topology.sqlInstances(), index, Topology.SqlInstance::id) : null;
                    case "pools" -> {
                        pool = topLevel ? at(topology.pools(), index).orElse(null) : null;
                        yield pool == null ? null : lower(pool.fqdn());
                    }
                    case "servers" -> pool == null ? null : identityAt(pool.servers(), index, s -> lower(s.fqdn()));
                    case "databases" ->
                        pool == null
                                ? null
                                : identityAt(
                                        pool.databases(),
                                        index,
                                        d -> d.kind() == null ? null : d.kind().name());
                    default -> null;
                };
                if (identity == null || identity.isBlank()) {
                    identity = "#" + index;
                }
            }
            key.append('[').append(identity).append(']');
        }
        return key.toString();
    }

    /** What the element of {@code key} is called, with the instance of a database copy when known. */
    public static String describe(String key, Topology topology, Texts texts) {
        return name(segments(key), topology, texts).phrase();
    }

    /**
     * The element's name followed by the field of it that {@code key} points at, when it points
     * below the element ("server pc03.contoso.local, active"): what a change of one value needs.
     */
    public static String describeWithField(String key, Topology topology, Texts texts) {
        List<Segment> segments = segments(key);
        Named named = name(segments, topology, texts);
        if (named.consumed() >= segments.size()) {
            return named.phrase();
        }
        StringBuilder field = new StringBuilder();
        for (Segment segment : segments.subList(named.consumed(), segments.size())) {
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(segment.name());
            if (segment.selector() != null) {
                field.append('[').append(segment.selector()).append(']');
            }
        }
        return texts.text("element.with-field", named.phrase(), field.toString());
    }

    /** A phrase and how many segments of the key it names. */
    private record Named(String phrase, int consumed) {}

    private static Named name(List<Segment> segments, Topology topology, Texts texts) {
        if (segments.isEmpty()) {
            return new Named(texts.text("element.document"), 0);
        }
        Segment first = segments.getFirst();
        String id = first.selector();
        if (!List.of("sites", "sqlInstances", "pools").contains(first.name())) {
            return new Named(texts.text("element.field", first.name()), 1);
        }
        if (id == null) {
            return new Named(texts.text("element.list", first.name()), 1);
        }
        return switch (first.name()) {
            case "sites" -> new Named(texts.text("element.site", id), 1);
            case "sqlInstances" -> new Named(texts.text("element.instance", id), 1);
            default -> nameInPool(segments.subList(1, segments.size()), id, topology, texts);
        };
    }

    private static Named nameInPool(List<Segment> rest, String pool, Topology topology, Texts texts) {
        if (rest.isEmpty()) {
            return new Named(texts.text("element.pool", pool), 1);
        }
        Segment member = rest.getFirst();
        String selector = member.selector();
        if (member.name().equals("sites") && selector != null) {
            return new Named(texts.text("element.pool.site", pool, selector), 2);
        }
        if (member.name().equals("servers") && selector != null) {
            return new Named(texts.text("element.server", selector), 2);
        }
        if (member.name().equals("databases") && selector != null) {
            String database = databaseName(selector, pool, topology);
            if (rest.size() > 1 && COPY_ROLES.contains(rest.get(1).name())) {
                String role = rest.get(1).name();
                Optional<String> instance = copyInstance(topology, pool, selector, role);
                return new Named(
                        instance.isPresent()
                                ? texts.text("element.copy." + role, database, instance.get())
                                : texts.text("element.copy." + role + ".unplaced", database),
                        3);
            }
            return new Named(texts.text("element.database", database, pool), 2);
        }
        if (POOL_SECTIONS.contains(member.name())) {
            return new Named(texts.text("element.pool." + member.name(), pool), 2);
        }
        return new Named(texts.text("element.pool.field", pool, member.name()), 2);
    }

    /** {@code mgc} for the CHAT database, or the name the topology gives it. */
    private static String databaseName(String kind, String pool, Topology topology) {
        return database(topology, pool, kind)
                .map(Topology.Database::name)
                .filter(name -> !name.isBlank())
                .orElse(
                        switch (kind) {
                            case "CHAT" -> "mgc";
                            case "COMPLIANCE" -> "mgccomp";
                            default -> kind;
                        });
    }

    private static Optional<String> copyInstance(Topology topology, String pool, String kind, String role) {
        return database(topology, pool, kind)
                .map(database -> switch (role) {
                    case "primary" -> database.primary();
                    case "mirror" -> database.mirror();
                    case "witness" -> database.witness();
                    case "backup" -> database.backup();
                    case "backupMirror" -> database.backupMirror();
                    case "backupWitness" -> database.backupWitness();
                    default -> null;
                })
                .filter(instance -> !instance.isBlank());
    }

    private static Optional<Topology.Database> database(Topology topology, String pool, String kind) {
        if (topology == null) {
            return Optional.empty();
        }
        return topology.pools().stream()
                .filter(p -> pool.equals(lower(p.fqdn())))
                .findFirst()
                .flatMap(p -> p.databases().stream()
                        .filter(d -> d.kind() != null && d.kind().name().equals(kind))
                        .findFirst());
    }

    static List<Segment> segments(String path) {
        List<Segment> segments = new ArrayList<>();
        if (path == null || path.isBlank() || path.equals("$")) {
            return segments;
        }
        Matcher matcher = SEGMENT.matcher(path);
        while (matcher.find()) {
            segments.add(new Segment(matcher.group(1), matcher.group(2)));
        }
        return segments;
    }

    private static Integer index(String selector) {
        return selector.matches("\\d{1,9}") ? Integer.valueOf(selector) : null;
    }

    /** The identity of the element at {@code index} of {@code list}, or {@code null} when there is none. */
    private static <T> String identityAt(List<T> list, int index, Function<T, String> identity) {
        return at(list, index).map(identity).orElse(null);
    }

    private static <T> Optional<T> at(List<T> list, int index) {
        return index < list.size() ? Optional.ofNullable(list.get(index)) : Optional.empty();
    }

    static String lower(String fqdn) {
        return fqdn == null ? null : fqdn.toLowerCase(Locale.ROOT);
    }
}
