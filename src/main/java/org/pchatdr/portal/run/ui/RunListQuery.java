package org.pchatdr.portal.run.ui;

import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.base.ui.QueryValues;
import org.pchatdr.portal.run.RunFilter;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunState;

/**
 * The filters of the runs list as its address carries them, so that a filtered list can be
 * bookmarked and shared: {@code pool}, {@code kind}, {@code state}, {@code requester}, {@code from}
 * and {@code to} (ISO dates, UTC days, both included). A value that makes no sense is dropped.
 */
record RunListQuery(String pool, RunKind kind, RunState state, String requester, LocalDate from, LocalDate to) {

    static RunListQuery of(QueryParameters parameters) {
        return new RunListQuery(
                QueryValues.value(parameters, "pool").orElse(null),
                QueryValues.value(parameters, "kind", RunKind::valueOf).orElse(null),
                QueryValues.value(parameters, "state", RunState::valueOf).orElse(null),
                QueryValues.value(parameters, "requester").orElse(null),
                QueryValues.value(parameters, "from", LocalDate::parse).orElse(null),
                QueryValues.value(parameters, "to", LocalDate::parse).orElse(null));
    }

    QueryParameters parameters() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        put(values, "pool", pool);
        put(values, "kind", kind == null ? null : kind.name());
        put(values, "state", state == null ? null : state.name());
        put(values, "requester", requester);
        put(values, "from", from == null ? null : from.toString());
        put(values, "to", to == null ? null : to.toString());
        return new QueryParameters(values);
    }

    /** The days are UTC days; {@code to} includes its whole day. */
    RunFilter filter() {
        return new RunFilter(pool, kind, state, requester, startOf(from), to == null ? null : startOf(to.plusDays(1)));
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void put(Map<String, List<String>> values, String name, String value) {
        if (value != null) {
            values.put(name, List.of(value));
        }
    }
}
