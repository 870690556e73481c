package org.pchatdr.portal.change.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pchatdr.portal.change.Risk;
import org.pchatdr.portal.change.RiskLevel;
import org.pchatdr.portal.topology.TopologyDiff;

/**
 * The risk of a change computed from its diff, one reason per change (issue 13): touching log
 * shipping's paths and monitor, mirroring, which servers are active or compliance is HIGH; log
 * shipping's thresholds and schedules and the recovery objectives are MEDIUM; names are LOW.
 * Anything not listed is MEDIUM: an unknown field is never assumed harmless.
 */
public final class RiskAssessor {

    private record Category(Pattern path, RiskLevel level, String code) {}

    /** Checked in order; the first that matches the change's path decides. */
    private static final List<Category> CATEGORIES = List.of(
            category(
                    "^pools\\[\\d+]\\.logShipping\\.\\w+(Every|Delay|Alert|Retention)Minutes$",
                    RiskLevel.MEDIUM,
                    "log-shipping-threshold"),
            category("^pools\\[\\d+]\\.logShipping(\\..*)?$", RiskLevel.HIGH, "log-shipping"),
            category("^pools\\[\\d+]\\.mirroring(\\..*)?$", RiskLevel.HIGH, "mirroring"),
            category("^pools\\[\\d+]\\.servers(\\[\\d+])?(\\.active)?$", RiskLevel.HIGH, "active-servers"),
            category("^pools\\[\\d+]\\.databases(\\[\\d+].*)?$", RiskLevel.HIGH, "databases"),
            category("^pools\\[\\d+]\\.objectives(\\..*)?$", RiskLevel.MEDIUM, "objectives"),
            category("^name$", RiskLevel.LOW, "name"),
            category("^sites\\[\\d+]\\.name$", RiskLevel.LOW, "name"));

    private RiskAssessor() {}

    private static Category category(String regex, RiskLevel level, String code) {
        return new Category(Pattern.compile(regex), level, code);
    }

    /** The computed risk, LOW for an empty diff, and the reason of every change. */
    public static Risk assess(List<TopologyDiff.Change> diff, RiskLevel declared) {
        List<Risk.Reason> reasons = new ArrayList<>();
        RiskLevel computed = RiskLevel.LOW;
        for (TopologyDiff.Change change : diff) {
            Risk.Reason reason = reason(change);
            reasons.add(reason);
            computed = RiskLevel.max(computed, reason.level());
        }
        return new Risk(computed, declared, RiskLevel.max(computed, declared), reasons);
    }

    private static Risk.Reason reason(TopologyDiff.Change change) {
        for (Category category : CATEGORIES) {
            if (category.path().matcher(change.path()).matches()) {
                // Compliance is the database kind COMPLIANCE (mgccomp): say so rather than "databases".
                String code = category.code().equals("databases") && mentionsCompliance(change)
                        ? "compliance"
                        : category.code();
                return new Risk.Reason(category.level(), code, change.path());
            }
        }
        return new Risk.Reason(RiskLevel.MEDIUM, "other", change.path());
    }

    private static boolean mentionsCompliance(TopologyDiff.Change change) {
        return (change.before() != null && change.before().contains("COMPLIANCE"))
                || (change.after() != null && change.after().contains("COMPLIANCE"));
    }

    /** Reasons as stored: one {@code level|code|path} line each. */
    public static String write(List<Risk.Reason> reasons) {
        StringBuilder text = new StringBuilder();
        for (Risk.Reason reason : reasons) {
            text.append(reason.level())
                    .append('|')
                    .append(reason.code())
                    .append('|')
                    .append(reason.path())
                    .append('\n');
        }
        return text.toString();
    }

    public static List<Risk.Reason> read(String text) {
        List<Risk.Reason> reasons = new ArrayList<>();
        if (text == null) {
            return reasons;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\\|", 3);
            if (parts.length == 3) {
                reasons.add(new Risk.Reason(RiskLevel.valueOf(parts[0]), parts[1], parts[2]));
            }
        }
        return reasons;
    }
}
