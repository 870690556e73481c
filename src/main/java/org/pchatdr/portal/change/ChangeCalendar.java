package org.pchatdr.portal.change;

import java.time.Instant;
import java.util.List;

/** Maintenance windows (allow) and freezes (deny), as the calendar and the API show them. */
public final class ChangeCalendar {

    private ChangeCalendar() {}

    /** Changes of {@code pool} may be implemented inside this window. */
    public record MaintenanceWindow(
            long id, String pool, Instant start, Instant end, String reason, String createdBy) {}

    /** No change of {@code pools} (every pool when empty) may be implemented in this time. */
    public record Freeze(long id, Instant start, Instant end, String reason, List<String> pools, String createdBy) {

        public Freeze {
            pools = List.copyOf(pools);
        }

        public boolean covers(String pool) {
            return pools.isEmpty() || pools.stream().anyMatch(candidate -> candidate.equalsIgnoreCase(pool));
        }

        public boolean overlaps(Instant from, Instant to) {
            return start.isBefore(to) && from.isBefore(end);
        }
    }
}
