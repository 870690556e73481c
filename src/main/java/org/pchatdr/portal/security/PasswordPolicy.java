package org.pchatdr.portal.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pchatdr.portal.base.PortalException;
import org.pchatdr.portal.base.PortalException.Kind;

/**
 * At least 12 characters, not containing the username, not one of the 100,000 most common
 * passwords, not a repetition or a run of characters (issue 11). At most 72 bytes, because bcrypt
 * ignores (and Spring Security refuses) anything longer. Every path that sets a password goes
 * through here: creation, reset, the user's own change and the bootstrap administrator's password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    /**
     * The 100,000 most common passwords of breach corpora, as shipped in the nbvcxz library (MIT
     * licence). Shorter ones are refused for their length already, so only the rest is kept in
     * memory (under a thousand of them), lower-cased: "Password1234" is as common as "password1234".
     */
    private static final String COMMON_PASSWORDS = "dictionaries/passwords.txt";

    private PasswordPolicy() {}

    /** Why {@code password} is not acceptable for {@code username}, if it is not. */
    public static Optional<PortalException> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(new PortalException(Kind.INVALID, "password_too_short", MIN_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(new PortalException(Kind.INVALID, "password_too_long", MAX_BYTES));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new PortalException(Kind.INVALID, "password_contains_username"));
        }
        if (isTrivial(password)) {
            return Optional.of(new PortalException(Kind.INVALID, "password_trivial"));
        }
        if (CommonPasswords.SET.contains(lower)) {
            return Optional.of(new PortalException(Kind.INVALID, "password_common"));
        }
        return Optional.empty();
    }

    public static void check(String username, String password) {
        Optional<PortalException> problem = problem(username, password);
        if (problem.isPresent()) {
            throw problem.get();
        }
    }

    /**
     * A short piece said again and again ({@code aaaaaaaaaaaa}, {@code abcabcabcabc}, a word typed
     * twice) or a run such as {@code abcdefghijkl} or {@code 987654321098}: guessed in the first
     * seconds of any attack whatever its length.
     */
    static boolean isTrivial(String password) {
        int[] chars = password.codePoints().toArray();
        return repeatsWithin(chars) || isRun(chars);
    }

    /** Whether the text is its own first half (or less) said again: its shortest period is ≤ half. */
    private static boolean repeatsWithin(int[] chars) {
        for (int period = 1; period <= chars.length / 2; period++) {
            boolean repeats = true;
            for (int i = period; i < chars.length && repeats; i++) {
                repeats = chars[i] == chars[i - period];
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** Every character the next (or previous) one of the last, digits wrapping from 9 to 0. */
    private static boolean isRun(int[] chars) {
        int ascending = 0;
        int descending = 0;
        for (int i = 1; i < chars.length; i++) {
            int step = step(chars[i - 1], chars[i]);
            ascending += step == 1 ? 1 : 0;
            descending += step == -1 ? 1 : 0;
        }
        return ascending == chars.length - 1 || descending == chars.length - 1;
    }

    private static int step(int from, int to) {
        if (Character.isDigit(from) && Character.isDigit(to)) {
            int difference = Math.floorMod(to - from, 10);
            return difference == 1 ? 1 : difference == 9 ? -1 : 0;
        }
        return Character.toLowerCase(to) - Character.toLowerCase(from);
    }

    /** Loaded on first use, once per JVM. */
    private static final class CommonPasswords {

        static final Set<String> SET = load();

        private static Set<String> load() {
            InputStream stream = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
            if (stream == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the class path (nbvcxz)");
            }
            Set<String> common = new HashSet<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String password = line.strip();
                    if (password.codePointCount(0, password.length()) >= MIN_LENGTH) {
                        common.add(password.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(common);
        }
    }
}
