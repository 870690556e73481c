package org.pchatdr.portal.procedure.ui;

import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pchatdr.portal.base.ui.QueryValues;

/**
 * The choices of a procedure page as its address carries them, so that a page can be bookmarked,
 * printed and shared: {@code pool}, {@code procedure}, {@code variant}, {@code version} (absent:
 * the published version) and {@code group=site}. Values are kept as typed; the page checks them.
 */
record ProcedureQuery(String pool, String procedure, String variant, String version, boolean groupBySite) {

    static final String GROUP_BY_SITE = "site";

    static ProcedureQuery of(QueryParameters parameters) {
        return new ProcedureQuery(
                QueryValues.value(parameters, "pool").orElse(null),
                QueryValues.value(parameters, "procedure").orElse(null),
                QueryValues.value(parameters, "variant").orElse(null),
                QueryValues.value(parameters, "version").orElse(null),
                GROUP_BY_SITE.equals(QueryValues.value(parameters, "group").orElse(null)));
    }

    QueryParameters parameters() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        put(values, "pool", pool);
        put(values, "procedure", procedure);
        put(values, "variant", variant);
        put(values, "version", version);
        if (groupBySite) {
            values.put("group", List.of(GROUP_BY_SITE));
        }
        return new QueryParameters(values);
    }

    ProcedureQuery withPool(String value) {
        return new ProcedureQuery(value, procedure, variant, version, groupBySite);
    }

    /** Another procedure starts with its default variant. */
    ProcedureQuery withProcedure(String value) {
        return new ProcedureQuery(pool, value, null, version, groupBySite);
    }

    ProcedureQuery withVariant(String value) {
        return new ProcedureQuery(pool, procedure, value, version, groupBySite);
    }

    ProcedureQuery withVersion(int value) {
        return new ProcedureQuery(pool, procedure, variant, Integer.toString(value), groupBySite);
    }

    ProcedureQuery withGroupBySite(boolean value) {
        return new ProcedureQuery(pool, procedure, variant, version, value);
    }

    private static void put(Map<String, List<String>> values, String name, String value) {
        if (value != null) {
            values.put(name, List.of(value));
        }
    }
}
