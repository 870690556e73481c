package org.pchatdr.portal.security;

/**
 * Where an account's password is checked (decision 018): here (a break-glass or local account) or
 * by the company directory, which also decides the account's roles at every sign-in.
 */
public enum AccountSource {
    LOCAL,
    DIRECTORY,
    /** Issue 15, decision 021: signed in through OpenID Connect; roles from the groups claim. */
    OIDC
}
