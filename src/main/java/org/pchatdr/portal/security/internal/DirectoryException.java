package org.pchatdr.portal.security.internal;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/** Why the directory refused a sign-in in a way the person should be told (issue 15). */
public final class DirectoryException {

    private DirectoryException() {}

    /**
     * The directory could not be reached or refused the service account: the sign-in page and the
     * API say so. It never concerns local accounts, whose passwords are checked first.
     */
    public static class Unavailable extends InternalAuthenticationServiceException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The password was right, but none of the person's groups is mapped to a role. Said plainly:
     * only someone who knows the password gets this answer.
     */
    public static class NoMappedGroup extends AccountStatusException {
        private static final long serialVersionUID = 1L;

        NoMappedGroup(String message) {
            super(message);
        }
    }
}
