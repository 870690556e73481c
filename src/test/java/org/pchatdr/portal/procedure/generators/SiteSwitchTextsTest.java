package org.pchatdr.portal.procedure.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.procedure.Procedure;
import org.pchatdr.portal.testsupport.Translations;
import org.pchatdr.portal.topology.TopologySamples;

/** Every text the DR generators use exists in English and French, and French output is French. */
class SiteSwitchTextsTest {

    private static final Pattern KEY = Pattern.compile("\"(dr\\.[a-z0-9.-]+)\"");
    private static final String[] STEP_PARTS = {".title", ".purpose", ".expected"};

    @Test
    void everyKeyTheGeneratorsUseExistsInBothBundles() throws IOException {
        Properties english = Translations.bundle("i18n/procedure-dr.properties");
        Properties french = Translations.bundle("i18n/procedure-dr_fr.properties");
        Set<String> used = new TreeSet<>();
        for (String name : new String[] {"SiteFailover", "SiteFailback", "SiteSwitch"}) {
            String code = Files.readString(
                    Path.of("src/main/java/org/pchatdr/portal/procedure/generators/" + name + ".java"));
            Matcher matcher = KEY.matcher(code);
            while (matcher.find()) {
                String key = matcher.group(1);
                if (english.containsKey(key)) {
                    used.add(key);
                } else {
                    for (String part : STEP_PARTS) {
                        used.add(key + part);
                    }
                }
            }
        }
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
