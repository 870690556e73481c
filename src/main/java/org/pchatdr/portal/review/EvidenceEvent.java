package org.pchatdr.portal.review;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/**
 * An evidence pack generated or downloaded, for the audit trail: {@code message} in the reader's
 * language (issue 12), its English the stored details.
 */
public record EvidenceEvent(String actor, Action transition, String subject, String details, AuditMessage message)
        implements AuditableEvent.OfTransition {

    public EvidenceEvent(String actor, Action transition, String subject, String details) {
        this(actor, transition, subject, details, null);
    }

    public enum Action {
        EVIDENCE_GENERATED,
        EVIDENCE_DOWNLOADED
    }

    @Override
    public String target() {
        return subject;
    }
}
