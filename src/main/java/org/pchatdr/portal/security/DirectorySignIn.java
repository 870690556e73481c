package org.pchatdr.portal.security;

import org.pchatdr.portal.security.internal.DirectoryException;

/** What the sign-in page tells about a refusal by the directory (issue 15). */
public final class DirectorySignIn {

    private DirectorySignIn() {}

    /** The message key for {@code failure}, or null for the usual, uninformative one. */
    public static String failureMessageKey(Object failure) {
        // Decision 021: the OpenID Connect refusals first (NoMappedClaim is a NoMappedGroup).
        if (failure instanceof DirectoryException.ProviderUnavailable) {
            return "login.failed.oidc-unavailable";
        }
        if (failure instanceof DirectoryException.NoMappedClaim) {
            return "login.failed.oidc-no-mapped-group";
        }
        if (failure instanceof DirectoryException.NameTaken) {
            return "login.failed.oidc-name-taken";
        }
        if (failure instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException) {
            return "login.failed.oidc";
        }
        if (failure instanceof DirectoryException.Unavailable) {
            return "login.failed.directory-unavailable";
        }
        if (failure instanceof DirectoryException.NoMappedGroup) {
            return "login.failed.no-mapped-group";
        }
        return null;
    }
}
