package org.pchatdr.portal.base;

/**
 * What a user may do in the portal. A user may hold several roles. {@link Roles} carries the same
 * names as compile-time constants for {@code @RolesAllowed} and {@code @PreAuthorize}.
 */
public enum Role {
    /** Edits topology drafts, requests and executes runs. */
    OPERATOR,
    /** Approves runs and change requests. */
    APPROVER,
    /** Reads everything, reviews and exports; changes nothing. */
    AUDITOR,
    /** Manages users, roles and settings. */
    ADMIN,
    /**
     * Reads everything, signs off runs, sees the readiness dashboard and exports evidence; changes no
     * topology and executes nothing (issue 14).
     */
    MANAGER;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
