package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.testsupport.Translations;

/** Every text key the configuration generators use is in the English and the French bundle. */
class ConfigureTextsTest {

    private static final Pattern KEY = Pattern.compile("\"(configure\\.[A-Za-z.]+)\"");

    @Test
    void everyKeyTheGeneratorsUseExistsInBothLanguages() throws IOException {
        Properties english = Translations.bundle("i18n/procedure-configure.properties");
        Properties french = Translations.bundle("i18n/procedure-configure_fr.properties");
        Set<String> used;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/pchatdr/portal/procedure/generators"))) {
            used = GeneratorTextKeys.used(KEY, english, files.toList());
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(english.stringPropertyNames()).as("English").containsAll(used);
        assertThat(french.stringPropertyNames()).as("French").containsAll(used);
    }
}
