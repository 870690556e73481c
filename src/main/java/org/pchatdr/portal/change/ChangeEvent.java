package org.pchatdr.portal.change;

import org.pchatdr.portal.base.AuditMessage;
import org.pchatdr.portal.base.AuditableEvent;

/**
 * Every event of a change request, for the audit trail, with the revision and hash it concerns.
 * {@code said}, when there is one, is the details in words each reader sees in their language
 * (issue 12); its English is the stored text.
 */
public record ChangeEvent(
        String actor,
        Action transition,
        long changeId,
        int revision,
        String contentHash,
        String details,
        AuditMessage said)
        implements AuditableEvent.OfTransition {

    public ChangeEvent(
            String actor, Action transition, long changeId, int revision, String contentHash, String details) {
        this(actor, transition, changeId, revision, contentHash, details, null);
    }

    /**
     * An event of change control as a whole (a window, a freeze, a template), of no one request:
     * the trail names its target "change control".
     */
    public static ChangeEvent ofControl(String actor, Action transition, AuditMessage said) {
        return new ChangeEvent(actor, transition, 0, 0, null, null, said);
    }

    public enum Action {
        CHANGE_CREATED,
        CHANGE_REVISED,
        CHANGE_APPROVALS_VOIDED,
        CHANGE_SUBMITTED,
        CHANGE_APPROVED,
        CHANGE_REJECTED,
        CHANGE_CANCELLED,
        CHANGE_STARTED,
        CHANGE_COMPLETED,
        CHANGE_REVIEWED,
        CHANGE_CLOSED,
        CHANGE_WINDOW_ADDED,
        CHANGE_WINDOW_REMOVED,
        CHANGE_FREEZE_ADDED,
        CHANGE_FREEZE_REMOVED,
        CHANGE_TEMPLATE_CREATED,
        CHANGE_TEMPLATE_APPROVED,
        CHANGE_RUN_CREATED,
        CHANGE_WINDOW_EXTENDED,
        CHANGE_FREEZE_OVERRIDDEN
    }

    @Override
    public String target() {
        return changeId == 0 ? "change control" : "change " + changeId + " r" + revision;
    }

    @Override
    public String details() {
        String hash = contentHash == null ? "" : "hash " + contentHash + (details == null ? "" : "; ");
        return hash + (details == null ? "" : details);
    }

    /** {@link #details()} in words: "hash …; " then what was said. */
    @Override
    public AuditMessage message() {
        if (said == null) {
            return null;
        }
        return contentHash == null ? said : AuditMessage.of("audit.details.change.hashed", contentHash, said);
    }
}
