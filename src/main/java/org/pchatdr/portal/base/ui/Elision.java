package org.pchatdr.portal.base.ui;

import java.text.Normalizer;
import java.util.Locale;

/**
 * French drops the vowel of "que", "de", "le" before a word starting with a vowel
 * ("connecté en tant qu’alice", "rôles d’erin"). Messages that put a name after such a word take
 * {@link #of} as an extra argument and choose with {@code {n,choice,0#que {0}|1#qu’{0}}}; English
 * messages ignore it. The name is data, so the choice cannot be written into the bundle. Names
 * starting with h or y keep the full word: whether their h is mute cannot be told from the spelling.
 */
public final class Elision {

    private Elision() {}

    /** 1 when a French article or conjunction before {@code word} elides (an accented vowel counts), 0 otherwise. */
    public static int of(String word) {
        if (word == null || word.isEmpty()) {
            return 0;
        }
        String first = Normalizer.normalize(word.substring(0, 1), Normalizer.Form.NFD)
                .substring(0, 1)
                .toLowerCase(Locale.ROOT);
        return "aeiou".contains(first) ? 1 : 0;
    }
}
