package org.pchatdr.portal.review;

import org.pchatdr.portal.base.AuditableEvent;

/** An evidence pack generated or downloaded, for the audit trail. */
public record EvidenceEvent(String actor, Action transition, String subject, String details) implements AuditableEvent {

    public enum Action {
        EVIDENCE_GENERATED,
        EVIDENCE_DOWNLOADED
    }

    @Override
    public String action() {
        return transition.name();
    }

    @Override
    public String target() {
        return subject;
    }
}
