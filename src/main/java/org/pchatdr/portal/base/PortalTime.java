package org.pchatdr.portal.base;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way the portal writes a moment, on every page, in messages and notifications, in both
 * languages: ISO date, 24-hour time to the second, and the zone it is in, always UTC, since an
 * operator in Paris and an approver in Montreal must read the same figure during a failover (issue
 * 12). No fractions of a second: nobody acts on them.
 */
public final class PortalTime {

    /** The pattern, for those who show it as a hint. */
    public static final String PATTERN = "yyyy-MM-dd HH:mm:ss 'UTC'";

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern(PATTERN, Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter TO_THE_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private PortalTime() {}

    /** The moment as the portal writes it; nothing for a moment that has not come (a run not ended). */
    public static String format(Instant at) {
        return at == null ? "" : FORMAT.format(at);
    }

    /** The same, without the seconds, for summary lines (home cards, change windows). */
    public static String formatToTheMinute(Instant at) {
        return at == null ? "" : TO_THE_MINUTE.format(at);
    }
}
