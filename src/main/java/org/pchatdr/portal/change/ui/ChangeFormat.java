package org.pchatdr.portal.change.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import org.pchatdr.portal.change.ChangeState;

/** How change pages write times and read the address. */
final class ChangeFormat {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ChangeFormat() {}

    static String time(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    static Optional<ChangeState> state(String name) {
        return Arrays.stream(ChangeState.values())
                .filter(state -> state.name().equals(name))
                .findFirst();
    }
}
