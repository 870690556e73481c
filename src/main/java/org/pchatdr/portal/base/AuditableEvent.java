package org.pchatdr.portal.base;

/**
 * An event that belongs on the audit trail. Features publish their events through Spring's
 * {@code ApplicationEventPublisher}; the audit module records every one of them in the publisher's
 * transaction, so a change and its audit record are committed together or not at all.
 */
public interface AuditableEvent {

    /** Who did it: a username, or {@code system} for the portal itself. */
    String actor();

    /** What was done, as a stable upper-case code such as {@code USER_CREATED}. */
    String action();

    /** What it was done to (a username, a topology id …), or {@code null}. */
    String target();

    /**
     * Before/after values or other facts that explain the action, or {@code null}: for events
     * that give a {@link #message()}, the record's text is that message in English instead.
     */
    default String details() {
        return null;
    }

    /**
     * The details as a message of the bundles ({@code audit.details.*}) with its arguments, so that
     * every reader sees them in their own language (issue 12); {@code null} where the event only
     * has a {@link #details()} text.
     */
    default AuditMessage message() {
        return null;
    }

    /** An event whose action is the name of the transition it records, one of its feature's enum. */
    interface OfTransition extends AuditableEvent {

        Enum<?> transition();

        @Override
        default String action() {
            return transition().name();
        }
    }
}
