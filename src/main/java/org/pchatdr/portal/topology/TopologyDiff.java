package org.pchatdr.portal.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.pchatdr.portal.topology.format.Json;
import org.pchatdr.portal.topology.format.Json.JArray;
import org.pchatdr.portal.topology.format.Json.JObject;
import org.pchatdr.portal.topology.format.Json.JString;
import org.pchatdr.portal.topology.format.JsonText;
import org.pchatdr.portal.topology.format.Paths;
import org.pchatdr.portal.topology.format.TopologyTree;

/**
 * What changed between two versions of a topology, computed on the documents {@link
 * TopologyFormat#write(Topology)} makes. Sites, SQL instances, pools, servers and databases are
 * matched by identity (id, FQDN, kind), not by position, so removing the first server shows one
 * removal rather than a change of every server after it.
 */
public final class TopologyDiff {

    /**
     * One difference at {@code path}; {@code before} and {@code after} are JSON text ({@code "PCHAT"},
     * {@code 1433}, {@code true}, {@code null}, or a whole object). {@code before} is null for
     * something added, {@code after} for something removed. Paths of elements present in both
     * versions use their index in {@code after}; removed elements their index in {@code before}.
     */
    public record Change(String path, String before, String after, String element) {

        /** {@code element} is the change's key ({@link TopologyElements}): list indexes replaced by identities. */
        public Change {
            if (element == null) {
                element = path;
            }
        }

        public Change(String path, String before, String after) {
            this(path, before, after, null);
        }
    }

    /** The field that identifies the elements of each list of the format. */
    private static final Map<String, String> IDENTITY =
            Map.of("sites", "id", "sqlInstances", "id", "pools", "fqdn", "servers", "fqdn", "databases", "kind");

    private static final List<String> LABEL_FIELDS = List.of("id", "fqdn", "kind");

    private TopologyDiff() {}

    public static List<Change> between(Topology before, Topology after) {
        List<Change> changes = new ArrayList<>();
        compare(TopologyTree.of(before), TopologyTree.of(after), Paths.ROOT, Paths.ROOT, null, changes);
        return List.copyOf(changes);
    }

    private static void compare(
            Json before, Json after, String path, String element, String key, List<Change> changes) {
        if (before.equals(after)) {
            return;
        }
        if (before instanceof JObject old && after instanceof JObject now) {
            for (Map.Entry<String, Json> field : now.fields().entrySet()) {
                String fieldPath = Paths.field(path, field.getKey());
                String fieldElement = Paths.field(element, field.getKey());
                Json previous = old.get(field.getKey());
                if (previous == null) {
                    changes.add(new Change(fieldPath, null, JsonText.compact(field.getValue()), fieldElement));
                } else {
                    compare(previous, field.getValue(), fieldPath, fieldElement, field.getKey(), changes);
                }
            }
            for (Map.Entry<String, Json> field : old.fields().entrySet()) {
                if (!now.fields().containsKey(field.getKey())) {
                    changes.add(new Change(
                            Paths.field(path, field.getKey()),
                            JsonText.compact(field.getValue()),
                            null,
                            Paths.field(element, field.getKey())));
                }
            }
        } else if (before instanceof JArray old && after instanceof JArray now) {
            list(old.items(), now.items(), path, element, key == null ? null : IDENTITY.get(key), changes);
        } else {
            changes.add(new Change(path, JsonText.compact(before), JsonText.compact(after), element));
        }
    }

    private static void list(
            List<Json> before, List<Json> after, String path, String element, String idField, List<Change> changes) {
        List<String> beforeIds = identities(before, idField);
        List<String> afterIds = identities(after, idField);
        boolean[] taken = new boolean[before.size()];
        int[] match = new int[after.size()];
        Arrays.fill(match, -1);
        for (int index = 0; index < after.size(); index++) {
            String id = afterIds.get(index);
            for (int candidate = 0; id != null && candidate < before.size(); candidate++) {
                if (!taken[candidate] && id.equals(beforeIds.get(candidate))) {
                    taken[candidate] = true;
                    match[index] = candidate;
                    break;
                }
            }
        }
        for (int index = 0; index < before.size(); index++) {
            if (!taken[index]) {
                changes.add(new Change(
                        Paths.index(path, index),
                        JsonText.compact(before.get(index)),
                        null,
                        itemElement(element, beforeIds, index)));
            }
        }
        int[] kept = Arrays.stream(match).filter(index -> index >= 0).toArray();
        if (idField != null && !IntStream.range(1, kept.length).allMatch(i -> kept[i - 1] < kept[i])) {
            String oldOrder = Arrays.stream(kept)
                    .sorted()
                    .mapToObj(index -> label(before.get(index), idField))
                    .collect(Collectors.joining(", "));
            String newOrder = Arrays.stream(kept)
                    .mapToObj(index -> label(before.get(index), idField))
                    .collect(Collectors.joining(", "));
            changes.add(new Change(path, oldOrder, newOrder, element));
        }
        for (int index = 0; index < after.size(); index++) {
            String itemPath = Paths.index(path, index);
            String item = itemElement(element, afterIds, index);
            if (match[index] >= 0) {
                compare(before.get(match[index]), after.get(index), itemPath, item, null, changes);
            } else {
                changes.add(new Change(itemPath, null, JsonText.compact(after.get(index)), item));
            }
        }
    }

