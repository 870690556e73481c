package org.pchatdr.portal.security;

import java.util.Locale;
import java.util.regex.Pattern;
import org.pchatdr.portal.base.CurrentUser;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;

/** Usernames are case-insensitive: stored and compared lower-case. */
public final class Usernames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private Usernames() {}

    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code normalised} is a name an account may have. */
    public static boolean isValid(String normalised) {
        return VALID.matcher(normalised).matches() && !normalised.equals(CurrentUser.SYSTEM);
    }

    /** The normalised username, or a refusal saying which characters are allowed. */
    public static String valid(String username) {
        String normalised = normalise(username);
        if (!VALID.matcher(normalised).matches()) {
            throw new PortalException(Kind.INVALID, "username_invalid");
        }
        if (normalised.equals(CurrentUser.SYSTEM)) {
            // The audit trail names the portal itself so: nobody may sign in as it.
            throw new PortalException(Kind.INVALID, "username_reserved", CurrentUser.SYSTEM);
        }
        return normalised;
    }
}
