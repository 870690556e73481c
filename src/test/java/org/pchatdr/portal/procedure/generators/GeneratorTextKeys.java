package org.pchatdr.portal.procedure.generators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text keys a generator's source names, as the bundle must hold them: a key the bundle has is
 * one text; any other is a step's key, whose texts stand under it ({@link Steps.Keys#under}).
 */
final class GeneratorTextKeys {

    private GeneratorTextKeys() {}

    static Set<String> used(Pattern key, Properties english, List<Path> sources) {
        Set<String> used = new TreeSet<>();
        for (Path source : sources) {
            Matcher matcher = key.matcher(read(source));
            while (matcher.find()) {
                String found = matcher.group(1);
                if (english.containsKey(found)) {
                    used.add(found);
                } else {
                    Steps.Keys step = Steps.Keys.under(found);
                    used.addAll(List.of(step.title(), step.purpose(), step.expected()));
                }
            }
        }
        return used;
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
