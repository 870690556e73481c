package org.pchatdr.portal.review.ui;

import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.ui.ActionNotices;

/** Times, durations and refusals as the review pages show them. */
final class ReviewFormat {

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReviewFormat() {}

    static String time(Instant instant) {
        return instant == null ? "" : UTC_TIME.format(instant);
    }

    static String duration(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }

    static String minutes(Integer minutes) {
        return minutes == null ? null : duration(minutes * 60L);
    }

    /** A refusal of the service in the reader's language. */
    static void refused(Component on, PortalException e) {
        ActionNotices.refused(on, e, 8000);
    }
}
