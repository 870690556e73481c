package org.pchatdr.portal.run;

/** Why a run is made; the approval policy is chosen per kind ({@code run:DISASTER} …). */
public enum RunKind {
    CONFIGURATION,
    DRILL,
    PLANNED,
    DISASTER;

    /** The approval kind of runs of this kind. */
    public String approvalKind() {
        return "run:" + name();
    }
}
