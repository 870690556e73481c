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

    /** Before/after values or other facts that explain the action, or {@code null}. */
    String details();
}
