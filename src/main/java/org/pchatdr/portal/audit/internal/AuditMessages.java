package org.pchatdr.portal.audit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.base.AuditMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an {@link AuditMessage} is stored in {@code audit_record.message}: {@code {"key": …, "args":
 * [text, number, {"key": …, "args": […]}, null]}}. The stored text is what the hash covers, so it is
 * written once and only read back.
 */
public final class AuditMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditMessages() {}

    public static String write(AuditMessage message) {
        return message == null ? null : JSON.writeValueAsString(tree(message));
    }

    public static AuditMessage read(String stored) {
        return stored == null ? null : message(JSON.readValue(stored, Map.class));
    }

    private static Map<String, Object> tree(AuditMessage message) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("key", message.key());
        List<Object> arguments = new ArrayList<>();
        for (Object argument : message.arguments()) {
            arguments.add(argument instanceof AuditMessage nested ? tree(nested) : argument);
        }
        tree.put("args", arguments);
        return tree;
    }

    private static AuditMessage message(Map<?, ?> tree) {
        List<Object> arguments = new ArrayList<>();
        if (tree.get("args") instanceof List<?> stored) {
            for (Object argument : stored) {
                arguments.add(argument instanceof Map<?, ?> nested ? message(nested) : argument);
            }
        }
        return new AuditMessage((String) tree.get("key"), arguments);
    }
}
