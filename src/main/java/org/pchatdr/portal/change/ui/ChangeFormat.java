package org.pchatdr.portal.change.ui;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.pchatdr.portal.base.PortalTime;
import org.pchatdr.portal.change.ChangeState;

/** How change pages write times and read the address. */
final class ChangeFormat {

    private ChangeFormat() {}

    static String time(Instant instant) {
        return PortalTime.formatToTheMinute(instant);
    }

    static Optional<ChangeState> state(String name) {
        return Arrays.stream(ChangeState.values())
                .filter(state -> state.name().equals(name))
                .findFirst();
    }
}
