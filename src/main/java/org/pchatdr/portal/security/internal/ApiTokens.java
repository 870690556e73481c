package org.pchatdr.portal.security.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.pchatdr.portal.base.Sha256;

/**
 * The token format and its stored form. A token is {@value #PREFIX} and 256 random bits: nobody can
 * guess it, so a fast SHA-256 keeps it as safe at rest as bcrypt would, and lets the portal find
 * it by its hash with one indexed lookup. bcrypt (slow and salted) protects short human passwords
 * against guessing; on a token it would only cost ~70 ms per API call, which is what tokens remove
 * (issue 11), and its salt would force a scan of every token to find the match.
 */
public final class ApiTokens {

    /** Recognisable in logs and by secret scanners. */
    public static final String PREFIX = "pcdr_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private ApiTokens() {}

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
