package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text key the configuration generators use is in the English and the French bundle. */
class ConfigureTextsTest {

    private static final Pattern KEY = Pattern.compile("\"(configure\\.[A-Za-z.]+)\"");

    @Test
    void everyKeyTheGeneratorsUseExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/pchatdr/portal/procedure/generators"))) {
            for (Path file : files.toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        Properties english = load("procedure-configure.properties");
        Properties french = load("procedure-configure_fr.properties");
        assertThat(english.stringPropertyNames()).as("English").containsAll(used);
        assertThat(french.stringPropertyNames()).as("French").containsAll(used);
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/i18n", file), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