    /** The key of a list element: its identity, its position when it has none. */
    private static String itemElement(String list, List<String> ids, int index) {
        String id = ids.get(index);
        return list + "[" + (id == null || id.startsWith("#") ? "#" + index : id) + "]";
    }

    /**
     * The identity of each element; by position when the list has no identity field, and never
     * matching when an element lacks it.
     */
    private static List<String> identities(List<Json> items, String idField) {
        List<String> ids = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            if (idField == null) {
                ids.add("#" + index);
            } else if (items.get(index) instanceof JObject object && object.get(idField) instanceof JString id) {
                ids.add(idField.equals("fqdn") ? id.value().toLowerCase(Locale.ROOT) : id.value());
            } else {
                ids.add(null);
            }
        }
        return ids;
    }

    private static String label(Json item, String idField) {
        return item instanceof JObject object && object.get(idField) instanceof JString id
                ? HostileText.excerpt(id.value())
                : "?";
    }

    /**
     * One line per change: {@code pools[0].servers[2].active: true → false}, {@code + sqlInstances[5]
     * (lyo-sql-3)}, {@code - pools[0].servers[7] (pc14.contoso.local)}.
     */
    public static String describe(List<Change> changes) {
        return changes.stream().map(TopologyDiff::line).collect(Collectors.joining("\n"));
    }

    /**
     * One line per change for people, in their language: the element named ("server
     * pc03.contoso.local: true → false"), not its path. {@code topology} resolves the instance of a
     * database copy; it may be {@code null}.
     */
    public static String describe(List<Change> changes, Topology topology, TopologyElements.Texts texts) {
        return changes.stream().map(change -> line(change, topology, texts)).collect(Collectors.joining("\n"));
    }

    /** One change for people: a whole element added or removed is named, a value shown before and after. */
    public static String line(Change change, Topology topology, TopologyElements.Texts texts) {
        String element = TopologyElements.describeWithField(change.element(), topology, texts);
        if (change.before() == null || change.after() == null) {
            String value = change.before() == null ? change.after() : change.before();
            String prefix = change.before() == null ? "diff.added" : "diff.removed";
            return JsonText.parse(value).root() instanceof JObject
                    ? texts.text(prefix + "-element", element)
                    : texts.text(prefix, element, shown(value));
        }
        return texts.text("diff.changed", element, shown(change.before()), shown(change.after()));
    }

    /** A value as people read it: text without its JSON quotes, a whole object by its identity. */
    public static String shown(String json) {
        if (json == null) {
            return "";
        }
        Json value = JsonText.parse(json).root();
        if (value instanceof JObject) {
            String label = added(json);
            return label.isEmpty() ? "{…}" : label.substring(2, label.length() - 1);
        }
        return value instanceof JString text ? HostileText.excerpt(text.value()) : json;
    }

    private static String line(Change change) {
        if (change.before() == null) {
            return "+ " + change.path() + added(change.after());
        }
        if (change.after() == null) {
            return "- " + change.path() + added(change.before());
        }
        return change.path() + ": " + change.before() + " → " + change.after();
    }

    /** {@code (id)} for an element of a list, {@code : value} for anything else. */
    private static String added(String json) {
        Json value = JsonText.parse(json).root();
        if (value instanceof JObject object) {
            for (String field : LABEL_FIELDS) {
                if (object.get(field) instanceof JString id) {
                    return " (" + HostileText.excerpt(id.value()) + ")";
                }
            }
            return "";
        }
        return ": " + json;
    }
}
