package org.pchatdr.portal.audit;

import org.pchatdr.portal.base.AuditableEvent;

/** Someone checked the chain; the check itself is on the trail, with its result. */
record AuditChainVerified(String actor, ChainVerification result) implements AuditableEvent {

    static final String ACTION = "AUDIT_CHAIN_VERIFIED";
    private static final String INTACT = "intact";

    /** Whether the {@link #details()} of a check stored on the trail say the chain was intact. */
    static boolean intact(String details) {
        return details != null && details.startsWith(INTACT + ",");
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public String target() {
        return null;
    }

    @Override
    public String details() {
        return result.isIntact()
                ? INTACT + ", " + result.recordsChecked() + " records"
                : result.problem() + " at record " + result.firstBadSeq();
    }
}
