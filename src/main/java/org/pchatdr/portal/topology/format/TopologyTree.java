package org.pchatdr.portal.topology.format;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.SqlVersion;
import org.pchatdr.portal.topology.format.Json.JArray;
import org.pchatdr.portal.topology.format.Json.JBoolean;
import org.pchatdr.portal.topology.format.Json.JNull;
import org.pchatdr.portal.topology.format.Json.JNumber;
import org.pchatdr.portal.topology.format.Json.JObject;

/**
 * A topology as the JSON tree of its document. The records of {@link Topology} declare their
 * components in the order of the published sample, under the format's field names, so the tree is
 * written from the components: a format field is a record component and nothing else.
 */
public final class TopologyTree {

    /** Objects written on one line, as in the sample: short, and one per line in a list. */
    public static final Set<String> INLINE = Set.of("sites", "sqlInstances", "servers", "nextHopPool", "objectives");

    /** Optional fields the document leaves out rather than writing {@code null}. */
    private static final Set<String> LEFT_OUT_WHEN_NULL = Set.of("availabilityGroup");

    /**
     * Each record type's components, looked up once: {@code getRecordComponents} makes new accessor
     * methods on every call, and a new method pays for its reflective invoker again on first use.
     */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private TopologyTree() {}

    public static JObject of(Topology topology) {
        Map<String, Json> root = new LinkedHashMap<>();
        root.put("format", Json.string(Topology.FORMAT));
        root.putAll(object(topology).fields());
        return new JObject(root);
    }

    private static JObject object(Record value) {
        Map<String, Json> fields = new LinkedHashMap<>();
        for (RecordComponent component : COMPONENTS.get(value.getClass())) {
            Object field = read(component, value);
            if (field != null || !LEFT_OUT_WHEN_NULL.contains(component.getName())) {
                fields.put(component.getName(), json(field));
            }
        }
        return new JObject(fields);
    }

    private static Json json(Object value) {
        return switch (value) {
            case null -> JNull.INSTANCE;
            case String text -> Json.string(text);
            case Integer number -> JNumber.of(number);
            case Boolean bool -> new JBoolean(bool);
            case SqlVersion version -> Json.string(version.label());
            case Enum<?> constant -> Json.string(constant.name());
            case List<?> items ->
                new JArray(items.stream().map(TopologyTree::json).toList());
            case Record nested -> object(nested);
            default -> throw new IllegalArgumentException("Not a topology value: " + value.getClass());
        };
    }

    private static Object read(RecordComponent component, Record value) {
        try {
            return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }
}
