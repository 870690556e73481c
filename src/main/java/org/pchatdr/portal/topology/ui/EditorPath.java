package org.pchatdr.portal.topology.ui;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in the editor a path of the format ({@code pools[0].servers[2].active}) points: the tab, the
 * pool, the row of a list and the field. The one place that reads paths; the editor turns a location
 * into a component.
 */
record EditorPath(Section section, int pool, String list, int item, String field) {

    enum Section {
        GENERAL,
        SITES,
        SQL_INSTANCES,
        POOLS
    }

    /** Nothing in a list or no field: {@code -1} and {@code ""}. */
    static final int NONE = -1;

    private static final Pattern TOP_LIST = Pattern.compile("(sites|sqlInstances)\\[(\\d+)](?:\\.(.+))?");
    private static final Pattern POOL = Pattern.compile("pools\\[(\\d+)](?:\\.(.+))?");
    private static final Pattern POOL_LIST = Pattern.compile("(servers|databases)\\[(\\d+)](?:\\.(.+))?");

    static Optional<EditorPath> of(String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (path.equals("name") || path.equals("$")) {
            return Optional.of(new EditorPath(Section.GENERAL, NONE, "", NONE, path.equals("name") ? "name" : ""));
        }
        if (path.equals("sites") || path.equals("sqlInstances")) {
            return Optional.of(new EditorPath(section(path), NONE, path, NONE, ""));
        }
        Matcher top = TOP_LIST.matcher(path);
        if (top.matches()) {
            return Optional.of(new EditorPath(
                    section(top.group(1)), NONE, top.group(1), Integer.parseInt(top.group(2)), orEmpty(top.group(3))));
        }
        if (path.equals("pools")) {
            return Optional.of(new EditorPath(Section.POOLS, NONE, "", NONE, ""));
        }
        Matcher pool = POOL.matcher(path);
        if (!pool.matches()) {
            return Optional.empty();
        }
        int poolIndex = Integer.parseInt(pool.group(1));
        String rest = orEmpty(pool.group(2));
        Matcher inList = POOL_LIST.matcher(rest);
        if (inList.matches()) {
            return Optional.of(new EditorPath(
                    Section.POOLS,
                    poolIndex,
                    inList.group(1),
                    Integer.parseInt(inList.group(2)),
                    orEmpty(inList.group(3))));
        }
        return Optional.of(new EditorPath(Section.POOLS, poolIndex, "", NONE, rest));
    }

    private static Section section(String list) {
        return list.equals("sites") ? Section.SITES : Section.SQL_INSTANCES;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
