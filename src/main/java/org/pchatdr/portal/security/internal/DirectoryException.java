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
     * Decision 021: "Sign in with …" was clicked while the OpenID provider cannot be reached (its
     * discovery document is needed to send the browser there). The sign-in page says so instead of
     * an error page; local accounts are not concerned.
     */
    public static class ProviderUnavailable extends InternalAuthenticationServiceException {
        private static final long serialVersionUID = 1L;

        ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The password was right, but none of the person's groups is mapped to a role. Said plainly:
     * only someone who knows the password gets this answer.
     */
    public static class NoMappedGroup extends OfAccount {
        private static final long serialVersionUID = 1L;

        NoMappedGroup(String message) {
            this(null, message);
        }

        NoMappedGroup(String username, String message) {
            super(username, message);
        }
    }

    /**
     * Issue 15, decision 021: the OpenID provider vouched for the person, but none of the values of
     * the groups claim is mapped to a role. The sign-in page says so in its own words.
     */
    public static class NoMappedClaim extends NoMappedGroup {
        private static final long serialVersionUID = 1L;

        NoMappedClaim(String username, String message) {
            super(username, message);
        }
    }

    /**
     * Decision 021: the name the OpenID provider gives belongs to a local or LDAP account of the
     * portal. No silent takeover: refused, said plainly and audited.
     */
    public static class NameTaken extends OfAccount {
        private static final long serialVersionUID = 1L;

        NameTaken(String username, String message) {
            super(username, message);
        }
    }

    /**
     * A refusal of the account itself, which may name the account it concerns: an OpenID sign-in
     * has no username until the provider's answer is read, so the audit trail takes it from here
     * (SignInMonitor). {@code null} where the sign-in attempt names it (the directory's refusal).
     */
    abstract static class OfAccount extends AccountStatusException {
        private static final long serialVersionUID = 1L;

        private final String username;

        OfAccount(String username, String message) {
            super(message);
            this.username = username;
        }

        String username() {
            return username;
        }
    }
}
