package org.pchatdr.portal.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pchatdr.portal.base.TypedText;

/**
 * A filter of the audit trail, the same for the grid, the REST API and the exports (issue 14): who
 * acted, the action code, the exact target, a subject ({@code run 12} matches {@code run 12} and
 * {@code run 12 (pool…)}), a time window ({@code to} excluded) and words in the actor, target or
 * details ({@code q}, case-insensitive). Blank values filter nothing.
 */
public record AuditQuery(
        String actor, String action, String target, String subject, Instant from, Instant to, String q) {

    public AuditQuery {
        actor = TypedText.blankToNull(actor);
        action = TypedText.blankToNull(action);
        target = TypedText.blankToNull(target);
        subject = TypedText.blankToNull(subject);
        q = TypedText.blankToNull(q);
    }

    public static AuditQuery none() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }

    /** The filter's values that are set, by their REST names, as the export's manifest states it. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, "actor", actor);
        put(map, "action", action);
        put(map, "target", target);
        put(map, "subject", subject);
        put(map, "from", from == null ? null : from.toString());
        put(map, "to", to == null ? null : to.toString());
        put(map, "q", q);
        return map;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
