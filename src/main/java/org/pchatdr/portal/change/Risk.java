package org.pchatdr.portal.change;

import java.util.List;

/**
 * The risk of a change: computed from its diff (with one reason per change that raised it),
 * declared by the requester, and the effective one that selects the approval policy.
 */
public record Risk(RiskLevel computed, RiskLevel declared, RiskLevel effective, List<Reason> reasons) {

    public Risk {
        reasons = List.copyOf(reasons);
    }

    /** Why a change of the topology at {@code path} weighs {@code level}; {@code code} is translated. */
    public record Reason(RiskLevel level, String code, String path) {}
}
