package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.testsupport.Translations;
import org.pchatdr.portal.topology.TopologySamples;

/** Every text the DR generators use exists in English and French, and French output is French. */
class SiteSwitchTextsTest {

    private static final Pattern KEY = Pattern.compile("\"(dr\\.[a-z0-9.-]+)\"");

    @Test
    void everyKeyTheGeneratorsUseExistsInBothBundles() throws IOException {
        Properties english = Translations.bundle("i18n/procedure-dr.properties");
        Properties french = Translations.bundle("i18n/procedure-dr_fr.properties");
        Set<String> used = GeneratorTextKeys.used(
                KEY,
                english,
                Stream.of("SiteFailover", "SiteFailback", "SiteSwitch")
                        .map(name -> Path.of("src/main/java/org/pchatdr/portal/procedure/generators/" + name + ".java"))
                        .toList());
        assertThat(used).hasSizeGreaterThan(60);
        assertThat(english.stringPropertyNames()).containsAll(used);
        assertThat(french.stringPropertyNames()).containsAll(used);
        assertThat(new TreeSet<>(french.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    }

    @Test
    void frenchProceduresUseNoEnglishTextAndKeepTheSameScripts() {
        for (String sample : TopologySamples.NAMES) {
            for (String variant : new String[] {"unplanned", "planned"}) {
                Procedure english =
                        GeneratedProcedures.english(new SiteFailover(), TopologySamples.topology(sample), variant);
                Procedure french = GeneratedProcedures.of(
                        new SiteFailover(), TopologySamples.topology(sample), variant, Locale.FRENCH);
                for (int i = 0; i < english.steps().size(); i++) {
                    assertThat(french.steps().get(i).script())
                            .isEqualTo(english.steps().get(i).script());
                    assertThat(french.steps().get(i).title())
                            .isNotEqualTo(english.steps().get(i).title());
                }
            }
            Procedure back = GeneratedProcedures.of(
                    new SiteFailback(), TopologySamples.topology(sample), (String) null, Locale.FRENCH);
            assertThat(back.steps())
                    .isNotEmpty()
                    .allSatisfy(step -> assertThat(step.title()).doesNotContain("{"));
        }
    }
}
