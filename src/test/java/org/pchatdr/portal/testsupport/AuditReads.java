package org.pchatdr.portal.testsupport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditPage;
import org.pchatdr.portal.audit.AuditQuery;
import org.pchatdr.portal.audit.AuditService;

/**
 * Tests read the audit trail as the grid and the API do (issue 14): through the keyset query, never
 * an OFFSET. A page whose filter is checked row by row may be short and still name a next one
 * (decision 020), so these follow the cursor until they hold {@code limit} records or the trail ends.
 */
public final class AuditReads {

    private AuditReads() {}

    /** The newest {@code limit} records matching {@code query}, newest first. */
    public static List<AuditEntry> newest(AuditService audit, AuditQuery query, int limit) {
        List<AuditEntry> found = new ArrayList<>();
        Long after = null;
        do {
            AuditPage page = audit.page(query, after, limit - found.size());
            found.addAll(page.events());
            after = page.next();
        } while (after != null && found.size() < limit);
        return found;
    }

    /** The newest {@code limit} records, whatever they are. */
    public static List<AuditEntry> newest(AuditService audit, int limit) {
        return newest(audit, AuditQuery.none(), limit);
    }

    /** The newest {@code limit} records of {@code action}. */
    public static List<AuditEntry> ofAction(AuditService audit, String action, int limit) {
        return newest(audit, new AuditQuery(null, action, null, null, null, null, null), limit);
    }

    /**
     * The newest {@code limit} records by or about {@code user} (its actor or its target), of
     * {@code action} when not {@code null}: an account's own history, as the security tests read it.
     */
    public static List<AuditEntry> byOrAbout(AuditService audit, String user, String action, int limit) {
        Map<Long, AuditEntry> both = new LinkedHashMap<>();
        newest(audit, new AuditQuery(user, action, null, null, null, null, null), limit)
                .forEach(entry -> both.put(entry.seq(), entry));
        newest(audit, new AuditQuery(null, action, user, null, null, null, null), limit)
                .forEach(entry -> both.put(entry.seq(), entry));
        return both.values().stream()
                .sorted(Comparator.comparingLong(AuditEntry::seq).reversed())
                .limit(limit)
                .toList();
    }
}
