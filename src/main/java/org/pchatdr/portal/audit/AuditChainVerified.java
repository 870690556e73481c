package org.pchatdr.portal.audit;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/** Someone checked the chain; the check itself is on the trail, with its result. */
record AuditChainVerified(String actor, ChainVerification result) implements AuditableEvent {

    static final String ACTION = "AUDIT_CHAIN_VERIFIED";
    private static final String INTACT = "intact";

    /**
     * Whether the details of a check stored on the trail say the chain was intact: their English
     * text starts with "intact," (audit.details.AUDIT_CHAIN_VERIFIED.intact), before and since
     * issue 12.
     */
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
    public AuditMessage message() {
        return result.isIntact()
                ? AuditMessage.of("audit.details.AUDIT_CHAIN_VERIFIED.intact", result.recordsChecked())
                : AuditMessage.of("audit.verify.broken." + result.problem(), result.firstBadSeq());
    }
}
