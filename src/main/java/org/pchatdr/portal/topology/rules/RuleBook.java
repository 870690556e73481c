package org.pchatdr.portal.topology.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pchatdr.portal.topology.CheckPhase;
import org.pchatdr.portal.topology.Topology;
import org.pchatdr.portal.topology.TopologyElements;
import org.pchatdr.portal.topology.Violation;

/**
 * Every rule, in the order of the domain reference, and the order of their findings. Public only so
 * that {@code topology.TopologyRules} can call it; the rule classes stay package-private.
 */
public final class RuleBook {

    private static final List<TopologyRule> RULES = List.of(
            new ServerCountRule(),
            new ActiveServerRule(),
            new TwoSitesRule(),
            new SingleServerPoolRule(),
            new SiteLinkLayoutRule(),
            new ActiveServerPlacementRule(),
            new TimeZoneRule(),
            new DatabasePlacementRule(),
            new SqlVersionRule(),
            new InstanceRolesRule(),
            new MirroringPortRule(),
            new AvailabilityGroupRule(),
            new CapacityRule(),
            new ComplianceDatabaseRule(),
            new LogShippingRule(),
            new FileStoreRule(),
            new SharedPoolRule(),
            new RecoveryPointRule(),
            new MonitorServerRule());

    private static final List<String> RULE_IDS =
            RULES.stream().map(TopologyRule::id).toList();
    private static final Pattern POOL = Pattern.compile("^pools\\[(\\d+)]");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** Document-level findings first, then pool by pool; by rule, then by path. */
    private static final Comparator<Violation> ORDER = Comparator.comparingInt(RuleBook::poolIndex)
            .thenComparingInt(violation -> RULE_IDS.indexOf(violation.ruleId()))
            .thenComparing(violation -> sortablePath(violation.path()));

    private RuleBook() {}

    public static List<Violation> check(Topology topology, CheckPhase phase, Map<String, String> poolsElsewhere) {
        List<Violation> violations = new ArrayList<>();
        for (TopologyRule rule : RULES) {
            for (Violation violation : rule.check(topology, phase, poolsElsewhere)) {
                // A rule names its element as a path (indexes); the result carries its stable key.
                violations.add(violation.concerning(TopologyElements.key(topology, violation.element())));
            }
        }
        // Stable: findings of one rule on one path keep the order the rule gave them.
        return violations.stream().distinct().sorted(ORDER).toList();
    }

    static List<TopologyRule> rules() {
        return RULES;
    }

    private static int poolIndex(Violation violation) {
        Matcher matcher = POOL.matcher(violation.path());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** {@code servers[10]} after {@code servers[9]}: indexes padded to compare as numbers. */
    private static String sortablePath(String path) {
        return INDEX.matcher(path)
                .replaceAll(match ->
                        "[" + "0".repeat(Math.max(0, 10 - match.group(1).length())) + match.group(1) + "]");
    }
}
