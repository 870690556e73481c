package org.pchatdr.portal.base.api;

import java.util.List;
import java.util.Optional;

/**
 * An error answer chosen by the type of the failure: its HTTP status and the code of its translated
 * message. A table of them is read in order and the first type the failure is an instance of wins,
 * so a subtype is listed before its parent.
 */
public record ErrorByType(Class<? extends Throwable> type, int status, String code) {

    /** The first answer of {@code table} whose type {@code failure} is. */
    public static Optional<ErrorByType> first(List<ErrorByType> table, Throwable failure) {
        return table.stream()
                .filter(answer -> answer.type().isInstance(failure))
                .findFirst();
    }
}
