package org.pchatdr.portal.change.ui;

import java.time.Instant;
import org.pchatdr.portal.base.PortalTime;

/** How change pages write times and read the address. */
final class ChangeFormat {

    private ChangeFormat() {}

    static String time(Instant instant) {
        return PortalTime.formatToTheMinute(instant);
    }
}
