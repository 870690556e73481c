package org.pchatdr.portal.topology.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pchatdr.portal.topology.CopyRole;
import org.pchatdr.portal.topology.Severity;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.Topology.Database;
import org.pchatdr.portal.topology.Topology.Pool;
import org.pchatdr.portal.topology.Violation;

/**
 * Sorts violations onto the drawn elements their path points at. A violation that points at nothing
 * drawn is kept for the list under the diagram; one that belongs to another pool is dropped, and so
 * are INFO findings, which the diagram does not mark.
 */
final class Findings {

    static final String NEXT_HOP = "note:next-hop";
    static final String FILE_STORE = "note:file-store";
    static final String MIRRORING = "connection:mirroring";
    static final String WITNESS = "connection:witness";
    static final String LOG_SHIPPING = "connection:log-shipping";

    private static final String REST = "([.\\[].*)?";
    private static final Pattern POOL = Pattern.compile("pools\\[(\\d+)](.*)");
    private static final Pattern SERVER = Pattern.compile("\\.servers\\[(\\d+)]" + REST);
    private static final Pattern COPY = Pattern.compile("\\.databases\\[(\\d+)]\\.([A-Za-z]+)" + REST);
    private static final Pattern DATABASE = Pattern.compile("\\.databases\\[(\\d+)]" + REST);
    private static final Pattern POOL_FIELD = Pattern.compile("\\.([A-Za-z]+)" + REST);
    private static final Pattern INSTANCE = Pattern.compile("sqlInstances\\[(\\d+)]" + REST);
    private static final Pattern SITE = Pattern.compile("sites\\[(\\d+)]" + REST);

    private final Map<String, List<Violation>> byTarget = new LinkedHashMap<>();
    private final List<Violation> unplaced = new ArrayList<>();

    private Findings() {}

    static String server(int index) {
        return "server:" + index;
    }

    static String copy(int database, CopyRole role) {
        return "copy:" + database + ":" + role.slug();
    }

    static String site(String id) {
        return "site:" + id;
    }

    /**
     * @param drawn the targets the diagram draws, as built by the static methods and constants here
     */
    static Findings of(Topology topology, int poolIndex, List<Violation> violations, Set<String> drawn) {
        Findings findings = new Findings();
        Pool pool = topology.pools().get(poolIndex);
        for (Violation violation : violations) {
            if (violation == null || violation.severity() == Severity.INFO) {
                continue;
            }
            String path = normalise(violation.path());
            if (elsewhere(topology, poolIndex, path)) {
                continue;
            }
            List<String> targets = targets(topology, pool, poolIndex, path).stream()
                    .filter(drawn::contains)
                    .toList();
            if (targets.isEmpty()) {
                findings.unplaced.add(violation);
            } else {
                targets.forEach(target -> findings.byTarget
                        .computeIfAbsent(target, key -> new ArrayList<>())
                        .add(violation));
            }
        }
        return findings;
    }

    List<Violation> on(String target) {
        return byTarget.getOrDefault(target, List.of());
    }

    List<Violation> unplaced() {
        return unplaced;
    }

    private static String normalise(String path) {
        if (path == null) {
            return "";
        }
        String trimmed = path.strip();
        return trimmed.startsWith("$.") ? trimmed.substring(2) : trimmed;
    }

    /** Whether the path points into another pool, or at an instance only another pool uses. */
    private static boolean elsewhere(Topology topology, int poolIndex, String path) {
        Matcher pool = POOL.matcher(path);
        if (pool.matches()) {
            return index(pool.group(1)) != poolIndex;
        }
        Matcher instance = INSTANCE.matcher(path);
        if (instance.matches()) {
            int index = index(instance.group(1));
            if (index >= topology.sqlInstances().size()) {
                return false;
            }
            String id = topology.sqlInstances().get(index).id();
            boolean ours = uses(topology.pools().get(poolIndex), id);
            boolean others = false;
            for (int i = 0; i < topology.pools().size(); i++) {
                others |= i != poolIndex && uses(topology.pools().get(i), id);
            }
            return !ours && others;
        }
        return false;
    }

    private static boolean uses(Pool pool, String instanceId) {
        for (Database database : pool.databases()) {
            for (CopyRole role : CopyRole.values()) {
                if (Objects.equals(role.instanceOf(database), instanceId)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> targets(Topology topology, Pool pool, int poolIndex, String path) {
        Matcher matcher = POOL.matcher(path);
        if (matcher.matches()) {
            return poolTargets(pool, matcher.group(2));
        }
        matcher = INSTANCE.matcher(path);
        if (matcher.matches()) {
            int index = index(matcher.group(1));
            if (index >= topology.sqlInstances().size()) {
                return List.of();
            }
            String id = topology.sqlInstances().get(index).id();
            List<String> targets = new ArrayList<>();
            for (int d = 0; d < pool.databases().size(); d++) {
                for (CopyRole role : CopyRole.values()) {
                    if (Objects.equals(role.instanceOf(pool.databases().get(d)), id)) {
                        targets.add(copy(d, role));
                    }
                }
            }
            return targets;
        }
        matcher = SITE.matcher(path);
        if (matcher.matches()) {
            int index = index(matcher.group(1));
            return index < topology.sites().size()
                    ? List.of(site(topology.sites().get(index).id()))
                    : List.of();
        }
        return List.of();
    }

    private static List<String> poolTargets(Pool pool, String rest) {
        Matcher matcher = SERVER.matcher(rest);
        if (matcher.matches()) {
            return List.of(server(index(matcher.group(1))));
        }
        matcher = COPY.matcher(rest);
        if (matcher.matches()) {
            int database = index(matcher.group(1));
            var role = CopyRole.ofField(matcher.group(2));
            if (role.isPresent()) {
                return List.of(copy(database, role.get()));
            }
        }
        matcher = DATABASE.matcher(rest);
        if (matcher.matches()) {
            int database = index(matcher.group(1));
            List<String> targets = new ArrayList<>();
            for (CopyRole role : CopyRole.values()) {
                targets.add(copy(database, role));
            }
            return targets;
        }
        matcher = POOL_FIELD.matcher(rest);
        if (!matcher.matches()) {
            return List.of();
        }
        String detail = matcher.group(2) == null ? "" : matcher.group(2);
        return switch (matcher.group(1)) {
            case "primarySite" -> List.of(site(pool.primarySite()));
            case "secondarySite" -> List.of(site(pool.secondarySite()));
            case "nextHopPool" -> List.of(NEXT_HOP);
            case "fileStore" -> List.of(FILE_STORE);
            case "logShipping" -> List.of(LOG_SHIPPING);
            case "mirroring" -> List.of(detail.equals(".witnessPort") ? WITNESS : MIRRORING);
            default -> List.of();
        };
    }

    /** An index too large for an int cannot point at anything. */
    private static int index(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
