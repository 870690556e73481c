package org.pchatdr.portal.security;

import org.pchatdr.portal.security.internal.DirectoryException;

/** What the sign-in page tells about a refusal by the directory (issue 15). */
public final class DirectorySignIn {

    private DirectorySignIn() {}

    /** The message key for {@code failure}, or null for the usual, uninformative one. */
    public static String failureMessageKey(Object failure) {
        if (failure instanceof DirectoryException.Unavailable) {
            return "login.failed.directory-unavailable";
        }
        if (failure instanceof DirectoryException.NoMappedGroup) {
            return "login.failed.no-mapped-group";
        }
        return null;
    }
}
