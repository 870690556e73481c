package org.pchatdr.portal.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.ChainVerification;
import org.pchatdr.portal.testsupport.Translations;

/**
 * Every text exists in English and in French, and every key the code uses exists. The bundles are
 * those {@code spring.messages.basename} lists; each feature keeps its own.
 */
class TranslationBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:getTranslation\\(|@Menu\\(title = |small\\(|passwordField\\()\\s*\"([a-z][a-z0-9.-]*[a-z0-9])\"");
    private static final Pattern ERROR_CODE = Pattern.compile(
            "(?:new PortalException\\(\\s*Kind\\.[A-Z_]+,|errors?\\.(?:write|error)\\([^\"]*)\\s*\"([a-z_]+)\"");

    private final List<String> basenames = basenames();
    private final Properties english = loadAll("");
    private final Properties french = loadAll("_fr");

    @Test
    void everyBundleOnDiskIsServed() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        for (String folder : List.of("vaadin-i18n", "i18n")) {
            try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
                files.map(file -> folder + "/" + file.getFileName().toString())
                        .filter(name -> name.endsWith(".properties") && !name.endsWith("_fr.properties"))
                        .map(name -> name.substring(0, name.length() - ".properties".length()))
                        .forEach(onDisk::add);
            }
        }
        assertThat(basenames).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(new TreeSet<>(french.stringPropertyNames()))
                .as("keys in French")
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    }

    @Test
    void everyTextIsAValidPatternWithTheSameArgumentsInBothLanguages() {
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String fr = french.getProperty(key, en);
            assertThat(en)
                    .as("English %s uses ’, not a quote MessageFormat would swallow", key)
                    .doesNotContain("'");
            assertThat(fr)
                    .as("French %s uses ’, not a quote MessageFormat would swallow", key)
                    .doesNotContain("'");
            assertThat(new MessageFormat(fr).getFormats().length)
                    .as("arguments of %s", key)
                    .isEqualTo(new MessageFormat(en).getFormats().length);
        }
    }

    @Test
    void everyKeyTheCodeUsesIsTranslated() throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                collect(LITERAL_KEY, code, "", used);
                collect(ERROR_CODE, code, "error.", used);
            }
        }
        for (Role role : Role.values()) {
            used.add("role." + role.name());
            used.add("role." + role.name() + ".can");
        }
        Arrays.stream(ChainVerification.Problem.values())
                .forEach(problem -> used.add("audit.verify.broken." + problem.name()));

        assertThat(used).hasSizeGreaterThan(50);
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    private static void collect(Pattern pattern, String code, String prefix, Set<String> into) {
        Matcher matcher = pattern.matcher(code);
        while (matcher.find()) {
            into.add(prefix + matcher.group(1));
        }
    }

    private static List<String> basenames() {
        Properties application = load("application.properties");
        return Arrays.stream(application.getProperty("spring.messages.basename").split(","))
                .map(String::strip)
                .toList();
    }

    /** All bundles of one language together; a key defined in two bundles is a mistake. */
    private Properties loadAll(String suffix) {
        Properties all = new Properties();
        for (String basename : basenames) {
            Properties bundle = load(basename + suffix + ".properties");
            for (String key : bundle.stringPropertyNames()) {
                assertThat(all.containsKey(key)).as("%s defined twice", key).isFalse();
                all.setProperty(key, bundle.getProperty(key));
            }
        }
        return all;
    }

    private static Properties load(String resource) {
        return Translations.bundle(resource);
    }
}
