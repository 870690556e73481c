package org.pchatdr.portal.change;

/** How a change is approved. */
public enum ChangeType {
    /** Approved before implementation by the policy of its effective risk. */
    NORMAL,
    /** Implemented after one approval, ratified afterwards by the policy's approvers. */
    EMERGENCY,
    /** From a pre-approved template: needs no further approval while its diff stays inside it. */
    STANDARD
}
