package org.pchatdr.portal.security;

/** What happened to an account; the audit trail's action code. */
public enum AccountAction {
    SIGNED_IN,
    SIGN_IN_FAILED,
    ACCOUNT_LOCKED,
    SIGNED_OUT,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    USER_CREATED,
    ROLES_CHANGED,
    USER_DISABLED,
    USER_ENABLED,
    USER_UNLOCKED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    /** Failed authentications for unknown usernames or tokens from one address, counted over a window. */
    SIGN_IN_FAILED_UNKNOWN_USERS
}
