package org.pchatdr.portal.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English text that should never reach a French reader (issue 12): the literal parts of each English
 * message (between its arguments) whose French differs, long enough to be telling (two words or
 * more, or one word of eight letters or more), and that no French message contains (product names,
 * cmdlets). Data (names, FQDNs) is not in the bundles, so it cannot be mistaken for untranslated
 * text. Shared by the French crawl of every page and the tests of single texts.
 */
public final class EnglishFragments {

    private static final Pattern ARGUMENT = Pattern.compile("\\{[^{}]*}");

    private final List<String> fragments;

    private EnglishFragments(List<String> fragments) {
        this.fragments = fragments;
    }

    /** The fragments of the bundles {@code basenames} (the {@code spring.messages.basename} list). */
    public static EnglishFragments of(String basenames) {
        Properties english = new Properties();
        Properties french = new Properties();
        for (String basename : basenames.split(",")) {
            load(english, basename.strip() + ".properties");
            load(french, basename.strip() + "_fr.properties");
        }
        String allFrench = String.join(
                "\n",
                french.stringPropertyNames().stream().map(french::getProperty).toList());
        Set<String> fragments = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            if (en.equals(french.getProperty(key))) {
                continue;
            }
            for (String literal : literals(en)) {
                String fragment = literal.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
                boolean telling = fragment.contains(" ")
                        ? fragment.length() >= 8
                        : fragment.length() >= 8 && fragment.chars().allMatch(Character::isLetter);
                if (telling && !allFrench.contains(fragment)) {
                    fragments.add(fragment);
                }
            }
        }
        return new EnglishFragments(new ArrayList<>(fragments));
    }

    public int size() {
        return fragments.size();
    }

    /** The fragments {@code text} shows, as whole words. */
    public List<String> in(String text) {
        return fragments.stream()
                .filter(fragment -> Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(fragment) + "(?![\\p{L}-])")
                        .matcher(text)
                        .find())
                .toList();
    }

    /** The text of a message between its arguments (nested choices included). */
    private static List<String> literals(String message) {
        String flat = message.replace("''", "'");
        Matcher argument = ARGUMENT.matcher(flat);
        while (argument.find()) {
            flat = argument.replaceAll("\u0000");
            argument = ARGUMENT.matcher(flat);
        }
        return Arrays.stream(flat.split("[\u0000|#]"))
                .filter(part -> !part.isBlank())
                .toList();
    }

    private static void load(Properties into, String resource) {
        try (InputStream in = EnglishFragments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no bundle " + resource);
            }
            into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
