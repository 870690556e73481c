package org.pchatdr.portal.change;

/** Risk of a change, lowest first: the effective risk is the higher of computed and declared. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH;

    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
