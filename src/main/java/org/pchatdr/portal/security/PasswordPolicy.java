package org.pchatdr.portal.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;

/**
 * At least 12 characters, not containing the username. At most 72 bytes, because bcrypt ignores
 * (and Spring Security refuses) anything longer.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {}

    /** Why {@code password} is not acceptable for {@code username}, if it is not. */
    public static Optional<PortalException> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(new PortalException(Kind.INVALID, "password_too_short", MIN_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(new PortalException(Kind.INVALID, "password_too_long", MAX_BYTES));
        }
        if (username != null
                && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new PortalException(Kind.INVALID, "password_contains_username"));
        }
        return Optional.empty();
    }

    public static void check(String username, String password) {
        Optional<PortalException> problem = problem(username, password);
        if (problem.isPresent()) {
            throw problem.get();
        }
    }
}
