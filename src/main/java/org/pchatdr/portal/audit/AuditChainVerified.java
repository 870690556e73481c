package org.pchatdr.portal.audit;

import org.pchatdr.portal.base.AuditableEvent;

/** Someone checked the chain; the check itself is on the trail, with its result. */
record AuditChainVerified(String actor, ChainVerification result) implements AuditableEvent {

    @Override
    public String action() {
        return "AUDIT_CHAIN_VERIFIED";
    }

    @Override
    public String target() {
        return null;
    }

    @Override
    public String details() {
        return result.isIntact()
                ? "intact, " + result.recordsChecked() + " records"
                : result.problem() + " at record " + result.firstBadSeq();
    }
}
